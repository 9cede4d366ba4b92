import { Button, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../api/queries/auth';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

/** «Настройки» (seed 000: изменить пароль или выйти из аккаунта), plus profile, 2FA and sessions. */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  return (
    <>
      <PageHeader
        title={t('nav.settings')}
        crumbs={[{ label: t('nav.home'), to: '/' }, { label: t('nav.settings') }]}
      />
      <Stack gap="lg" maw={880}>
        <ProfileSection />
        <PasswordSection />
        <TwoFactorSection />
        <SessionsSection />
        <Section title={t('settings.logoutTitle')}>
          <Text size="sm" c="dimmed" mb="md">
            {t('settings.logoutText')}
          </Text>
          <Button
            color="red"
            variant="light"
            leftSection={<IconLogout size={16} />}
            loading={logout.isPending}
            onClick={() =>
              logout.mutate({ everywhere: false }, { onSettled: () => void navigate({ to: '/login' }) })
            }
          >
            {t('auth.logout')}
          </Button>
        </Section>
      </Stack>
    </>
  );
}
