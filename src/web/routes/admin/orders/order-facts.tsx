import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/api/orders';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { InfoList } from '../../../components/info-list';
import { AnchorLink } from '../../../components/links';
import { useStaffCan } from '../components/use-staff';
import { PaymentBadge } from './payment-badge';

/** Seed 002, 2.7: «Блок: заказчик» and «Блок: общей информации» side by side. */
export function OrderFacts({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const canReadDirectory = useStaffCan('readDirectory');
  const dash = (value: string | null) => value || '—';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Title order={2} fz="lg" mb="sm">
          {t('partnerOps.orders.customer')}
        </Title>
        <InfoList
          labelWidth={140}
          rows={[
            {
              label: t('partnerOps.orders.organization'),
              value: (
                <>
                  {canReadDirectory ? (
                    <AnchorLink
                      to="/admin/organizations/$organizationId"
                      params={{ organizationId: order.organizationId }}
                      size="sm"
                      fw={500}
                    >
                      {order.organizationName}
                    </AnchorLink>
                  ) : (
                    order.organizationName
                  )}
                  <Text size="xs" c="dimmed" className="tabular">
                    {t('partnerOps.inn', { inn: order.organizationInn })}
                  </Text>
                </>
              ),
            },
            { label: t('partnerOps.orders.fio'), value: dash(order.contactName) },
            { label: t('partnerOps.orders.phone'), value: dash(order.contactPhone) },
            { label: t('partnerOps.orders.email'), value: dash(order.contactEmail) },
            {
              label: t('partnerOps.orders.comment'),
              value: (
                <AnchorLink
                  to="/admin/activations/$activationId"
                  params={{ activationId: order.activationId }}
                  search={{}}
                  size="sm"
                >
                  {t('partnerOps.activations.title', { number: order.activationNumber })}
                </AnchorLink>
              ),
            },
          ]}
        />
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Title order={2} fz="lg" mb="sm">
          {t('partnerOps.orders.general')}
        </Title>
        <InfoList
          labelWidth={160}
          rows={[
            { label: t('partnerOps.orders.status'), value: t(`partnerOps.orderStatus.${order.status}`) },
            {
              label: t('partnerOps.orders.paymentStatus'),
              value: <PaymentBadge status={order.paymentStatus} overdue={order.overdue} />,
            },
            { label: t('partnerOps.orders.orderDate'), value: formatDate(order.orderDate) },
            { label: t('partnerOps.orders.invoice'), value: order.invoiceNumber },
            { label: t('partnerOps.orders.contract'), value: order.contract },
            {
              label: t('partnerOps.orders.dueDate'),
              value: (
                <Text
                  size="sm"
                  span
                  c={order.overdue ? 'red' : undefined}
                  fw={order.overdue ? 600 : undefined}
                >
                  {formatDate(order.dueDate)}
                </Text>
              ),
            },
            ...(order.paidAt
              ? [{ label: t('partnerOps.orders.paidAt'), value: formatDateTime(order.paidAt) }]
              : []),
          ]}
        />
      </Paper>
    </SimpleGrid>
  );
}
