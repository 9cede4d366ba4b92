import { ActionIcon, Checkbox, Menu, Stack, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type ToggleableColumn = { accessor: string; title: string };

/** Hidden columns of one table, remembered per table on this device (seed 002, «Дополнительное меню»). */
export function useHiddenColumns(tableKey: string, hiddenByDefault: string[] = []) {
  return useLocalStorage<string[]>({ key: `kabinet.columns.${tableKey}`, defaultValue: hiddenByDefault });
}

type Props = {
  columns: ToggleableColumn[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
  /** The button's name; the partner cabinet calls it «Дополнительное меню» (seed 002, 2.1). */
  label?: string;
};

export function ColumnsMenu({ columns, hidden, onChange, label }: Props) {
  const { t } = useTranslation();
  const name = label ?? t('table.columns');
  const toggle = (accessor: string, visible: boolean) =>
    onChange(visible ? hidden.filter((item) => item !== accessor) : [...hidden, accessor]);

  return (
    <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
      <Menu.Target>
        <Tooltip label={name}>
          <ActionIcon variant="default" size="lg" aria-label={name}>
            <IconColumns3 size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('table.columns')}</Menu.Label>
        <Stack gap="xs" p="xs">
          {columns.map((column) => (
            <Checkbox
              key={column.accessor}
              label={column.title}
              checked={!hidden.includes(column.accessor)}
              onChange={(event) => toggle(column.accessor, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
