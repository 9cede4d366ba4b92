import { Group, Select, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../../shared/api/devices';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { useDevices } from '../../../api/queries/devices';
import { useVendors } from '../../../api/queries/vendors';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useListSearch } from '../../../lib/use-list-search';
import { useStaffCan } from '../components/use-staff';
import { DeviceModal } from './device-modal';
import { ImportPanel } from './import-panel';

const route = getRouteApi('/authed/admin/devices');

/** «Реестр устройств» (seed 002): serial → model → vendor, current subscription; import from CSV/XLSX. */
export function DevicesPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { sort: 'serial' });
  const { search, setFilter } = listing;
  const canEdit = useStaffCan('manageDevices');
  const [editing, setEditing] = useState<Device | null>(null);
  const vendors = useVendors();
  const list = useDevices({
    q: search.q,
    vendorId: search.vendorId,
    modelId: search.modelId,
    ...listing.query,
  });
  const vendorList = vendors.data?.items ?? [];
  const models = vendorList
    .filter((v) => !search.vendorId || v.id === search.vendorId)
    .flatMap((v) =>
      v.models.map((m) => ({ value: m.id, label: search.vendorId ? m.name : `${m.name} (${v.name})` })),
    );

  const columns: DataTableColumn<Device>[] = [
    { accessor: 'serial', title: t('partnerRef.devices.serial'), sortable: true, cellsClassName: 'tabular' },
    { accessor: 'modelName', title: t('partnerRef.devices.model') },
    { accessor: 'vendorName', title: t('partnerRef.devices.vendor') },
    {
      accessor: 'subscriptionEnd',
      title: t('partnerRef.devices.subscriptionEnd'),
      sortable: true,
      render: (d) => (
        <Text size="sm" className="tabular">
          {d.subscriptionEnd ? t('partnerRef.devices.until', { date: formatDate(d.subscriptionEnd) }) : '—'}
        </Text>
      ),
    },
    {
      accessor: 'updatedAt',
      title: t('partnerRef.devices.updatedAt'),
      sortable: true,
      render: (d) => (
        <Text size="sm" c="dimmed" className="tabular">
          {formatDateTime(d.updatedAt)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('partnerRef.nav.devices')}
        description={t('partnerRef.devices.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerRef.nav.devices') }]}
      />
      <Stack gap="lg">
        <ImportPanel canImport={canEdit} />
        <div>
          <Group mb="md" gap="sm" align="flex-end">
            <SearchInput
              label={t('partnerRef.devices.search')}
              value={search.q}
              onChange={(q) => setFilter({ q })}
            />
            <Select
              aria-label={t('partnerRef.devices.vendor')}
              placeholder={t('partnerRef.devices.allVendors')}
              data={vendorList.map((v) => ({ value: v.id, label: v.name }))}
              value={search.vendorId ?? null}
              onChange={(value) => setFilter({ vendorId: value ?? undefined, modelId: undefined })}
              clearable
              w={220}
            />
            <Select
              aria-label={t('partnerRef.devices.model')}
              placeholder={t('partnerRef.devices.allModels')}
              data={models}
              value={search.modelId ?? null}
              onChange={(value) => setFilter({ modelId: value ?? undefined })}
              clearable
              searchable
              w={260}
            />
          </Group>
          <ListTable
            aria-label={t('partnerRef.nav.devices')}
            list={list}
            columns={columns}
            {...listing.paging}
            {...listing.sorting}
            onRowClick={canEdit ? ({ record }) => setEditing(record) : undefined}
            emptyText={
              search.q || search.vendorId || search.modelId
                ? t('table.nothingFound')
                : t('partnerRef.devices.empty')
            }
          />
        </div>
      </Stack>
      <DeviceModal device={editing} vendors={vendorList} onClose={() => setEditing(null)} />
    </>
  );
}
