import { Alert, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useVendor } from '../../../api/queries/vendors';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { useStaffCan } from '../components/use-staff';
import { ModelsSection } from './models-section';
import { VendorForm } from './vendor-form';
import { VendorTokensSection } from './vendor-tokens-section';

const route = getRouteApi('/authed/admin/vendors/$vendorId');

/** One vendor: requisites, install method and instructions, models. */
export function VendorPage() {
  const { t } = useTranslation();
  const { vendorId } = route.useParams();
  const vendor = useVendor(vendorId);
  const canEdit = useStaffCan('manageDevices');
  const describe = useErrorMessage();
  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('partnerRef.nav.vendors'), to: '/admin/vendors' as const },
    { label: vendor.data?.name ?? '…' },
  ];
  if (vendor.isError)
    return (
      <>
        <PageHeader title={t('partnerRef.vendors.cardTitle')} crumbs={crumbs} />
        <Alert color="red">{describe(vendor.error)}</Alert>
      </>
    );
  return (
    <>
      <PageHeader
        title={vendor.data?.name ?? t('partnerRef.vendors.cardTitle')}
        description={vendor.data?.fullName}
        crumbs={crumbs}
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Title order={2} fz="lg" mb="md">
            {t('partnerRef.vendors.cardTitle')}
          </Title>
          {vendor.data ? (
            <VendorForm key={vendor.data.updatedAt} vendor={vendor.data} readOnly={!canEdit} />
          ) : (
            <Skeleton h={360} />
          )}
        </Paper>
        {vendor.data && <ModelsSection vendor={vendor.data} canEdit={canEdit} />}
        {vendor.data && canEdit && <VendorTokensSection vendorId={vendor.data.id} />}
      </Stack>
    </>
  );
}

/** «Новый вендор»: the same form; after saving, the vendor's page (to add its models). */
export function VendorCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('partnerRef.vendors.createTitle')}
        crumbs={[
          { label: t('nav.backOffice'), to: '/admin' },
          { label: t('partnerRef.nav.vendors'), to: '/admin/vendors' },
          { label: t('partnerRef.vendors.createTitle') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <VendorForm
          vendor={null}
          onSaved={(saved) =>
            void navigate({ to: '/admin/vendors/$vendorId', params: { vendorId: saved.id } })
          }
        />
      </Paper>
    </>
  );
}
