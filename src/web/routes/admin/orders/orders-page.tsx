import { Group, Select, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../shared/api/orders';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useAdminOrders } from '../../../api/queries/admin-partner-orders';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useListSearch } from '../../../lib/use-list-search';
import { type OrdersSearch, PAYMENT_FILTERS, paymentQuery } from './orders-search';
import { PaymentBadge } from './payment-badge';

const route = getRouteApi('/authed/admin/orders');
const TOGGLEABLE = ['invoiceNumber', 'status', 'paymentTermsLabel', 'dueDate', 'contactName', 'activation'];

/** «Заказы» (seed 002, 2.6) of every partner organization; overdue invoices stand out in red. */
export function OrdersPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { sort: 'number', order: 'desc', sortedOrder: 'asc' });
  const { search, setFilter } = listing;
  const navigate = route.useNavigate();
  const [hidden, setHidden] = useHiddenColumns('admin-orders', ['contactName', 'activation']);
  const list = useAdminOrders({
    q: search.q,
    organizationId: search.organizationId,
    ...paymentQuery(search.payment),
    ...listing.query,
  });
  const filtered = Boolean(search.q || search.organizationId || search.payment);

  const columns: DataTableColumn<OrderSummary>[] = [
    {
      accessor: 'number',
      title: t('partnerOps.orders.number'),
      sortable: true,
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'invoiceNumber',
      title: t('partnerOps.orders.invoice'),
      noWrap: true,
      cellsClassName: 'tabular',
    },
    {
      accessor: 'organization',
      title: t('partnerOps.orders.organization'),
      cellsStyle: () => ({ minWidth: 160 }),
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {o.organizationName}
          </Text>
          <Text size="xs" c="dimmed" className="tabular">
            {t('partnerOps.inn', { inn: o.organizationInn })}
          </Text>
        </Stack>
      ),
    },
    {
      accessor: 'orderDate',
      title: t('partnerOps.orders.orderDate'),
      sortable: true,
      noWrap: true,
      cellsClassName: 'tabular',
      render: (o) => formatDate(o.orderDate),
    },
    {
      accessor: 'status',
      title: t('partnerOps.orders.status'),
      render: (o) => t(`partnerOps.orderStatus.${o.status}`),
    },
    { accessor: 'paymentTermsLabel', title: t('partnerOps.orders.terms') },
    {
      accessor: 'total',
      title: t('partnerOps.orders.total'),
      sortable: true,
      textAlign: 'right',
      noWrap: true,
      cellsClassName: 'tabular',
      render: (o) => formatMoney(o.totalKopecks),
    },
    {
      accessor: 'paymentStatus',
      title: t('partnerOps.orders.payment'),
      render: (o) => <PaymentBadge status={o.paymentStatus} overdue={o.overdue} />,
    },
    {
      accessor: 'dueDate',
      title: t('partnerOps.orders.dueDate'),
      noWrap: true,
      render: (o) => (
        <Text
          size="sm"
          className="tabular"
          c={o.overdue ? 'red' : o.paymentStatus === 'paid' ? 'dimmed' : undefined}
          fw={o.overdue ? 600 : undefined}
        >
          {formatDate(o.dueDate)}
        </Text>
      ),
    },
    {
      accessor: 'contactName',
      title: t('partnerOps.orders.contact'),
      render: (o) => o.contactName ?? '—',
    },
    {
      accessor: 'activation',
      title: t('partnerOps.orders.activation'),
      textAlign: 'right',
      cellsClassName: 'tabular',
      render: (o) => o.activationNumber,
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));

  return (
    <>
      <PageHeader
        title={t('partnerOps.nav.orders')}
        description={t('partnerOps.orders.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerOps.nav.orders') }]}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput
          label={t('partnerOps.orders.search')}
          value={search.q}
          onChange={(q) => setFilter({ q })}
        />
        <Select
          aria-label={t('partnerOps.orders.payment')}
          placeholder={t('partnerOps.orders.allPayments')}
          data={PAYMENT_FILTERS.map((value) => ({ value, label: t(`partnerOps.payment.${value}`) }))}
          value={search.payment ?? null}
          onChange={(value) => setFilter({ payment: (value ?? undefined) as OrdersSearch['payment'] })}
          clearable
          w={200}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
        />
      </Group>
      <ListTable
        aria-label={t('partnerOps.nav.orders')}
        list={list}
        columns={columns}
        hiddenColumns={hidden}
        idAccessor={(o) => o.id}
        {...listing.paging}
        {...listing.sorting}
        onRowClick={({ record }) =>
          void navigate({ to: '/admin/orders/$orderId', params: { orderId: record.id } })
        }
        emptyText={filtered ? t('table.nothingFound') : t('partnerOps.orders.empty')}
      />
    </>
  );
}
