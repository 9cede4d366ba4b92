import { Anchor, Box, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/auth';
import { useSerialDecode } from '../../api/queries/licenses';
import { LanguageSwitch } from '../../components/language-switch';
import { AnchorLink } from '../../components/links';
import { Logo } from '../../components/logo';
import { SerialDescriptionView, SerialErrorAlert } from '../licenses/serial-description';

const route = getRouteApi('/serial-number');
const EXAMPLE = '21-AO-19619913021-266-3388';

/** «Расшифровка серийного номера» (seed 000): public, no login; `?serial=` prefills and decodes. */
export function SerialNumberPage() {
  const { t } = useTranslation();
  const { serial } = route.useSearch();
  const navigate = route.useNavigate();
  const { data: me } = useMe();
  const [text, setText] = useState(serial ?? '');
  const decoded = useSerialDecode(serial);

  useEffect(() => setText(serial ?? ''), [serial]);
  useEffect(() => {
    document.title = `${t('serialNumber.title')} — ${t('app.name')}`;
  }, [t]);

  const submit = (value: string) =>
    void navigate({ search: { serial: value.trim() || undefined }, replace: true });

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm">
        <Logo />
        <Group gap="sm">
          <Anchor component={AnchorLink} to={me ? '/' : '/login'} size="sm">
            {me ? t('serialNumber.toCabinet') : t('serialNumber.toLogin')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Group>
      <Stack maw={760} mx="auto" px="md" pb="xl" pt={{ base: 'md', sm: 40 }} gap="lg">
        <div>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('serialNumber.title')}
          </Title>
          <Text c="dimmed" mt="xs">
            {t('serialNumber.description')}
          </Text>
        </div>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit(text);
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('serialNumber.inputLabel')}
                placeholder={EXAMPLE}
                description={t('serialNumber.inputHint', { example: EXAMPLE })}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                style={{ flex: '1 1 320px' }}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
              <Button type="submit" leftSection={<IconSearch size={16} />} loading={decoded.isFetching}>
                {t('serialNumber.decode')}
              </Button>
            </Group>
          </form>
        </Paper>
        {serial &&
          (decoded.isError ? (
            <SerialErrorAlert error={decoded.error} />
          ) : decoded.data ? (
            <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
              <Stack gap="md">
                {decoded.data.product && (
                  <Group justify="space-between" gap="sm">
                    <Title order={2} fz="lg">
                      {decoded.data.product.name}
                    </Title>
                    {decoded.data.product.websiteUrl && (
                      <Button
                        component="a"
                        href={decoded.data.product.websiteUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        variant="light"
                        size="xs"
                        rightSection={<IconExternalLink size={14} />}
                      >
                        {t('products.more')}
                      </Button>
                    )}
                  </Group>
                )}
                <SerialDescriptionView description={decoded.data} />
              </Stack>
            </Paper>
          ) : (
            <Skeleton h={360} radius="md" />
          ))}
      </Stack>
    </Box>
  );
}
