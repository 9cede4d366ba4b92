import { Alert, Badge, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLicenseType } from '../../../api/queries/vendors';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { useStaffCan } from '../components/use-staff';
import { LicenseTypeForm } from './license-type-form';
import { PriceHistory } from './price-history';

const route = getRouteApi('/authed/admin/license-types/$typeId');

/** One license type: its card and its price history with «Новая цена с даты». */
export function LicenseTypePage() {
  const { t } = useTranslation();
  const { typeId } = route.useParams();
  const type = useLicenseType(typeId);
  const canEdit = useStaffCan('manageDevices');
  const describe = useErrorMessage();
  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('partnerRef.nav.licenseTypes'), to: '/admin/license-types' as const },
    { label: type.data?.vendorName ?? '…' },
  ];
  if (type.isError)
    return (
      <>
        <PageHeader title={t('partnerRef.licenseTypes.cardTitle')} crumbs={crumbs} />
        <Alert color="red">{describe(type.error)}</Alert>
      </>
    );
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {t('partnerRef.licenseTypes.cardTitle')}
            {type.data?.archived && <Badge color="gray">{t('partnerRef.licenseTypes.archivedBadge')}</Badge>}
          </Group>
        }
        documentTitle={type.data?.name}
        description={type.data?.name}
        crumbs={crumbs}
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Title order={2} fz="lg" mb="md">
            {t('partnerRef.licenseTypes.cardTitle')}
          </Title>
          {type.data ? (
            <LicenseTypeForm key={type.data.updatedAt} type={type.data} readOnly={!canEdit} />
          ) : (
            <Skeleton h={320} />
          )}
        </Paper>
        {type.data && <PriceHistory type={type.data} canEdit={canEdit} />}
      </Stack>
    </>
  );
}

export function LicenseTypeCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('partnerRef.licenseTypes.createTitle')}
        crumbs={[
          { label: t('nav.backOffice'), to: '/admin' },
          { label: t('partnerRef.nav.licenseTypes'), to: '/admin/license-types' },
          { label: t('partnerRef.licenseTypes.createTitle') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <LicenseTypeForm
          type={null}
          onSaved={(saved) =>
            void navigate({ to: '/admin/license-types/$typeId', params: { typeId: saved.id } })
          }
        />
      </Paper>
    </>
  );
}
