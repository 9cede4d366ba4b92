import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../../shared/api/admin';
import { formatDateTime } from '../../../../shared/dates';
import { InfoList } from '../../../components/info-list';

/** Read-only facts about the account. */
export function UserFacts({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('members.email'), user.email],
    [t('common.createdAt'), formatDateTime(user.createdAt)],
    [t('members.lastLogin'), formatDateTime(user.lastLoginAt)],
    [
      t('admin.users.twoFactor'),
      user.twoFactorEnabled ? t('settings.twoFactorOn') : t('settings.twoFactorOff'),
    ],
    [
      t('admin.users.password'),
      user.hasPassword ? t('admin.users.passwordSet') : t('admin.users.passwordNotSet'),
    ],
  ];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section">
      <Title order={2} fz="lg" mb="md">
        {t('admin.users.accountTitle')}
      </Title>
      <InfoList labelWidth={160} rows={facts.map(([label, value]) => ({ label, value }))} />
    </Paper>
  );
}
