import { Alert, Group, Skeleton, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAdminOrder } from '../../../api/queries/admin-partner-orders';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { OrderDocuments } from './order-documents';
import { OrderFacts } from './order-facts';
import { OrderActivations, OrderLines } from './order-lines';
import { OrderPayments } from './order-payments';
import { PaymentBadge } from './payment-badge';

const route = getRouteApi('/authed/admin/orders/$orderId');

/** One order (seed 002, 2.7): customer, general facts, lines, activations, documents; payments by staff. */
export function OrderPage() {
  const { t } = useTranslation();
  const { orderId } = route.useParams();
  const order = useAdminOrder(orderId);
  const describe = useErrorMessage();
  const data = order.data;
  const title = data ? t('partnerOps.orders.title', { number: data.number }) : t('partnerOps.nav.orders');
  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('partnerOps.nav.orders'), to: '/admin/orders' as const },
    { label: data ? `№ ${data.number}` : '…' },
  ];

  if (order.isError)
    return (
      <>
        <PageHeader title={t('partnerOps.nav.orders')} crumbs={crumbs} />
        <Alert color="red">{describe(order.error)}</Alert>
      </>
    );

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {title}
            {data && <PaymentBadge status={data.paymentStatus} overdue={data.overdue} />}
          </Group>
        }
        documentTitle={title}
        description={data ? `${data.invoiceNumber} · ${data.organizationName}` : undefined}
        crumbs={crumbs}
      />
      {!data ? (
        <Skeleton h={420} />
      ) : (
        <Stack gap="lg">
          <OrderFacts order={data} />
          <OrderLines order={data} />
          <OrderPayments order={data} />
          <OrderDocuments order={data} />
          <OrderActivations order={data} />
        </Stack>
      )}
    </>
  );
}
