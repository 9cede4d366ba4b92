import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The secret, shown once: only its SHA-256 stays on the server. */
  token: string;
  /** The i18n block with `onceTitle`, `onceText`, `secret`, `usage`, `done`. */
  keys: string;
  onDone: () => void;
};

/** The body of a «token created» window: the warning, the secret with a copy button, how to use it. */
export function SecretOnce({ token, keys, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t(`${keys}.onceTitle`)}>
        {t(`${keys}.onceText`)}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label={t(`${keys}.secret`)}>
          {token}
        </Code>
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`${keys}.usage`)}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t(`${keys}.done`)}</Button>
      </Group>
    </Stack>
  );
}
