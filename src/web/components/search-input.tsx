import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { value: string | undefined; onChange: (value: string | undefined) => void; label: string };

/** Search box that updates the list 300 ms after typing stops; the URL keeps the query. */
export function SearchInput({ value, onChange, label }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const commit = useDebouncedCallback((next: string) => onChange(next.trim() || undefined), 300);

  useEffect(() => setText(value ?? ''), [value]);

  return (
    <TextInput
      aria-label={label}
      placeholder={label}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      // Leaving the box (say, clicking a row) applies the search now: a timer firing later would
      // navigate back to the list and cancel the navigation the click started.
      onBlur={() => commit.flush()}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t('common.clear')}
            onClick={() => {
              setText('');
              onChange(undefined);
            }}
          />
        ) : null
      }
      style={{ flex: '1 1 260px' }}
    />
  );
}
