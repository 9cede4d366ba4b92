import { Anchor, Box, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links';

export type Crumb = { label: string; to?: LinkProps['to']; params?: LinkProps['params'] };

type Props = {
  title: ReactNode;
  /** Text for the browser tab when `title` is not plain text. */
  documentTitle?: string;
  /** Path above the title, as in the seeds: «Главная / Лицензии / Активация № 289». */
  crumbs: Crumb[];
  actions?: ReactNode;
  description?: ReactNode;
};

/** Breadcrumbs, the page title (h1) and the page's main actions; also names the browser tab. */
export function PageHeader({ title, documentTitle, crumbs, actions, description }: Props) {
  const { t } = useTranslation();
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);

  useEffect(() => {
    if (tabTitle) document.title = `${tabTitle} — ${t('app.name')}`;
  }, [tabTitle, t]);

  return (
    <Box mb="lg">
      {crumbs.length > 0 && (
        <Breadcrumbs mb="xs" separator="/" aria-label={t('common.breadcrumbs')} fz="sm">
          {crumbs.map((crumb) =>
            crumb.to ? (
              <AnchorLink key={crumb.label} to={crumb.to} params={crumb.params} size="sm">
                {crumb.label}
              </AnchorLink>
            ) : (
              <Anchor key={crumb.label} component="span" c="dimmed" size="sm" underline="never">
                {crumb.label}
              </Anchor>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Box miw={0}>
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" mt={4}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Box>
  );
}
