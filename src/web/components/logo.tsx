import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links';

/** «Кабинет», linking to the start page of the current area. */
export function Logo({ to = '/', suffix }: { to?: '/' | '/admin'; suffix?: string }) {
  const { t } = useTranslation();
  return (
    <AnchorLink to={to} underline="never" c="inherit" aria-label={t('app.toHome')}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={30} radius="md" aria-hidden>
          <IconKey size={18} />
        </ThemeIcon>
        <Text fw={700} fz="lg" visibleFrom="xs">
          {t('app.name')}
        </Text>
        {suffix && (
          <Text fz="sm" c="dimmed" visibleFrom="sm">
            {suffix}
          </Text>
        )}
      </Group>
    </AnchorLink>
  );
}
