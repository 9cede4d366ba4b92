import { Alert, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { OrderDetail } from '../../../../shared/api/orders';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { usePartnerOrder } from '../../../api/queries/partner-orders';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { telHref } from '../../../lib/format';
import { usePartnerTranslation } from '../i18n';
import { OrderActivations } from './order-activations';
import { OrderDocuments } from './order-documents';

const route = getRouteApi('/authed/cabinet/organization/orders/$orderId');

/**
 * «Заказ №362» (seed 2.7): the customer, the general information, the supplier's lines with «Итого», the
 * related activations with their license files, and the invoice and УПД as PDF.
 */
export function OrderPage() {
  const { t } = usePartnerTranslation();
  const { orderId } = route.useParams();
  const order = usePartnerOrder(orderId);
  const describe = useErrorMessage();
  const data = order.data;
  const title = data ? t('order.title', { number: data.number }) : t('orders.title');
  const crumbs = [
    { label: t('nav.home'), to: '/' as const },
    { label: t('nav.orders'), to: '/orders' as const },
    { label: data ? title : '…' },
  ];

  if (order.isError)
    return (
      <>
        <PageHeader title={t('orders.title')} crumbs={crumbs} />
        <Alert color="red">{describe(order.error)}</Alert>
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader title="…" crumbs={crumbs} />
        <Skeleton h={420} radius="md" />
      </>
    );

  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <CustomerBlock order={data} />
          <GeneralBlock order={data} />
        </SimpleGrid>
        <LinesBlock order={data} />
        <OrderActivations activations={data.activations} />
        <OrderDocuments order={data} />
      </Stack>
    </>
  );
}

function Rows({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th w={150} bg="transparent" fw={400} c="dimmed" style={{ verticalAlign: 'top' }}>
              {row.label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Блок «заказчик»: the buying organization, the contact person, the activation as the comment. */
function CustomerBlock({ order }: { order: OrderDetail }) {
  const { t } = usePartnerTranslation();
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-label={t('order.customer')}
    >
      <Rows
        rows={[
          { label: t('common.organization'), value: <Text fw={600}>{order.organizationName}</Text> },
          { label: t('order.fullName'), value: order.contactName ?? t('common.none') },
          {
            label: t('order.phone'),
            value: order.contactPhone ? <AnchorPhone phone={order.contactPhone} /> : t('common.none'),
          },
          { label: t('order.email'), value: order.contactEmail ?? t('common.none') },
          {
            label: t('order.comment'),
            value: (
              <AnchorLink
                to="/activations/$activationId"
                params={{ activationId: order.activationId }}
                size="sm"
              >
                {t('order.activationRef', { number: order.activationNumber })}
              </AnchorLink>
            ),
          },
        ]}
      />
    </Paper>
  );
}

function AnchorPhone({ phone }: { phone: string }) {
  return (
    <Text component="a" href={telHref(phone)} size="sm" c="inherit" td="none">
      {phone}
    </Text>
  );
}

/** Блок «общей информации»: statuses, date, invoice number, contract. */
function GeneralBlock({ order }: { order: OrderDetail }) {
  const { t } = usePartnerTranslation();
  const payment =
    order.paymentStatus === 'paid' ? (
      <Text c="green" fw={500} size="sm">
        {t('payment.paid')}
        {order.paidAt && ` (${formatDate(order.paidAt)})`}
      </Text>
    ) : (
      <Text c={order.overdue ? 'red' : undefined} fw={order.overdue ? 600 : undefined} size="sm">
        {t('payment.pending')} (
        {order.overdue
          ? t('payment.overdueSince', { date: formatDate(order.dueDate) })
          : t('payment.dueDate', { date: formatDate(order.dueDate) })}
        )
      </Text>
    );
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-label={t('order.general')}
    >
      <Rows
        rows={[
          {
            label: t('order.status'),
            value: (
              <Badge variant="light" color={order.status === 'shipped' ? 'green' : 'blue'}>
                {t(`orders.statuses.${order.status}`)}
              </Badge>
            ),
          },
          { label: t('order.paymentStatus'), value: payment },
          {
            label: t('order.orderDate'),
            value: <span className="tabular">{formatDate(order.orderDate)}</span>,
          },
          { label: t('order.invoice'), value: order.invoiceNumber },
          { label: t('order.contract'), value: order.contract },
        ]}
      />
    </Paper>
  );
}

/** Блок «содержание заказа»: the supplier of the licenses and the lines with «Итого». */
function LinesBlock({ order }: { order: OrderDetail }) {
  const { t } = usePartnerTranslation();
  return (
    <section aria-labelledby="order-supplier">
      <Title order={2} fz="lg" mb="sm" id="order-supplier">
        {order.supplierName}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder verticalSpacing="sm" bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('order.lineNo')}</Table.Th>
              <Table.Th>{t('order.name')}</Table.Th>
              <Table.Th ta="right">{t('order.price')}</Table.Th>
              <Table.Th ta="right">{t('order.quantity')}</Table.Th>
              <Table.Th ta="right">{t('order.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.lineNo}>
                <Table.Td className="tabular">{line.lineNo}.</Table.Td>
                <Table.Td>{line.name}</Table.Td>
                <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(line.priceKopecks)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {line.quantity}
                </Table.Td>
                <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(line.amountKopecks)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" mt="sm" gap="lg">
        {order.vatKopecks > 0 && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('order.vatLine', { vat: formatMoney(order.vatKopecks) })}
          </Text>
        )}
        <Text fw={700} className="tabular">
          {t('order.totalLine', { total: formatMoney(order.totalKopecks) })}
        </Text>
      </Group>
    </section>
  );
}
