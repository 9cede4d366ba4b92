import { Badge, Group, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { OrganizationSummary } from '../../../../shared/api/organizations';
import { ORGANIZATION_PROGRAMS, ORGANIZATION_STATUSES } from '../../../../shared/api/roles';
import { formatDate } from '../../../../shared/dates';
import { useAdminOrganizations } from '../../../api/queries/admin';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { StatusBadge } from '../../../components/status-badge';
import { useListSearch } from '../../../lib/use-list-search';
import { useStaffCan } from '../components/use-staff';

const route = getRouteApi('/authed/admin/organizations');
const TOGGLEABLE = ['kpp', 'programs', 'membersCount', 'createdAt'];

/** «Организации»: search by name or INN, filters, sorting, paging, column choice. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const canEdit = useStaffCan('editOrganizations');
  const [hidden, setHidden] = useHiddenColumns('organizations');
  const listing = useListSearch(route, { sort: 'shortName' });
  const { search, setFilter } = listing;
  const list = useAdminOrganizations({
    q: search.q,
    status: search.status,
    program: search.program,
    ...listing.query,
  });

  const columns: DataTableColumn<OrganizationSummary>[] = [
    {
      accessor: 'shortName',
      title: t('organization.shortName'),
      sortable: true,
      render: (org) => (
        <AnchorLink
          to="/admin/organizations/$organizationId"
          params={{ organizationId: org.id }}
          fw={500}
          onClick={(event) => event.stopPropagation()}
        >
          {org.shortName}
        </AnchorLink>
      ),
    },
    { accessor: 'inn', title: t('organization.inn'), sortable: true, cellsClassName: 'tabular' },
    { accessor: 'kpp', title: t('organization.kpp'), render: (org) => org.kpp ?? '—' },
    {
      accessor: 'status',
      title: t('common.status'),
      noWrap: true,
      render: (org) => <StatusBadge status={org.status} kind="organization" />,
    },
    {
      accessor: 'programs',
      title: t('organization.programs'),
      render: (org) => (
        <Group gap={4}>
          {org.programs.map((program) => (
            <Badge key={program} size="sm" variant="light" color="gray">
              {t(`programs.${program}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    { accessor: 'membersCount', title: t('organization.membersCount'), textAlign: 'right' },
    {
      accessor: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      render: (org) => (
        <Text size="sm" className="tabular">
          {formatDate(org.createdAt)}
        </Text>
      ),
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));

  return (
    <>
      <PageHeader
        title={t('admin.nav.organizations')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('admin.nav.organizations') }]}
        actions={
          canEdit && (
            <ButtonLink to="/admin/organizations/new" leftSection={<IconPlus size={16} />}>
              {t('admin.organizations.create')}
            </ButtonLink>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput
          label={t('admin.organizations.search')}
          value={search.q}
          onChange={(q) => setFilter({ q })}
        />
        <Select
          aria-label={t('common.status')}
          placeholder={t('filters.allStatuses')}
          data={ORGANIZATION_STATUSES.map((value) => ({ value, label: t(`status.organization.${value}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: ORGANIZATION_STATUSES.find((s) => s === value) })}
          clearable
          w={200}
        />
        <Select
          aria-label={t('organization.programs')}
          placeholder={t('filters.allPrograms')}
          data={ORGANIZATION_PROGRAMS.map((value) => ({ value, label: t(`programs.${value}`) }))}
          value={search.program ?? null}
          onChange={(value) => setFilter({ program: ORGANIZATION_PROGRAMS.find((p) => p === value) })}
          clearable
          w={240}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
        />
      </Group>
      <ListTable
        aria-label={t('admin.nav.organizations')}
        list={list}
        columns={columns}
        hiddenColumns={hidden}
        {...listing.paging}
        {...listing.sorting}
        onRowClick={({ record }) =>
          void navigate({ to: '/admin/organizations/$organizationId', params: { organizationId: record.id } })
        }
        emptyText={
          search.q || search.status || search.program
            ? t('table.nothingFound')
            : t('admin.organizations.empty')
        }
      />
    </>
  );
}
