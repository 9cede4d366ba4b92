import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { DOCUMENT_TITLES, type DocumentKind, type OrderDetail } from '../../../../shared/api/orders';
import { formatDate } from '../../../../shared/dates';
import { orderDocumentHref } from '../../../api/queries/partner-orders';
import { usePartnerTranslation } from '../i18n';

/** As the seed lists them: «Расходная накладная — УПД», then «Заказ покупателя — Счет на оплату». */
const KIND_ORDER: DocumentKind[] = ['upd', 'invoice'];

/**
 * Блок «документы» (seed 2.7): the УПД and the invoice as PDF links. The document job makes them shortly after
 * the order; until then the block says so and the order is refetched (usePartnerOrder).
 */
export function OrderDocuments({ order }: { order: OrderDetail }) {
  const { t } = usePartnerTranslation();
  const documents = [...order.documents].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  return (
    <section aria-labelledby="order-documents">
      <Title order={2} fz="lg" mb="sm" id="order-documents">
        {t('order.documents')}
      </Title>
      {documents.length === 0 ? (
        <Group gap="sm">
          <Loader size="xs" type="dots" />
          <Text c="dimmed" size="sm">
            {t('order.documentsPending')}
          </Text>
        </Group>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={760}>
          {documents.map((document) => {
            const { title, subtitle } = DOCUMENT_TITLES[document.kind];
            const name = t('order.documentName', {
              title,
              number: document.number,
              date: formatDate(document.date),
            });
            return (
              <Paper key={document.kind} withBorder p="md" radius="md">
                <Group wrap="nowrap" gap="md">
                  <ThemeIcon size={40} radius="md" variant="light" color="red" aria-hidden>
                    <IconFileTypePdf size={22} />
                  </ThemeIcon>
                  <Stack gap={0} miw={0}>
                    <Anchor
                      href={orderDocumentHref(order.id, document.kind)}
                      download
                      fw={500}
                      size="sm"
                      aria-label={t('order.download', { name: `${name} — ${subtitle}` })}
                    >
                      {name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {subtitle}
                    </Text>
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </section>
  );
}
