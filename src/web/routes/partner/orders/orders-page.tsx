import 'mantine-datatable/styles.css';
import '../partner.css';
import { Alert, Badge, Box, Group, Select, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import type { OrderSummary } from '../../../../shared/api/orders';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { usePartnerOrders } from '../../../api/queries/partner-orders';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useErrorMessage } from '../../../lib/errors';
import { useListSearch } from '../../../lib/use-list-search';
import { OrganizationFilter } from '../components/organization-filter';
import { PaymentMark } from '../components/payment-mark';
import { usePartnerTranslation } from '../i18n';
import { ORDER_PAYMENT_FILTERS, type OrdersSearch } from '../partner-search';

const route = getRouteApi('/authed/cabinet/organization/orders');

const SORT_BY_ACCESSOR = { number: 'number', orderDate: 'orderDate', totalKopecks: 'total' } as const;
const ACCESSOR_BY_SORT = { number: 'number', orderDate: 'orderDate', total: 'totalKopecks' } as const;
const TOGGLEABLE = [
  'invoiceNumber',
  'organizationName',
  'orderDate',
  'status',
  'paymentTermsLabel',
  'totalKopecks',
  'paymentStatus',
  'contactName',
];

/** The «Оплата» filter as the API's query: waiting past the due date is «Просрочено». */
function paymentQuery(payment: OrdersSearch['payment']) {
  if (payment === 'overdue') return { paymentStatus: 'pending', overdue: 'true' } as const;
  return payment ? { paymentStatus: payment } : {};
}

/** «Заказы» (seed 2.6): the orders made on completed activations, with their invoice and payment. */
export function OrdersPage() {
  const { t } = usePartnerTranslation();
  const describe = useErrorMessage();
  const listing = useListSearch<OrdersSearch>(route, { sort: 'number', order: 'desc' });
  const { search, setFilter } = listing;
  const navigate = route.useNavigate();
  const [hidden, setHidden] = useHiddenColumns('partner-orders');
  const list = usePartnerOrders({
    q: search.q,
    organizationId: search.organizationId,
    ...paymentQuery(search.payment),
    ...listing.query,
  });

  const columns: DataTableColumn<OrderSummary>[] = [
    {
      accessor: 'number',
      title: t('orders.number'),
      sortable: true,
      cellsClassName: 'tabular',
      render: (item) => (
        <Text size="sm" fw={500}>
          {item.number}
        </Text>
      ),
    },
    { accessor: 'invoiceNumber', title: t('orders.invoice'), noWrap: true },
    {
      accessor: 'organizationName',
      title: t('common.organization'),
      render: (item) => (
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {item.organizationName}
        </Text>
      ),
    },
    {
      accessor: 'orderDate',
      title: t('orders.orderDate'),
      sortable: true,
      noWrap: true,
      cellsClassName: 'tabular',
      render: (item) => formatDate(item.orderDate),
    },
    {
      accessor: 'status',
      title: t('orders.status'),
      noWrap: true,
      render: (item) => (
        <Badge variant="light" color={item.status === 'shipped' ? 'green' : 'blue'} miw="max-content">
          {t(`orders.statuses.${item.status}`)}
        </Badge>
      ),
    },
    { accessor: 'paymentTermsLabel', title: t('orders.terms') },
    {
      accessor: 'totalKopecks',
      title: t('orders.total'),
      sortable: true,
      textAlign: 'right',
      noWrap: true,
      cellsClassName: 'tabular',
      render: (item) => formatMoney(item.totalKopecks),
    },
    {
      accessor: 'paymentStatus',
      title: t('orders.payment'),
      textAlign: 'center',
      render: (item) => <PaymentMark status={item.paymentStatus} overdue={item.overdue} />,
    },
    {
      accessor: 'contactName',
      title: t('orders.contact'),
      render: (item) => item.contactName ?? t('common.none'),
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));
  const filtered = Boolean(search.q || search.organizationId || search.payment);

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        crumbs={[{ label: t('nav.home'), to: '/' }, { label: t('nav.orders') }]}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput label={t('orders.search')} value={search.q} onChange={(q) => setFilter({ q })} />
        <OrganizationFilter
          value={search.organizationId}
          onChange={(organizationId) => setFilter({ organizationId })}
        />
        <Select
          aria-label={t('orders.payment')}
          placeholder={t('orders.payment')}
          data={ORDER_PAYMENT_FILTERS.map((value) => ({ value, label: t(`payment.${value}`) }))}
          value={search.payment ?? null}
          onChange={(value) => setFilter({ payment: ORDER_PAYMENT_FILTERS.find((item) => item === value) })}
          clearable
          w={180}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
          label={t('common.columnsMenu')}
        />
      </Group>
      {list.isError ? (
        <Alert color="red">{describe(list.error)}</Alert>
      ) : (
        <Box className="partner-table">
          <ListTable
            aria-label={t('orders.title')}
            list={list}
            columns={columns}
            hiddenColumns={hidden}
            {...listing.paging}
            sortStatus={{ columnAccessor: ACCESSOR_BY_SORT[listing.sort], direction: listing.order }}
            onSortStatusChange={(status) =>
              listing.setSort(
                SORT_BY_ACCESSOR[status.columnAccessor as keyof typeof SORT_BY_ACCESSOR],
                status.direction,
              )
            }
            onRowClick={({ record }) =>
              void navigate({ to: '/orders/$orderId', params: { orderId: record.id } })
            }
            emptyText={filtered ? t('table.nothingFound') : t('orders.empty')}
          />
        </Box>
      )}
    </>
  );
}
