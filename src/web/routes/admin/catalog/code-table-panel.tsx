import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeCreateBody, type CodeEntry, type CodeTable } from '../../../../shared/api/catalog';
import { useCodeMutation } from '../../../api/queries/catalog';
import { confirmAction } from '../../../components/confirm';
import { DataTable } from '../../../components/data-table';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { RenameCodeModal } from './rename-code-modal';
import { serverFieldErrors } from './server-field-errors';

/** One code table: add a code (the API checks width and alphabet), rename, retire or return codes. */
export function CodeTablePanel({ table }: { table: CodeTable }) {
  const { t } = useTranslation();
  const mutation = useCodeMutation();
  const notifyError = useNotifyError();
  const [renaming, setRenaming] = useState<CodeEntry | null>(null);

  const setRetired = (entry: CodeEntry, retired: boolean) => {
    const run = () =>
      mutation.mutate(
        { kind: retired ? 'retire' : 'unretire', table: table.key, code: entry.code },
        {
          onSuccess: () =>
            notifySuccess(
              t(retired ? 'catalogAdmin.codeTables.retiredDone' : 'catalogAdmin.codeTables.unretiredDone', {
                code: entry.code,
              }),
            ),
          onError: notifyError,
        },
      );
    if (!retired) return run();
    confirmAction({
      title: t('catalogAdmin.codeTables.retireTitle', { code: entry.code, name: entry.name }),
      text: t('catalogAdmin.codeTables.retireText'),
      confirm: t('catalogAdmin.codeTables.retire'),
      onConfirm: run,
    });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="lg">
          {table.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('catalogAdmin.codeTables.widthHint', { count: table.width })}
        </Text>
      </div>
      <AddCodeForm table={table} />
      <DataTable<CodeEntry>
        aria-label={table.title}
        withTableBorder
        borderRadius="md"
        highlightOnHover
        verticalSpacing="sm"
        idAccessor="code"
        records={table.entries}
        minHeight={table.entries.length > 0 ? undefined : 160}
        noRecordsText={t('catalogAdmin.codeTables.empty')}
        columns={[
          {
            accessor: 'code',
            title: t('catalogAdmin.codeTables.code'),
            width: 90,
            render: (entry) => <Code fz="sm">{entry.code}</Code>,
          },
          {
            accessor: 'name',
            title: t('catalogAdmin.codeTables.name'),
            render: (entry) => (
              <Text size="sm" c={entry.retired ? 'dimmed' : undefined}>
                {entry.name}
              </Text>
            ),
          },
          {
            accessor: 'isSeed',
            title: t('catalogAdmin.codeTables.source'),
            width: 180,
            render: (entry) => (
              <Text size="sm" c="dimmed">
                {entry.isSeed
                  ? t('catalogAdmin.codeTables.fromSeed')
                  : t('catalogAdmin.codeTables.fromOperator')}
              </Text>
            ),
          },
          {
            accessor: 'retired',
            title: t('common.status'),
            width: 130,
            render: (entry) => (
              <Badge color={entry.retired ? 'gray' : 'teal'} variant="light">
                {entry.retired ? t('catalogAdmin.codeTables.retired') : t('catalogAdmin.codeTables.active')}
              </Badge>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            width: 96,
            textAlign: 'right',
            render: (entry) => {
              const busy = mutation.isPending && mutation.variables?.code === entry.code;
              return (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('catalogAdmin.codeTables.rename')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('catalogAdmin.codeTables.rename')}: ${entry.code}`}
                      onClick={() => setRenaming(entry)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip
                    label={
                      entry.retired
                        ? t('catalogAdmin.codeTables.unretire')
                        : t('catalogAdmin.codeTables.retire')
                    }
                  >
                    <ActionIcon
                      variant="subtle"
                      color={entry.retired ? 'teal' : 'red'}
                      loading={busy && mutation.variables?.kind !== 'rename'}
                      aria-label={`${entry.retired ? t('catalogAdmin.codeTables.unretire') : t('catalogAdmin.codeTables.retire')}: ${entry.code}`}
                      onClick={() => setRetired(entry, !entry.retired)}
                    >
                      {entry.retired ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
                    </ActionIcon>
                  </Tooltip>
                </Group>
              );
            },
          },
        ]}
      />
      <RenameCodeModal table={table} entry={renaming} onClose={() => setRenaming(null)} />
    </Stack>
  );
}

function AddCodeForm({ table }: { table: CodeTable }) {
  const { t } = useTranslation();
  const mutation = useCodeMutation();
  const notifyError = useNotifyError();
  const form = useForm({ initialValues: { code: '', name: '' }, schema: CodeCreateBody });

  const submit = form.onSubmit((body) =>
    mutation.mutate(
      { kind: 'add', table: table.key, ...body },
      {
        onSuccess: (entry) => {
          form.reset({ code: '', name: '' });
          notifySuccess(t('catalogAdmin.codeTables.addedDone', { code: entry.code }));
        },
        onError: (error) => {
          const fields = serverFieldErrors(error, ['code', 'name']);
          if (Object.keys(fields).length > 0) form.setErrors(fields);
          else notifyError(error);
        },
      },
    ),
  );

  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={submit} aria-label={t('catalogAdmin.codeTables.addTitle')}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('catalogAdmin.codeTables.code')}
            placeholder={table.width === 2 ? 'AX' : 'X'}
            w={220}
            required
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('code')}
            onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
          />
          <TextInput
            label={t('catalogAdmin.codeTables.name')}
            required
            style={{ flex: '1 1 280px' }}
            {...form.getInputProps('name')}
          />
          <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={mutation.isPending}>
            {t('catalogAdmin.codeTables.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
