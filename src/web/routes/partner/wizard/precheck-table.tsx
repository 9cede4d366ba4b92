import '../partner.css';
import {
  ActionIcon,
  Box,
  Checkbox,
  CopyButton,
  Group,
  LoadingOverlay,
  Pagination,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { PrecheckRow } from '../../../../shared/api/activations';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { usePartnerTranslation } from '../i18n';
import { CurrentSubscription } from './subscription-dot';

/** A checked serial with a key that outlives re-checks, so the selection survives them. */
export type CheckedRow = { key: string; row: PrecheckRow };

const PAGE_SIZE = 50;

type Props = {
  rows: CheckedRow[];
  today: string;
  selected: ReadonlySet<string>;
  onSelectedChange: (keys: Set<string>) => void;
  checking: boolean;
};

/**
 * The pre-check table (seed 2.4): checkbox, Серийный номер (with «Скопировать номер» on hover), Модель
 * устройства, Текущая подписка (coloured circle), Новая подписка, Вендор, Ваша цена (retail price behind «?»).
 * A row the server refused shows its reason in red across the columns.
 */
export function PrecheckTable({ rows, today, selected, onSelectedChange, checking }: Props) {
  const { t } = usePartnerTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const visible = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const allSelected = rows.length > 0 && rows.every((entry) => selected.has(entry.key));
  const someSelected = rows.some((entry) => selected.has(entry.key));

  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    onSelectedChange(next);
  };

  return (
    <Box pos="relative">
      <LoadingOverlay
        visible={checking}
        zIndex={2}
        overlayProps={{ blur: 1 }}
        loaderProps={{ type: 'dots' }}
      />
      <Table.ScrollContainer minWidth={880}>
        <Table
          withTableBorder
          highlightOnHover
          verticalSpacing="sm"
          bg="var(--mantine-color-body)"
          aria-label={t('wizard.title')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>
                <Checkbox
                  aria-label={t('precheck.selectAll')}
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={(event) =>
                    onSelectedChange(
                      event.currentTarget.checked ? new Set(rows.map((entry) => entry.key)) : new Set(),
                    )
                  }
                />
              </Table.Th>
              <Table.Th>{t('precheck.serial')}</Table.Th>
              <Table.Th>{t('precheck.model')}</Table.Th>
              <Table.Th>{t('precheck.currentEnd')}</Table.Th>
              <Table.Th>{t('precheck.newEnd')}</Table.Th>
              <Table.Th>{t('common.vendor')}</Table.Th>
              <Table.Th ta="right">{t('precheck.price')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map(({ key, row }) => (
              <Table.Tr key={key} bg={selected.has(key) ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('precheck.select', { serial: row.input })}
                    checked={selected.has(key)}
                    onChange={(event) => toggle(key, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <SerialCell serial={row.error ? row.input : row.serial} />
                </Table.Td>
                {row.error ? (
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="red" fw={500}>
                      {row.error.message}
                    </Text>
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td>{row.model}</Table.Td>
                    <Table.Td>
                      <CurrentSubscription end={row.currentEnd} today={today} />
                    </Table.Td>
                    <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {row.newEnd ? t('common.until', { date: formatDate(row.newEnd) }) : t('common.none')}
                    </Table.Td>
                    <Table.Td>{row.vendorName}</Table.Td>
                    <Table.Td ta="right">
                      <PriceCell price={row.priceKopecks} retail={row.retailPriceKopecks} />
                    </Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="flex-end" mt="sm">
          <Pagination total={pages} value={current} onChange={setPage} size="sm" />
        </Group>
      )}
    </Box>
  );
}

function SerialCell({ serial }: { serial: string }) {
  const { t } = usePartnerTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {serial}
      </Text>
      <CopyButton value={serial} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('precheck.copied') : t('precheck.copy')} withArrow>
            <ActionIcon
              className="partner-copy"
              data-copied={copied || undefined}
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={t('precheck.copy')}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function PriceCell({ price, retail }: { price: number | null; retail: number | null }) {
  const { t } = usePartnerTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Text size="sm" className="tabular" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {price === null ? t('common.none') : formatMoney(price)}
      </Text>
      {retail !== null && (
        <Tooltip
          label={t('precheck.retailTooltip', { price: formatMoney(retail) })}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('precheck.otherPrices')}>
            <IconHelpCircle size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
