import { Alert, Button, Code, CopyButton, Group, Image, List, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTwoFactorEnable, useTwoFactorSetup } from '../../api/queries/auth';
import { CodeInput } from '../../components/code-input';
import { useErrorMessage } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';

/** Setup: the server issues a secret and its QR code; the first code from the app switches 2FA on. */
export function TwoFactorSetup({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const setup = useTwoFactorSetup();
  const enable = useTwoFactorEnable();
  const describe = useErrorMessage();
  const [code, setCode] = useState('');
  const { mutate: start } = setup;
  const started = useRef(false);

  useEffect(() => {
    // Once per opening: every call issues a new secret and would invalidate the QR code on screen.
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  if (setup.isError) {
    return (
      <Stack gap="sm">
        <Alert color="red">{describe(setup.error)}</Alert>
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (!setup.data) return <Skeleton h={220} />;

  const confirm = (value: string) => {
    if (!/^\d{6}$/.test(value) || enable.isPending) return;
    enable.mutate(
      { code: value },
      {
        onSuccess: () => {
          notifySuccess(t('settings.twoFactorEnabled'));
          onDone();
        },
      },
    );
  };
  // The SVG goes through <img>: it is displayed, never executed.
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrSvg)}`;

  return (
    <Stack gap="md">
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>{t('settings.twoFactorStep1')}</List.Item>
        <List.Item>{t('settings.twoFactorStep2')}</List.Item>
        <List.Item>{t('settings.twoFactorStep3')}</List.Item>
      </List>
      <Group align="flex-start" gap="xl">
        <Image src={qrSrc} alt={t('settings.twoFactorQrAlt')} w={180} h={180} fit="contain" bg="white" />
        <Stack gap="xs" maw={320}>
          <Text size="sm" c="dimmed">
            {t('settings.twoFactorSecret')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code fz="sm" style={{ wordBreak: 'break-all' }}>
              {setup.data.secret}
            </Code>
            <CopyButton value={setup.data.secret}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              confirm(code);
            }}
          >
            <Stack gap="sm" mt="sm">
              <CodeInput
                label={t('auth.codeLabel')}
                value={code}
                onChange={setCode}
                onComplete={confirm}
                error={enable.error ? describe(enable.error) : undefined}
              />
              <Group>
                <Button type="submit" loading={enable.isPending} disabled={code.length !== 6}>
                  {t('settings.twoFactorConfirm')}
                </Button>
                <Button variant="default" onClick={onDone}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Group>
    </Stack>
  );
}
