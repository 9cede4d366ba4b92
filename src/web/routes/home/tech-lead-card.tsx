import { Anchor, Avatar, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconHeadset, IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePortalInfo } from '../../api/queries/organization';
import { Section } from '../../components/section';
import { telHref } from '../../lib/format';

/** «Контактные данные руководителя технического отдела» (seed 000, главная страница). */
export function TechLeadCard() {
  const { t } = useTranslation();
  const { data: info, isPending } = usePortalInfo();

  return (
    <Section title={t('home.techLeadTitle')}>
      {isPending ? (
        <Skeleton h={96} />
      ) : !info?.techLeadName && !info?.techLeadPhone && !info?.techLeadEmail ? (
        <Text c="dimmed" size="sm">
          {t('home.techLeadEmpty')}
        </Text>
      ) : (
        <Group align="flex-start" wrap="nowrap">
          <Avatar color="blue" radius="xl" size={44} aria-hidden>
            <IconHeadset size={22} />
          </Avatar>
          <Stack gap={4} miw={0}>
            {info.techLeadName && <Text fw={600}>{info.techLeadName}</Text>}
            {info.techLeadPhone && (
              <Group gap={6} wrap="nowrap">
                <IconPhone size={16} aria-hidden />
                <Anchor href={telHref(info.techLeadPhone)} size="sm">
                  {info.techLeadPhone}
                </Anchor>
              </Group>
            )}
            {info.techLeadEmail && (
              <Group gap={6} wrap="nowrap">
                <IconMail size={16} aria-hidden />
                <Anchor href={`mailto:${info.techLeadEmail}`} size="sm" style={{ wordBreak: 'break-all' }}>
                  {info.techLeadEmail}
                </Anchor>
              </Group>
            )}
          </Stack>
        </Group>
      )}
    </Section>
  );
}
