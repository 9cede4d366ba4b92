import { Badge, Button, Group, Modal, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../../shared/api/admin';
import { USER_STATUSES } from '../../../../shared/api/roles';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { useAdminUsers } from '../../../api/queries/admin';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { AnchorLink } from '../../../components/links';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { StatusBadge } from '../../../components/status-badge';
import { useListSearch } from '../../../lib/use-list-search';
import { useStaffCan } from '../components/use-staff';
import { CreateUserForm } from './create-user-form';

const route = getRouteApi('/authed/admin/users');
const TOGGLEABLE = ['phone', 'staffRole', 'twoFactorEnabled', 'lastLoginAt', 'createdAt'];
const AUDIENCES = ['staff', 'customers'] as const;

/** «Пользователи»: customers and staff in one list, filters by status and kind. */
export function UsersPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { sort: 'email' });
  const { search, setFilter } = listing;
  const navigate = route.useNavigate();
  const canEdit = useStaffCan('editUsers');
  const [creating, { open, close }] = useDisclosure(false);
  const [hidden, setHidden] = useHiddenColumns('users');
  const list = useAdminUsers({
    q: search.q,
    status: search.status,
    staff: search.staff,
    ...listing.query,
  });

  const columns: DataTableColumn<AdminUser>[] = [
    {
      accessor: 'email',
      title: t('members.email'),
      sortable: true,
      render: (user) => (
        <AnchorLink
          to="/admin/users/$userId"
          params={{ userId: user.id }}
          fw={500}
          onClick={(event) => event.stopPropagation()}
        >
          {user.email}
        </AnchorLink>
      ),
    },
    { accessor: 'name', title: t('members.name'), sortable: true },
    { accessor: 'phone', title: t('members.phone'), render: (user) => user.phone ?? '—' },
    {
      accessor: 'staffRole',
      title: t('admin.users.staffRole'),
      render: (user) =>
        user.staffRole ? (
          <Badge variant="light" color="grape">
            {t(`roles.staff.${user.staffRole}`)}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('admin.users.customer')}
          </Text>
        ),
    },
    {
      accessor: 'status',
      title: t('common.status'),
      noWrap: true,
      render: (user) => <StatusBadge status={user.status} kind="user" />,
    },
    {
      accessor: 'twoFactorEnabled',
      title: t('admin.users.twoFactor'),
      textAlign: 'center',
      render: (user) =>
        user.twoFactorEnabled ? (
          <IconShieldCheck
            size={18}
            color="var(--mantine-color-teal-6)"
            aria-label={t('settings.twoFactorOn')}
          />
        ) : (
          '—'
        ),
    },
    {
      accessor: 'lastLoginAt',
      title: t('members.lastLogin'),
      sortable: true,
      render: (user) => <span className="tabular">{formatDateTime(user.lastLoginAt)}</span>,
    },
    {
      accessor: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      render: (user) => <span className="tabular">{formatDate(user.createdAt)}</span>,
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));

  return (
    <>
      <PageHeader
        title={t('admin.nav.users')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('admin.nav.users') }]}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('admin.users.create')}
            </Button>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput label={t('admin.users.search')} value={search.q} onChange={(q) => setFilter({ q })} />
        <Select
          aria-label={t('common.status')}
          placeholder={t('filters.allStatuses')}
          data={USER_STATUSES.map((value) => ({ value, label: t(`status.user.${value}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: USER_STATUSES.find((s) => s === value) })}
          clearable
          w={200}
        />
        <Select
          aria-label={t('admin.users.audience')}
          placeholder={t('admin.users.audienceAll')}
          data={AUDIENCES.map((value) => ({ value, label: t(`admin.users.audience_${value}`) }))}
          value={search.staff ?? null}
          onChange={(value) => setFilter({ staff: AUDIENCES.find((a) => a === value) })}
          clearable
          w={220}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
        />
      </Group>
      <ListTable
        aria-label={t('admin.nav.users')}
        list={list}
        columns={columns}
        hiddenColumns={hidden}
        {...listing.paging}
        {...listing.sorting}
        onRowClick={({ record }) =>
          void navigate({ to: '/admin/users/$userId', params: { userId: record.id } })
        }
        emptyText={
          search.q || search.status || search.staff ? t('table.nothingFound') : t('admin.users.empty')
        }
      />
      <Modal opened={creating} onClose={close} title={t('admin.users.createTitle')} size="lg">
        <CreateUserForm onDone={close} />
      </Modal>
    </>
  );
}
