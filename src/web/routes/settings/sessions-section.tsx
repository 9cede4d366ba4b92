import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Skeleton,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDeviceDesktop, IconLogout2, IconX } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/api/auth';
import { formatDateTime } from '../../../shared/dates';
import { useLogout, useRevokeSession, useSessions } from '../../api/queries/auth';
import { Section } from '../../components/section';
import { notifySuccess, useNotifyError } from '../../lib/notify';
import { describeUserAgent } from '../../lib/user-agent';

/** «Сеансы»: where the account is logged in; end one, or all of them. */
export function SessionsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const logout = useLogout();
  const notifyError = useNotifyError();
  const items = sessions.data?.items ?? [];

  const confirmRevoke = (session: SessionInfo) =>
    modals.openConfirmModal({
      title: t('settings.revokeTitle'),
      children: <Text size="sm">{t('settings.revokeText', { device: deviceName(session) })}</Text>,
      labels: { confirm: t('settings.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(session.id, {
          onSuccess: () => notifySuccess(t('settings.revoked')),
          onError: notifyError,
        }),
    });

  const confirmLogoutAll = () =>
    modals.openConfirmModal({
      title: t('settings.logoutAllTitle'),
      children: <Text size="sm">{t('settings.logoutAllText')}</Text>,
      labels: { confirm: t('settings.logoutAll'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        logout.mutate({ everywhere: true }, { onSettled: () => void navigate({ to: '/login' }) }),
    });

  const deviceName = (session: SessionInfo) =>
    describeUserAgent(session.userAgent) ?? t('settings.unknownDevice');

  return (
    <Section
      title={t('settings.sessionsTitle')}
      description={sessions.data ? t('settings.sessionsCount', { count: items.length }) : undefined}
      actions={
        <Button
          variant="light"
          color="red"
          size="xs"
          leftSection={<IconLogout2 size={14} />}
          onClick={confirmLogoutAll}
        >
          {t('settings.logoutAll')}
        </Button>
      }
    >
      {sessions.isPending ? (
        <Skeleton h={120} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.device')}</Table.Th>
                <Table.Th>{t('settings.ip')}</Table.Th>
                <Table.Th>{t('settings.signedIn')}</Table.Th>
                <Table.Th>{t('settings.lastSeen')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconDeviceDesktop size={18} aria-hidden />
                      <Text size="sm">{deviceName(session)}</Text>
                      {session.current && (
                        <Badge size="sm" color="teal" variant="light">
                          {t('settings.currentSession')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td className="tabular">{session.ip ?? '—'}</Table.Td>
                  <Table.Td className="tabular">{formatDateTime(session.createdAt)}</Table.Td>
                  <Table.Td className="tabular">{formatDateTime(session.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    {!session.current && (
                      <Tooltip label={t('settings.revoke')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('settings.revoke')}: ${deviceName(session)}`}
                          onClick={() => confirmRevoke(session)}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
