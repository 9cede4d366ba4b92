import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ActivationSummary } from '../../../../shared/api/activations';
import { licenseFileHref } from '../../../api/queries/partner-activations';
import { usePartnerTranslation } from '../i18n';

type Props = { activation: Pick<ActivationSummary, 'id' | 'number' | 'status'>; compact?: boolean };

/**
 * «Скачать файл лицензии» (seed 2.1, 2.5): a plain download link (`license-<№>.slf`), enabled only once the
 * activation is «Выполнена». In a table it is an icon with the same name as its tooltip and label.
 */
export function LicenseFileButton({ activation, compact = false }: Props) {
  const { t } = usePartnerTranslation();
  const ready = activation.status === 'done';
  const label = ready ? t('list.downloadOf', { number: activation.number }) : t('list.downloadLater');
  const stop = (event: React.MouseEvent) => event.stopPropagation();

  if (!compact)
    return ready ? (
      <Button
        component="a"
        href={licenseFileHref(activation.id)}
        download
        leftSection={<IconDownload size={16} />}
      >
        {t('list.download')}
      </Button>
    ) : null;

  return (
    <Tooltip label={ready ? t('list.download') : label} withArrow>
      {ready ? (
        <ActionIcon
          component="a"
          href={licenseFileHref(activation.id)}
          download
          variant="light"
          size="lg"
          aria-label={label}
          onClick={stop}
        >
          <IconDownload size={18} />
        </ActionIcon>
      ) : (
        // A disabled button gets no hover events: the wrapper keeps the tooltip explaining why.
        <span style={{ display: 'inline-block' }}>
          <ActionIcon variant="light" size="lg" disabled aria-label={label}>
            <IconDownload size={18} />
          </ActionIcon>
        </span>
      )}
    </Tooltip>
  );
}
