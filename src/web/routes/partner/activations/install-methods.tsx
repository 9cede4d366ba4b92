import { Anchor, List, Paper, Skeleton, Text } from '@mantine/core';
import type { PartnerVendorInfo } from '../../../../shared/api/activations';
import { externalUrl } from '../../../lib/format';
import { usePartnerTranslation } from '../i18n';

/** The note as a sentence, so the instruction links after it read as the next one. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * «Методы установки лицензий:» (seed 2.1): a line per vendor — «aQsi – происходит автоматически. Инструкция…»,
 * «РР-Электро – скачайте файл лицензий в формате .slf…» — with the vendor's instruction links.
 */
export function InstallMethods({ vendors }: { vendors: PartnerVendorInfo[] | undefined }) {
  const { t } = usePartnerTranslation();
  if (vendors === undefined) return <Skeleton h={96} radius="md" mb="lg" />;
  if (vendors.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" mb="lg" component="section" aria-labelledby="install-methods">
      <Text fw={600} mb="xs" id="install-methods">
        {t('list.installTitle')}
      </Text>
      <List spacing={6} size="sm">
        {vendors.map((vendor) => (
          <List.Item key={vendor.id}>
            <Text span fw={600} size="sm">
              {vendor.name}
            </Text>{' '}
            –{' '}
            {sentence(
              vendor.installNote ||
                (vendor.installMethod === 'automatic' ? t('list.installAutomatic') : t('list.installFile')),
            )}
            {vendor.instructionLinks.map((link, index) => {
              const href = externalUrl(link.url);
              return href ? (
                <span key={link.url}>
                  {index > 0 ? ' · ' : ' '}
                  <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                    {link.title}
                  </Anchor>
                </span>
              ) : null;
            })}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
