import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenseListItem } from '../../../shared/api/licenses';
import { normalizeSerialText } from '../../../shared/serial-number/normalize';
import { useLicenses } from '../../api/queries/licenses';

type Props = {
  value: string;
  onChange: (serial: string) => void;
  error?: string | undefined;
};

const compact = (text: string) => normalizeSerialText(text).replace(/-/g, '');

/** Whether a license matches what was typed: a serial fragment in any spelling, or the product's name. */
function matches(license: LicenseListItem, query: string): boolean {
  const needle = compact(query);
  if (needle && compact(license.serial).includes(needle)) return true;
  const text = query.trim().toLowerCase();
  return text !== '' && `${license.product} ${license.name}`.toLowerCase().includes(text);
}

/**
 * «Серийный номер»: the organization's serials, searchable. Typing filters at once (Cyrillic look-alikes and
 * missing dashes included, as the codec reads them) and asks the server too, so an organization with
 * thousands of licenses finds any of them.
 */
export function SerialSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<LicenseListItem | null>(null);
  // Once a serial is chosen the box shows it; that text is not a new search.
  const typed = search === (selected?.serial ?? value) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const licenses = useLicenses({ q: q || undefined, page: 1, pageSize: 50, sort: 'id', order: 'asc' });

  const items = useMemo(() => {
    const found = (licenses.data?.items ?? []).filter((l) => !typed || matches(l, typed));
    if (selected && !found.some((l) => l.serial === selected.serial)) found.unshift(selected);
    return found;
  }, [licenses.data, typed, selected]);
  const bySerial = useMemo(() => new Map(items.map((l) => [l.serial, l])), [items]);

  return (
    <Select
      label={t('support.serial')}
      placeholder={t('support.serialPlaceholder')}
      description={t('support.serialHint')}
      required
      searchable
      allowDeselect={false}
      data={items.map((l) => ({ value: l.serial, label: l.serial }))}
      // The list is already filtered above (the codec's spelling rules), not by Mantine's substring match.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value || null}
      onChange={(serial) => {
        setSelected(serial ? (bySerial.get(serial) ?? null) : null);
        onChange(serial ?? '');
      }}
      renderOption={({ option }) => {
        const license = bySerial.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm" ff="monospace">
              {option.value}
            </Text>
            {/* Hidden from the accessible name: the option reads as its serial, like the value it sets. */}
            {license && (
              <Text size="xs" c="dimmed" aria-hidden>
                {license.product} · {license.name}
              </Text>
            )}
          </Stack>
        );
      }}
      nothingFoundMessage={licenses.isFetching ? t('common.loading') : t('support.serialNothing')}
      error={error}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
