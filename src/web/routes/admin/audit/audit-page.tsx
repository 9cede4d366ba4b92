import { Anchor, Text, Tooltip } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/api/admin';
import { formatDateTime } from '../../../../shared/dates';
import { useAuditEvents } from '../../../api/queries/admin';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { AnchorLink } from '../../../components/links';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { useListSearch } from '../../../lib/use-list-search';
import { auditActionLabel, describeDetails } from './audit-actions';
import { AuditFilters } from './audit-filters';

const route = getRouteApi('/authed/admin/audit');
const TOGGLEABLE = ['organizationName', 'ip', 'details'];

/** «Журнал аудита»: who did what, where and from which address (ARCHITECTURE.md, "Audit"). */
export function AuditPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { order: 'desc' });
  const { search, setFilter } = listing;
  const [hidden, setHidden] = useHiddenColumns('audit');
  const list = useAuditEvents({
    ...search,
    order: listing.order,
    page: listing.page,
    pageSize: listing.pageSize,
  });

  const columns: DataTableColumn<AuditEvent>[] = [
    {
      accessor: 'at',
      title: t('admin.audit.at'),
      sortable: true,
      width: 160,
      render: (event) => <span className="tabular">{formatDateTime(event.at)}</span>,
    },
    {
      accessor: 'actorEmail',
      title: t('admin.audit.actor'),
      render: (event) =>
        event.actorUserId ? (
          <AnchorLink to="/admin/users/$userId" params={{ userId: event.actorUserId }} size="sm">
            {event.actorEmail ?? event.actorUserId}
          </AnchorLink>
        ) : (
          <Text size="sm" c="dimmed">
            {event.actorEmail ?? t('admin.audit.system')}
          </Text>
        ),
    },
    {
      accessor: 'organizationName',
      title: t('admin.audit.organization'),
      render: (event) =>
        event.organizationId ? (
          <AnchorLink
            to="/admin/organizations/$organizationId"
            params={{ organizationId: event.organizationId }}
            size="sm"
          >
            {event.organizationName ?? '—'}
          </AnchorLink>
        ) : (
          '—'
        ),
    },
    {
      accessor: 'action',
      title: t('admin.audit.action'),
      render: (event) => (
        <Tooltip label={event.action} openDelay={500}>
          <Anchor
            component="button"
            type="button"
            size="sm"
            c="inherit"
            onClick={() => setFilter({ action: event.action })}
          >
            {auditActionLabel(event.action)}
          </Anchor>
        </Tooltip>
      ),
    },
    {
      accessor: 'ip',
      title: t('settings.ip'),
      render: (event) => <span className="tabular">{event.ip ?? '—'}</span>,
    },
    {
      accessor: 'details',
      title: t('admin.audit.details'),
      render: (event) => {
        const text = describeDetails(event.details);
        return text ? (
          <Text size="xs" c="dimmed" lineClamp={2} title={text} maw={360}>
            {text}
          </Text>
        ) : (
          '—'
        );
      },
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));

  return (
    <>
      <PageHeader
        title={t('admin.nav.audit')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('admin.nav.audit') }]}
        actions={
          <ColumnsMenu
            columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
            hidden={hidden}
            onChange={setHidden}
          />
        }
      />
      <AuditFilters search={search} onChange={setFilter} />
      <ListTable
        aria-label={t('admin.nav.audit')}
        list={list}
        columns={columns}
        hiddenColumns={hidden}
        {...listing.paging}
        sortStatus={{ columnAccessor: 'at', direction: listing.order }}
        onSortStatusChange={(status) => setFilter({ order: status.direction })}
        emptyText={t('admin.audit.empty')}
      />
    </>
  );
}
