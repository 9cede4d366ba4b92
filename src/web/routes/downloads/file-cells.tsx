import { ActionIcon, Button, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { shortHash } from './file-size';

/** The SHA-256 a customer compares after downloading: short on screen, whole in the tooltip and the copy. */
export function HashCell({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={sha256} withArrow multiline maw={320} style={{ wordBreak: 'break-all' }}>
        <Text ff="monospace" fz="sm" span>
          {shortHash(sha256)}
        </Text>
      </Tooltip>
      <CopyButton value={sha256} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('files.copyHash')} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={t('files.copyHash')}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

type DownloadProps = { href: string; label: string; compact?: boolean };

/**
 * A plain link with `download`: the browser streams the file to disk itself (and can resume it), the session
 * cookie goes along, and nothing passes through JavaScript memory.
 */
export function DownloadButton({ href, label, compact }: DownloadProps) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={href}
      download
      size={compact ? 'compact-sm' : 'xs'}
      variant="light"
      leftSection={<IconDownload size={16} />}
      aria-label={label}
    >
      {t('files.download')}
    </Button>
  );
}
