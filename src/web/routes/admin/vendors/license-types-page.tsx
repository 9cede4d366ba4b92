import { Badge, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vatLabel } from '../../../../shared/api/devices';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useLicenseTypes, useVendors } from '../../../api/queries/vendors';
import { DataTable } from '../../../components/data-table';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useStaffCan } from '../components/use-staff';

type Archived = 'active' | 'archived' | 'all';

/** «Типы лицензий» (seed 002): what a partner buys per vendor, its term, VAT and today's prices. */
export function LicenseTypesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useStaffCan('manageDevices');
  const [vendorId, setVendorId] = useState<string | null>(null);
  const [archived, setArchived] = useState<Archived>('active');
  const vendors = useVendors();
  const types = useLicenseTypes({ vendorId: vendorId ?? undefined, archived });
  const items = types.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('partnerRef.nav.licenseTypes')}
        description={t('partnerRef.licenseTypes.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerRef.nav.licenseTypes') }]}
        actions={
          canEdit && (
            <ButtonLink to="/admin/license-types/new" leftSection={<IconPlus size={16} />}>
              {t('partnerRef.licenseTypes.create')}
            </ButtonLink>
          )
        }
      />
      <Group mb="md" gap="sm">
        <Select
          aria-label={t('partnerRef.devices.vendor')}
          placeholder={t('partnerRef.devices.allVendors')}
          data={(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
          value={vendorId}
          onChange={setVendorId}
          clearable
          w={220}
        />
        <SegmentedControl
          aria-label={t('partnerRef.licenseTypes.archived')}
          data={(['active', 'archived', 'all'] as const).map((value) => ({
            value,
            label: t(`partnerRef.licenseTypes.show.${value}`),
          }))}
          value={archived}
          onChange={(value) => setArchived(value as Archived)}
        />
      </Group>
      <DataTable
        aria-label={t('partnerRef.nav.licenseTypes')}
        withTableBorder
        borderRadius="md"
        highlightOnHover
        verticalSpacing="sm"
        minHeight={items.length ? undefined : 200}
        fetching={types.isPending}
        records={items}
        noRecordsText={t('partnerRef.licenseTypes.empty')}
        onRowClick={({ record }) =>
          void navigate({ to: '/admin/license-types/$typeId', params: { typeId: record.id } })
        }
        columns={[
          {
            accessor: 'name',
            title: t('partnerRef.licenseTypes.name'),
            render: (type) => (
              <Group gap="xs" wrap="nowrap">
                <AnchorLink
                  to="/admin/license-types/$typeId"
                  params={{ typeId: type.id }}
                  fw={500}
                  onClick={(event) => event.stopPropagation()}
                >
                  {type.name}
                </AnchorLink>
                {type.archived && <Badge color="gray">{t('partnerRef.licenseTypes.archivedBadge')}</Badge>}
              </Group>
            ),
          },
          { accessor: 'vendorName', title: t('partnerRef.devices.vendor') },
          {
            accessor: 'termMonths',
            title: t('partnerRef.licenseTypes.term'),
            render: (type) => t('partnerRef.licenseTypes.months', { n: type.termMonths }),
          },
          {
            accessor: 'vat',
            title: t('partnerRef.licenseTypes.vat'),
            render: (type) => vatLabel(type.vatMode, type.vatRatePercent),
          },
          {
            accessor: 'partner',
            title: t('partnerRef.prices.partner'),
            textAlign: 'right',
            render: (type) => (type.currentPrice ? formatMoney(type.currentPrice.partnerPriceKopecks) : '—'),
          },
          {
            accessor: 'retail',
            title: t('partnerRef.prices.retail'),
            textAlign: 'right',
            render: (type) => (type.currentPrice ? formatMoney(type.currentPrice.retailPriceKopecks) : '—'),
          },
          {
            accessor: 'next',
            title: t('partnerRef.prices.next'),
            render: (type) => {
              const next = type.prices.filter((p) => p.state === 'future').at(-1);
              return next ? (
                <Text size="sm">
                  {formatMoney(next.partnerPriceKopecks)}{' '}
                  {t('partnerRef.prices.from', { date: formatDate(next.validFrom) })}
                </Text>
              ) : (
                '—'
              );
            },
          },
          {
            accessor: 'models',
            title: t('partnerRef.licenseTypes.models'),
            render: (type) => type.models.map((m) => m.name).join(', ') || '—',
          },
        ]}
      />
    </>
  );
}
