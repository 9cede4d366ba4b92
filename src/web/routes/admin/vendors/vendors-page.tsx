import { Badge, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useVendors } from '../../../api/queries/vendors';
import { DataTable } from '../../../components/data-table';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useStaffCan } from '../components/use-staff';

/** «Вендоры» (seed 002): device makers, their install method and models. */
export function VendorsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const vendors = useVendors();
  const canEdit = useStaffCan('manageDevices');
  const items = vendors.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('partnerRef.nav.vendors')}
        description={t('partnerRef.vendors.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerRef.nav.vendors') }]}
        actions={
          canEdit && (
            <ButtonLink to="/admin/vendors/new" leftSection={<IconPlus size={16} />}>
              {t('partnerRef.vendors.create')}
            </ButtonLink>
          )
        }
      />
      <DataTable
        aria-label={t('partnerRef.nav.vendors')}
        withTableBorder
        borderRadius="md"
        highlightOnHover
        verticalSpacing="sm"
        minHeight={items.length ? undefined : 200}
        fetching={vendors.isPending}
        records={items}
        noRecordsText={t('partnerRef.vendors.empty')}
        onRowClick={({ record }) =>
          void navigate({ to: '/admin/vendors/$vendorId', params: { vendorId: record.id } })
        }
        columns={[
          {
            accessor: 'name',
            title: t('partnerRef.vendors.name'),
            render: (vendor) => (
              <AnchorLink
                to="/admin/vendors/$vendorId"
                params={{ vendorId: vendor.id }}
                fw={500}
                onClick={(event) => event.stopPropagation()}
              >
                {vendor.name}
              </AnchorLink>
            ),
          },
          { accessor: 'fullName', title: t('partnerRef.vendors.fullName') },
          { accessor: 'ogrn', title: t('organization.ogrn'), cellsClassName: 'tabular' },
          {
            accessor: 'installMethod',
            title: t('partnerRef.vendors.installMethod'),
            render: (vendor) => (
              <Badge variant="light" color={vendor.installMethod === 'automatic' ? 'teal' : 'blue'}>
                {t(`partnerRef.installMethods.${vendor.installMethod}`)}
              </Badge>
            ),
          },
          {
            accessor: 'models',
            title: t('partnerRef.models.title'),
            render: (vendor) => <Text size="sm">{vendor.models.map((m) => m.name).join(', ') || '—'}</Text>,
          },
          {
            accessor: 'devices',
            title: t('partnerRef.models.devices'),
            textAlign: 'right',
            render: (vendor) =>
              vendor.models.reduce((sum, m) => sum + m.devicesCount, 0).toLocaleString('ru-RU'),
          },
        ]}
      />
    </>
  );
}
