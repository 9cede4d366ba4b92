import { ActionIcon, Anchor, Drawer, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePortalInfo } from '../../api/queries/organization';
import { externalUrl, telHref } from '../../lib/format';

/** The button top right that opens «О нас» and «Контакты» (seed 000, рис. 6). */
export function AboutButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Tooltip label={t('about.button')}>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={open} aria-label={t('about.button')}>
          <IconInfoCircle size={22} />
        </ActionIcon>
      </Tooltip>
      <Drawer opened={opened} onClose={close} position="right" title={t('about.title')} size="md">
        {opened && <AboutContent />}
      </Drawer>
    </>
  );
}

function AboutContent() {
  const { t } = useTranslation();
  const { data: info, isPending, isError } = usePortalInfo();
  if (isPending) return <Skeleton h={200} />;
  if (isError || !info) return <Text c="dimmed">{t('about.unavailable')}</Text>;

  return (
    <Stack gap="lg">
      <section>
        <Title order={3} fz="md" mb="xs">
          {t('about.aboutUs')}
        </Title>
        <Text fw={600}>{info.operatorName}</Text>
        {info.about ? (
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
            {info.about}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('about.empty')}
          </Text>
        )}
      </section>
      <section>
        <Title order={3} fz="md" mb="xs">
          {t('about.contacts')}
        </Title>
        <Stack gap={6}>
          {info.phone && <Anchor href={telHref(info.phone)}>{info.phone}</Anchor>}
          {info.email && <Anchor href={`mailto:${info.email}`}>{info.email}</Anchor>}
          {info.address && <Text size="sm">{info.address}</Text>}
          {info.website && externalUrl(info.website) && (
            <Anchor href={externalUrl(info.website) ?? undefined} target="_blank" rel="noopener noreferrer">
              {info.website.replace(/^https?:\/\//, '')}
            </Anchor>
          )}
          {!info.phone && !info.email && !info.address && !info.website && (
            <Text size="sm" c="dimmed">
              {t('about.empty')}
            </Text>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
