import { Group, Loader, Paper, SimpleGrid, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, OrderDetail } from '../../../../shared/api/orders';
import { formatDate } from '../../../../shared/dates';
import { adminOrderDocumentUrl } from '../../../api/queries/admin-partner-orders';
import { Section } from '../../../components/section';

/** The seed lists the УПД first, then the invoice. */
const SHOWN: readonly DocumentKind[] = ['upd', 'invoice'];

/**
 * «Блок: документы» (seed 2.7): «Расходная накладная — УПД» and «Заказ покупателя — Счет на оплату» as PDF.
 * Until the document job has made them the block says so; the page polls meanwhile.
 */
export function OrderDocuments({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const byKind = new Map(order.documents.map((document) => [document.kind, document]));
  return (
    <Section title={t('partnerOps.orders.documents')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {SHOWN.map((kind) => {
          const document = byKind.get(kind);
          const title = t(`partnerOps.documents.${kind}.title`);
          const subtitle = t(`partnerOps.documents.${kind}.subtitle`);
          if (!document)
            return (
              <Paper key={kind} withBorder p="md" radius="md">
                <Group gap="sm" wrap="nowrap">
                  <Loader size="sm" />
                  <div>
                    <Text size="sm" fw={500}>
                      {subtitle}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('partnerOps.orders.documentPending')}
                    </Text>
                  </div>
                </Group>
              </Paper>
            );
          const label = `${title} ${document.number} ${t('partnerOps.orders.from', {
            date: formatDate(document.date),
          })}`;
          return (
            <UnstyledButton
              key={kind}
              component="a"
              href={adminOrderDocumentUrl(order.id, kind)}
              download
              aria-label={`${label} — ${subtitle}, PDF`}
            >
              <Paper withBorder p="md" radius="md">
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon variant="light" color="red" size={40} radius="md">
                    <IconFileTypePdf size={24} />
                  </ThemeIcon>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {subtitle} · PDF,{' '}
                      {t('partnerOps.orders.kb', { n: Math.max(1, Math.round(document.sizeBytes / 1024)) })}
                    </Text>
                  </div>
                  <IconDownload size={18} color="var(--mantine-color-dimmed)" />
                </Group>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Section>
  );
}
