import { Box, Group, Menu, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBuilding, IconCheck, IconSelector } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MembershipSummary } from '../../../shared/api/auth';
import { useMe, useSwitchOrganization } from '../../api/queries/auth';
import { notifySuccess, useNotifyError } from '../../lib/notify';

function OrganizationLabel({ organization }: { organization: MembershipSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <ThemeIcon variant="light" size={32} radius="md" aria-hidden>
        <IconBuilding size={18} />
      </ThemeIcon>
      <Box miw={0}>
        <Text size="sm" fw={600} truncate maw={260}>
          {organization.shortName}
        </Text>
        <Text size="xs" c="dimmed" className="tabular">
          {t('organization.innShort', { inn: organization.inn })}
        </Text>
      </Box>
    </Group>
  );
}

/** The active organization (short name + INN) and, when there are several, a menu to switch. */
export function OrganizationSwitcher({ onSwitched }: { onSwitched?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const switchOrganization = useSwitchOrganization();
  const notifyError = useNotifyError();

  const active = me?.organizations.find((org) => org.organizationId === me.activeOrganizationId);
  if (!me || !active) return null;
  const others = me.organizations.filter((org) => org.organizationId !== active.organizationId);
  if (others.length === 0) return <OrganizationLabel organization={active} />;

  const choose = (organization: MembershipSummary) =>
    switchOrganization.mutate(organization.organizationId, {
      onSuccess: () => {
        onSwitched?.();
        notifySuccess(t('organization.switched', { name: organization.shortName }));
        void navigate({ to: '/' });
      },
      onError: notifyError,
    });

  return (
    <Menu position="bottom-start" width={320} withinPortal>
      <Menu.Target>
        <UnstyledButton p={4} style={{ borderRadius: 8 }}>
          {/* Named by its content: the organization, its INN and what the button does. */}
          <Group gap={6} wrap="nowrap">
            <OrganizationLabel organization={active} />
            <VisuallyHidden>{t('organization.switch')}</VisuallyHidden>
            <IconSelector size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('organization.switchTitle')}</Menu.Label>
        {me.organizations.map((organization) => (
          <Menu.Item
            key={organization.organizationId}
            onClick={() => organization !== active && choose(organization)}
            disabled={organization.status === 'blocked'}
            rightSection={organization === active ? <IconCheck size={16} /> : null}
          >
            <Text size="sm" fw={500}>
              {organization.shortName}
            </Text>
            <Text size="xs" c="dimmed" className="tabular">
              {t('organization.innShort', { inn: organization.inn })}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
