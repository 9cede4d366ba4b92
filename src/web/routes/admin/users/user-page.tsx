import { Alert, Badge, Button, Grid, Group, Skeleton, Stack } from '@mantine/core';
import { IconLock, IconLockOpen, IconMailForward } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../../shared/api/admin';
import { useAdminUser, useSendPasswordReset, useUpdateUser } from '../../../api/queries/admin';
import { confirmAction } from '../../../components/confirm';
import { PageHeader } from '../../../components/page-header';
import { StatusBadge } from '../../../components/status-badge';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useStaffCan } from '../components/use-staff';
import { UserFacts } from './user-facts';
import { UserMemberships } from './user-memberships';
import { UserProfileForm } from './user-profile-form';

const route = getRouteApi('/authed/admin/users/$userId');

/** One person: profile, staff role, block/unblock, a password link, organizations. */
export function UserPage() {
  const { t } = useTranslation();
  const { userId } = route.useParams();
  const user = useAdminUser(userId);
  const describe = useErrorMessage();
  const crumbs = [
    { label: t('nav.backOffice'), to: '/admin' as const },
    { label: t('admin.nav.users'), to: '/admin/users' as const },
    { label: user.data?.name || user.data?.email || '…' },
  ];

  if (user.isError) {
    return (
      <>
        <PageHeader title={t('admin.users.pageTitle')} crumbs={crumbs} />
        <Alert color="red">{describe(user.error)}</Alert>
      </>
    );
  }
  const data = user.data;
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {data ? data.name || data.email : <Skeleton h={28} w={240} component="span" />}
            {data && <StatusBadge status={data.status} kind="user" />}
            {data?.staffRole && (
              <Badge variant="light" color="grape">
                {t(`roles.staff.${data.staffRole}`)}
              </Badge>
            )}
          </Group>
        }
        documentTitle={data ? data.name || data.email : undefined}
        description={data?.email}
        crumbs={crumbs}
        actions={data && <UserActions user={data} />}
      />
      {data ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <UserProfileForm key={`${data.name}|${data.phone}|${data.staffRole}`} user={data} />
              <UserMemberships user={data} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <UserFacts user={data} />
          </Grid.Col>
        </Grid>
      ) : (
        <Skeleton h={360} />
      )}
    </>
  );
}

function UserActions({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const reset = useSendPasswordReset(user.id);
  const canEdit = useStaffCan('editUsers');
  const canSendReset = useStaffCan('sendPasswordReset');
  const notifyError = useNotifyError();
  const blocking = user.status === 'active';

  const sendReset = () =>
    confirmAction({
      title: t('admin.users.sendResetTitle'),
      text: t('admin.users.sendResetText', { email: user.email }),
      confirm: t('admin.users.sendReset'),
      danger: false,
      onConfirm: () =>
        reset.mutate(undefined, {
          onSuccess: () => notifySuccess(t('admin.users.resetSent', { email: user.email })),
          onError: notifyError,
        }),
    });
  const toggleBlock = () =>
    confirmAction({
      title: blocking ? t('admin.users.blockTitle') : t('admin.users.unblockTitle'),
      text: blocking
        ? t('admin.users.blockText', { email: user.email })
        : t('admin.users.unblockText', { email: user.email }),
      confirm: blocking ? t('admin.block') : t('admin.unblock'),
      danger: blocking,
      onConfirm: () =>
        update.mutate(
          { action: blocking ? 'block' : 'unblock' },
          {
            onSuccess: () => notifySuccess(blocking ? t('admin.users.blocked') : t('admin.users.unblocked')),
            onError: notifyError,
          },
        ),
    });

  return (
    <>
      {canSendReset && (
        <Button
          variant="default"
          leftSection={<IconMailForward size={16} />}
          loading={reset.isPending}
          onClick={sendReset}
        >
          {t('admin.users.sendReset')}
        </Button>
      )}
      {canEdit && (
        <Button
          variant="light"
          color={blocking ? 'red' : 'teal'}
          leftSection={blocking ? <IconLock size={16} /> : <IconLockOpen size={16} />}
          loading={update.isPending}
          onClick={toggleBlock}
        >
          {blocking ? t('admin.block') : t('admin.unblock')}
        </Button>
      )}
    </>
  );
}
