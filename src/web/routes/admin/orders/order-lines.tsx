import { Group, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/api/orders';
import { formatMoney } from '../../../../shared/money';
import { DataTable } from '../../../components/data-table';
import { Section } from '../../../components/section';
import { ActivationStatusBadge } from '../activations/activation-status-badge';

/** «Блок: содержание заказа»: the supplier, the lines, the total and VAT. */
export function OrderLines({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={order.supplierName} description={t('partnerOps.orders.supplier')}>
      <Stack gap="sm">
        <DataTable
          aria-label={t('partnerOps.orders.content')}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          records={order.lines}
          idAccessor="lineNo"
          columns={[
            {
              accessor: 'lineNo',
              title: '№',
              width: 48,
              textAlign: 'right',
              render: (line) => `${line.lineNo}.`,
            },
            { accessor: 'name', title: t('partnerOps.orders.name') },
            {
              accessor: 'priceKopecks',
              title: t('partnerOps.orders.price'),
              textAlign: 'right',
              noWrap: true,
              cellsClassName: 'tabular',
              render: (line) => formatMoney(line.priceKopecks),
            },
            {
              accessor: 'quantity',
              title: t('partnerOps.orders.quantity'),
              textAlign: 'right',
              cellsClassName: 'tabular',
            },
            {
              accessor: 'vatLabel',
              title: t('partnerOps.orders.vat'),
              noWrap: true,
              render: (line) =>
                line.vatKopecks > 0 ? `${line.vatLabel}: ${formatMoney(line.vatKopecks)}` : line.vatLabel,
            },
            {
              accessor: 'amountKopecks',
              title: t('partnerOps.orders.amount'),
              textAlign: 'right',
              noWrap: true,
              cellsClassName: 'tabular',
              render: (line) => formatMoney(line.amountKopecks),
            },
          ]}
        />
        <Group justify="flex-end" gap="xl">
          {order.vatKopecks > 0 && (
            <Text size="sm" c="dimmed" className="tabular">
              {t('partnerOps.orders.vatTotal', { amount: formatMoney(order.vatKopecks) })}
            </Text>
          )}
          <Text fw={700} className="tabular">
            {t('partnerOps.orders.grandTotal', { amount: formatMoney(order.totalKopecks) })}
          </Text>
        </Group>
      </Stack>
    </Section>
  );
}

/** «Блок: связанные активации лицензий»: a row opens the activation. */
export function OrderActivations({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Section title={t('partnerOps.orders.activations')}>
      <DataTable
        aria-label={t('partnerOps.orders.activations')}
        withTableBorder
        borderRadius="md"
        verticalSpacing="sm"
        highlightOnHover
        records={order.activations}
        onRowClick={({ record }) =>
          void navigate({
            to: '/admin/activations/$activationId',
            params: { activationId: record.id },
            search: {},
          })
        }
        columns={[
          {
            accessor: 'number',
            title: t('partnerOps.activations.number'),
            textAlign: 'right',
            width: 120,
            cellsClassName: 'tabular',
          },
          {
            accessor: 'status',
            title: t('partnerOps.activations.status'),
            render: (a) => <ActivationStatusBadge status={a.status} />,
          },
          { accessor: 'vendorName', title: t('partnerOps.activations.vendor') },
          {
            accessor: 'licenseCount',
            title: t('partnerOps.activations.licenses'),
            textAlign: 'right',
            cellsClassName: 'tabular',
          },
          {
            accessor: 'totalKopecks',
            title: t('partnerOps.activations.total'),
            textAlign: 'right',
            noWrap: true,
            cellsClassName: 'tabular',
            render: (a) => formatMoney(a.totalKopecks),
          },
        ]}
      />
    </Section>
  );
}
