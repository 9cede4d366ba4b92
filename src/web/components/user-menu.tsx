import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconBriefcase, IconChevronDown, IconHome, IconLogout, IconSettings } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../api/queries/auth';
import { AnchorLink } from './links';

function initials(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((word) => word[0]) : [email[0]];
  return letters.join('').toUpperCase();
}

/** The person's menu: settings, the other area (cabinet ↔ back office), logout. */
export function UserMenu({ area }: { area: 'cabinet' | 'admin' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  if (!me) return null;

  const signOut = () =>
    logout.mutate({ everywhere: false }, { onSettled: () => void navigate({ to: '/login' }) });

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.label')}
          px={4}
          style={{ display: 'flex', alignItems: 'center', gap: 4 }}
        >
          <Avatar size={32} color="blue" radius="xl" component="span">
            {initials(me.user.name, me.user.email)}
          </Avatar>
          <IconChevronDown size={14} aria-hidden />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.user.name || me.user.email}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={AnchorLink} to="/settings" leftSection={<IconSettings size={16} />}>
          {t('nav.settings')}
        </Menu.Item>
        {area === 'cabinet' && me.user.staffRole && (
          <Menu.Item component={AnchorLink} to="/admin" leftSection={<IconBriefcase size={16} />}>
            {t('nav.backOffice')}
          </Menu.Item>
        )}
        {area === 'admin' && me.organizations.length > 0 && (
          <Menu.Item component={AnchorLink} to="/" leftSection={<IconHome size={16} />}>
            {t('nav.cabinet')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={signOut}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
