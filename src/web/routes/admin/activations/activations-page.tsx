import { Group, Select, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { ActivationSummary } from '../../../../shared/api/activations';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useAdminActivations } from '../../../api/queries/admin-partner-activations';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useListSearch } from '../../../lib/use-list-search';
import { PaymentBadge } from '../orders/payment-badge';
import { ActivationStatusBadge } from './activation-status-badge';
import type { ActivationsSearch } from './activations-search';

const route = getRouteApi('/authed/admin/activations');
const TOGGLEABLE = ['orderNumber', 'vendorName', 'licenseCount', 'paymentStatus', 'comment'];
const STATUSES = ['in_progress', 'done', 'failed'] as const;

/** «Активации» (seed 002, 2.1) of every partner organization: search by device serial or organization. */
export function ActivationsPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { sort: 'createdAt', order: 'desc', sortedOrder: 'asc' });
  const { search, setFilter } = listing;
  const navigate = route.useNavigate();
  const [hidden, setHidden] = useHiddenColumns('admin-activations', ['orderNumber']);
  const list = useAdminActivations({
    serial: search.serial,
    q: search.q,
    organizationId: search.organizationId,
    status: search.status,
    ...listing.query,
  });
  const filtered = Boolean(search.serial || search.q || search.organizationId || search.status);

  const columns: DataTableColumn<ActivationSummary>[] = [
    {
      accessor: 'number',
      title: t('partnerOps.activations.number'),
      sortable: true,
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'orderNumber',
      title: t('partnerOps.activations.order'),
      textAlign: 'right',
      cellsClassName: 'tabular',
      render: (a) => a.orderNumber ?? '—',
    },
    {
      accessor: 'organization',
      title: t('partnerOps.activations.organization'),
      cellsStyle: () => ({ minWidth: 160 }),
      render: (a) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {a.organizationName}
          </Text>
          <Text size="xs" c="dimmed" className="tabular">
            {t('partnerOps.inn', { inn: a.organizationInn })}
          </Text>
        </Stack>
      ),
    },
    { accessor: 'vendorName', title: t('partnerOps.activations.vendor'), noWrap: true },
    {
      accessor: 'status',
      title: t('partnerOps.activations.status'),
      render: (a) => <ActivationStatusBadge status={a.status} />,
    },
    {
      accessor: 'licenseCount',
      title: t('partnerOps.activations.licenses'),
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'total',
      title: t('partnerOps.activations.total'),
      sortable: true,
      textAlign: 'right',
      noWrap: true,
      cellsClassName: 'tabular',
      render: (a) => formatMoney(a.totalKopecks),
    },
    {
      accessor: 'paymentStatus',
      title: t('partnerOps.activations.paid'),
      render: (a) =>
        a.paymentStatus ? (
          <PaymentBadge status={a.paymentStatus} />
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    {
      accessor: 'createdAt',
      title: t('partnerOps.activations.date'),
      sortable: true,
      noWrap: true,
      cellsClassName: 'tabular',
      render: (a) => formatDate(a.createdAt),
    },
    {
      accessor: 'comment',
      title: t('partnerOps.activations.comment'),
      cellsStyle: () => ({ maxWidth: 260 }),
      render: (a) => (
        <Text size="sm" lineClamp={2} c={a.comment ? undefined : 'dimmed'} title={a.comment ?? undefined}>
          {a.comment || '—'}
        </Text>
      ),
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));

  return (
    <>
      <PageHeader
        title={t('partnerOps.nav.activations')}
        description={t('partnerOps.activations.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerOps.nav.activations') }]}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput
          label={t('partnerOps.activations.searchSerial')}
          value={search.serial}
          onChange={(serial) => setFilter({ serial })}
        />
        <SearchInput
          label={t('partnerOps.activations.searchOrganization')}
          value={search.q}
          onChange={(q) => setFilter({ q })}
        />
        <Select
          aria-label={t('partnerOps.activations.status')}
          placeholder={t('partnerOps.activations.allStatuses')}
          data={STATUSES.map((value) => ({ value, label: t(`partnerOps.activationStatus.${value}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: (value ?? undefined) as ActivationsSearch['status'] })}
          clearable
          w={180}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
        />
      </Group>
      <ListTable
        aria-label={t('partnerOps.nav.activations')}
        list={list}
        columns={columns}
        hiddenColumns={hidden}
        idAccessor={(a) => a.id}
        {...listing.paging}
        {...listing.sorting}
        onRowClick={({ record }) =>
          void navigate({
            to: '/admin/activations/$activationId',
            params: { activationId: record.id },
            search: {},
          })
        }
        emptyText={filtered ? t('table.nothingFound') : t('partnerOps.activations.empty')}
      />
    </>
  );
}
