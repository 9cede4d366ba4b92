import { Alert, Button, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconHistory, IconLock, IconLockOpen } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAdminOrganization, useUpdateOrganization } from '../../../api/queries/admin';
import { confirmAction } from '../../../components/confirm';
import { ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { StatusBadge } from '../../../components/status-badge';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useStaffCan } from '../components/use-staff';
import { PartnerTermsSection } from '../offers/partner-terms-section';
import { MembersSection } from './members-section';
import { OrganizationForm } from './organization-form';

const route = getRouteApi('/authed/admin/organizations/$organizationId');

/** One organization: requisites, block/unblock, members. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId } = route.useParams();
  const organization = useAdminOrganization(organizationId);
  const update = useUpdateOrganization(organizationId);
  const canEdit = useStaffCan('editOrganizations');
  const canReadAudit = useStaffCan('readAudit');
  const canManageDevices = useStaffCan('manageDevices');
  const notifyError = useNotifyError();
  const describe = useErrorMessage();
  const data = organization.data;

  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('admin.nav.organizations'), to: '/admin/organizations' as const },
    { label: data?.shortName ?? '…' },
  ];
  if (organization.isError) {
    return (
      <>
        <PageHeader title={t('admin.organizations.pageTitle')} crumbs={crumbs} />
        <Alert color="red">{describe(organization.error)}</Alert>
      </>
    );
  }

  const toggleBlock = () => {
    if (!data) return;
    const blocking = data.status === 'active';
    confirmAction({
      title: blocking ? t('admin.organizations.blockTitle') : t('admin.organizations.unblockTitle'),
      text: blocking
        ? t('admin.organizations.blockText', { name: data.shortName })
        : t('admin.organizations.unblockText', { name: data.shortName }),
      confirm: blocking ? t('admin.block') : t('admin.unblock'),
      danger: blocking,
      onConfirm: () =>
        update.mutate(
          { action: blocking ? 'block' : 'unblock' },
          {
            onSuccess: () =>
              notifySuccess(blocking ? t('admin.organizations.blocked') : t('admin.organizations.unblocked')),
            onError: notifyError,
          },
        ),
    });
  };

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {data?.shortName ?? <Skeleton h={28} w={240} component="span" />}
            {data && <StatusBadge status={data.status} kind="organization" />}
          </Group>
        }
        documentTitle={data?.shortName}
        description={data?.fullName}
        crumbs={crumbs}
        actions={
          data && (
            <>
              {canReadAudit && (
                <ButtonLink
                  to="/admin/audit"
                  search={{ organizationId }}
                  variant="default"
                  leftSection={<IconHistory size={16} />}
                >
                  {t('admin.nav.audit')}
                </ButtonLink>
              )}
              {canEdit && (
                <Button
                  variant="light"
                  color={data.status === 'active' ? 'red' : 'teal'}
                  leftSection={data.status === 'active' ? <IconLock size={16} /> : <IconLockOpen size={16} />}
                  loading={update.isPending}
                  onClick={toggleBlock}
                >
                  {data.status === 'active' ? t('admin.block') : t('admin.unblock')}
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Title order={2} fz="lg" mb="md">
            {t('admin.organizations.requisitesTitle')}
          </Title>
          {data ? (
            <OrganizationForm key={data.updatedAt} organization={data} readOnly={!canEdit} />
          ) : (
            <Skeleton h={480} />
          )}
        </Paper>
        <MembersSection organizationId={organizationId} canEdit={canEdit} />
        {data?.programs.includes('partner') && (
          <PartnerTermsSection
            organizationId={organizationId}
            organizationName={data.shortName}
            canEdit={canManageDevices}
          />
        )}
      </Stack>
    </>
  );
}
