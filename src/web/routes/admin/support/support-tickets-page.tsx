import 'mantine-datatable/styles.css';
import { Badge, CloseButton, Group, Select, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { type AdminSupportTicketItem, SUPPORT_STATUSES } from '../../../../shared/api/support';
import { formatDateTime } from '../../../../shared/dates';
import { useAdminSupportTickets, useSupportProductOptions } from '../../../api/queries/support';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useListSearch } from '../../../lib/use-list-search';
import { TicketStatusBadge } from '../../support/ticket-status-badge';

const route = getRouteApi('/authed/admin/support');

const ASSIGNEE_FILTERS = ['me', 'none'] as const;

/** «Обращения»: every organization's support requests, waiting ones first by latest activity. */
export function SupportTicketsPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route);
  const { search, setFilter } = listing;
  const goTo = useNavigate();
  const list = useAdminSupportTickets({ ...search, page: listing.page, pageSize: listing.pageSize });
  const products = useSupportProductOptions();

  const columns: DataTableColumn<AdminSupportTicketItem>[] = [
    {
      accessor: 'number',
      title: t('support.number'),
      width: 80,
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'lastMessageAt',
      title: t('support.lastMessageAt'),
      width: 160,
      render: (ticket) => <span className="tabular">{formatDateTime(ticket.lastMessageAt)}</span>,
    },
    {
      accessor: 'organization',
      title: t('supportAdmin.organization'),
      render: (ticket) => (
        <div>
          <Text size="sm">{ticket.organization.shortName}</Text>
          <Text size="xs" c="dimmed" className="tabular">
            {t('supportAdmin.inn', { inn: ticket.organization.inn })}
          </Text>
        </div>
      ),
    },
    {
      accessor: 'subject',
      title: t('support.subject'),
      render: (ticket) => (
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {ticket.subject}
        </Text>
      ),
    },
    {
      accessor: 'serial',
      title: t('support.serial'),
      noWrap: true,
      render: (ticket) => (
        <div>
          <Text size="sm" ff="monospace">
            {ticket.serial}
          </Text>
          <Text size="xs" c="dimmed">
            {ticket.productName}
          </Text>
        </div>
      ),
    },
    {
      accessor: 'assignee',
      title: t('supportAdmin.assignee'),
      render: (ticket) =>
        ticket.assignee?.name ?? (
          <Text size="sm" c="dimmed">
            {t('supportAdmin.nobody')}
          </Text>
        ),
    },
    {
      accessor: 'status',
      title: t('common.status'),
      noWrap: true,
      render: (ticket) => <TicketStatusBadge status={ticket.status} />,
    },
  ];

  const filtered = Boolean(
    search.q || search.status || search.organizationId || search.productCode || search.assignee,
  );

  return (
    <>
      <PageHeader
        title={t('supportAdmin.title')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('supportAdmin.title') }]}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput label={t('supportAdmin.search')} value={search.q} onChange={(q) => setFilter({ q })} />
        <Select
          aria-label={t('common.status')}
          placeholder={t('filters.allStatuses')}
          data={SUPPORT_STATUSES.map((value) => ({ value, label: t(`support.status.${value}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: SUPPORT_STATUSES.find((s) => s === value) })}
          clearable
          w={170}
        />
        <Select
          aria-label={t('support.product')}
          placeholder={t('supportAdmin.allProducts')}
          data={(products.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
          value={search.productCode ?? null}
          onChange={(value) => setFilter({ productCode: value ?? undefined })}
          clearable
          searchable
          w={200}
        />
        <Select
          aria-label={t('supportAdmin.assignee')}
          placeholder={t('supportAdmin.assigneeAll')}
          data={ASSIGNEE_FILTERS.map((value) => ({ value, label: t(`supportAdmin.assignee_${value}`) }))}
          value={search.assignee ?? null}
          onChange={(value) => setFilter({ assignee: ASSIGNEE_FILTERS.find((a) => a === value) })}
          clearable
          w={190}
        />
        {search.organizationId && (
          <Badge
            size="lg"
            variant="light"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('common.clear')}
                onClick={() => setFilter({ organizationId: undefined })}
              />
            }
          >
            {t('supportAdmin.byOrganization')}
          </Badge>
        )}
      </Group>
      <ListTable
        aria-label={t('supportAdmin.title')}
        list={list}
        columns={columns}
        {...listing.paging}
        onRowClick={({ record }) =>
          void goTo({ to: '/admin/support/$ticketId', params: { ticketId: record.id } })
        }
        emptyText={filtered ? t('table.nothingFound') : t('supportAdmin.empty')}
      />
    </>
  );
}
