import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RemoteOption<T> = { value: string; label: string; item: T };

type Props<T> = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  /** The chosen item (kept in the list while the search shows other matches). */
  value: RemoteOption<T> | null;
  onChange: (option: RemoteOption<T> | null) => void;
  /** Loads matches for what was typed (debounced); `undefined` means no filter. */
  useOptions: (q: string | undefined) => { options: RemoteOption<T>[]; loading: boolean };
};

/** A searchable Select whose options come from the API: typing searches on the server, not in the page. */
export function RemoteSelect<T>({ value, onChange, useOptions, ...props }: Props<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Once something is chosen the box shows its label; that text is not a search.
  const q = debounced.trim() && debounced !== value?.label ? debounced.trim() : undefined;
  const { options, loading } = useOptions(q);
  const merged = value && !options.some((o) => o.value === value.value) ? [value, ...options] : options;

  return (
    <Select
      searchable
      clearable
      {...props}
      data={merged.map(({ value: v, label }) => ({ value: v, label }))}
      // The server already filtered; Mantine's own filter would hide matches by INN or code.
      filter={({ options: all }) => all}
      value={value?.value ?? null}
      onChange={(next) => onChange(merged.find((o) => o.value === next) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={loading ? t('common.loading') : t('table.nothingFound')}
    />
  );
}
