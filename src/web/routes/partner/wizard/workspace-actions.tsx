import { Button, Group, Stack, Text } from '@mantine/core';
import { IconBolt, IconChecks, IconTrash, IconTrashX } from '@tabler/icons-react';
import { usePartnerTranslation } from '../i18n';
import type { CheckedRow } from './precheck-table';

type Props = {
  rows: CheckedRow[];
  selected: ReadonlySet<string>;
  busy: boolean;
  onActivateAll: () => void;
  onActivateSelected: () => void;
  onRemoveSelected: () => void;
  onRemoveErrors: () => void;
};

/** «Активировать всё», «Активировать», «Удалить», «Удалить СН с ошибками» and the hint under them (seed 2.4). */
export function WorkspaceActions({ rows, selected, busy, ...on }: Props) {
  const { t } = usePartnerTranslation();
  const chosen = rows.filter((entry) => selected.has(entry.key));
  const valid = rows.filter(({ row }) => row.error === null).length;
  const errors = rows.length - valid;
  const chosenValid = chosen.filter(({ row }) => row.error === null).length;

  return (
    <Stack gap={6}>
      <Group gap="sm">
        <Button
          leftSection={<IconChecks size={16} />}
          disabled={busy || valid === 0}
          onClick={on.onActivateAll}
        >
          {t('wizard.activateAll')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconBolt size={16} />}
          disabled={busy || chosenValid === 0}
          onClick={on.onActivateSelected}
        >
          {t('wizard.activate')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconTrash size={16} />}
          disabled={busy || chosen.length === 0}
          onClick={on.onRemoveSelected}
        >
          {t('wizard.remove')}
        </Button>
        <Button
          variant="default"
          color="red"
          leftSection={<IconTrashX size={16} />}
          disabled={busy || errors === 0}
          onClick={on.onRemoveErrors}
        >
          {t('wizard.removeErrors')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {chosen.length === 0
          ? t('wizard.selectHint')
          : chosenValid < chosen.length
            ? `${t('wizard.selected', { count: chosen.length })}. ${t('wizard.selectedHaveErrors')}`
            : t('wizard.selected', { count: chosen.length })}
        {rows.length > 0 && ` · ${t('wizard.summary', { total: rows.length, valid, errors })}`}
      </Text>
    </Stack>
  );
}
