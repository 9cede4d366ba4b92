import { ActionIcon, Anchor, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPencil } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminLicenseListItem } from '../../../../shared/api/licenses';
import { formatDate } from '../../../../shared/dates';
import { useAdminLicenses } from '../../../api/queries/licenses';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { AnchorLink } from '../../../components/links';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useListSearch } from '../../../lib/use-list-search';
import { useStaffCan } from '../components/use-staff';
import { ActivationsModal } from './activations-modal';

const route = getRouteApi('/authed/admin/licenses');
const TOGGLEABLE = ['id', 'source', 'issuedAt'];

/** «Реестр лицензий»: every organization's licenses; search by serial, organization or product. */
export function RegistryPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { sort: 'issuedAt', order: 'desc', sortedOrder: 'asc' });
  const { search, setFilter } = listing;
  const canSet = useStaffCan('issueLicenses');
  const [hidden, setHidden] = useHiddenColumns('licenses');
  const [editing, setEditing] = useState<AdminLicenseListItem | null>(null);
  // Newest first: the register is mostly opened right after a shipment or an import.
  const list = useAdminLicenses({ q: search.q, ...listing.query });

  const columns: DataTableColumn<AdminLicenseListItem>[] = [
    {
      accessor: 'id',
      title: t('licenses.number'),
      width: 48,
      textAlign: 'right',
      cellsClassName: 'tabular',
      render: (license) => license.number,
    },
    {
      accessor: 'organization',
      title: t('licensesAdmin.registry.organization'),
      // Names like «ООО «Альфа-Лицензия»» should break once, not on every word.
      cellsStyle: () => ({ minWidth: 140 }),
      render: (license) => (
        <Stack gap={0}>
          <AnchorLink
            to="/admin/organizations/$organizationId"
            params={{ organizationId: license.organization.id }}
            size="sm"
            fw={500}
          >
            {license.organization.shortName}
          </AnchorLink>
          <Text size="xs" c="dimmed" className="tabular">
            {t('licensesAdmin.registry.inn', { inn: license.organization.inn })}
          </Text>
        </Stack>
      ),
    },
    {
      accessor: 'serial',
      title: t('licenses.serial'),
      noWrap: true,
      render: (license) => (
        <Group gap={4} wrap="nowrap">
          <Text ff="monospace" fz={13}>
            {license.serial}
          </Text>
          <CopyButton value={license.serial} timeout={1500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('licenses.copySerial')} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  size="sm"
                  onClick={copy}
                  aria-label={`${t('licenses.copySerial')}: ${license.serial}`}
                >
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      ),
    },
    {
      accessor: 'product',
      title: t('licensesAdmin.registry.productArticle'),
      render: (license) => (
        <Stack gap={0}>
          <Text size="sm">{license.product}</Text>
          <Text size="xs" c="dimmed" ff="monospace" title={license.name}>
            {license.articleCode}
          </Text>
        </Stack>
      ),
    },
    {
      accessor: 'quantity',
      title: t('licenses.quantity'),
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'activated',
      title: t('licenses.activated'),
      sortable: true,
      textAlign: 'right',
      noWrap: true,
      render: (license) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <span className="tabular">{license.activated}</span>
          {canSet && (
            <Tooltip label={t('licensesAdmin.registry.setActivated')}>
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={`${t('licensesAdmin.registry.setActivated')}: ${license.serial}`}
                onClick={() => setEditing(license)}
              >
                <IconPencil size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ),
    },
    {
      accessor: 'source',
      title: t('licensesAdmin.registry.source'),
      render: (license) => (
        <Text size="sm" c={license.source === 'imported' ? 'grape' : undefined}>
          {t(`licensesAdmin.registry.sources.${license.source}`)}
        </Text>
      ),
    },
    {
      accessor: 'issuedAt',
      title: t('licensesAdmin.registry.issuedAt'),
      sortable: true,
      noWrap: true,
      render: (license) => <span className="tabular">{formatDate(license.issuedAt)}</span>,
    },
  ];
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));

  return (
    <>
      <PageHeader
        title={t('licensesAdmin.nav.registry')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('licensesAdmin.nav.registry') }]}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput
          label={t('licensesAdmin.registry.search')}
          value={search.q}
          onChange={(q) => setFilter({ q })}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
        />
      </Group>
      <ListTable
        aria-label={t('licensesAdmin.nav.registry')}
        list={list}
        columns={columns}
        hiddenColumns={hidden}
        idAccessor={(license) => license.id}
        {...listing.paging}
        {...listing.sorting}
        emptyText={search.q ? t('table.nothingFound') : t('licensesAdmin.registry.empty')}
      />
      {search.q && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          mt="xs"
          onClick={() => setFilter({ q: undefined })}
        >
          {t('licensesAdmin.registry.showAll')}
        </Anchor>
      )}
      <ActivationsModal license={editing} onClose={() => setEditing(null)} />
    </>
  );
}
