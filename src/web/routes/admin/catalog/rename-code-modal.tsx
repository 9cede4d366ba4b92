import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CodeEntry, CodeRenameBody, type CodeTable } from '../../../../shared/api/catalog';
import { useCodeMutation } from '../../../api/queries/catalog';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { serverFieldErrors } from './server-field-errors';

type Props = { table: CodeTable; entry: CodeEntry | null; onClose: () => void };

/** A new name for a code; the code itself never changes (issued serials carry it). */
export function RenameCodeModal({ table, entry, onClose }: Props) {
  const { t } = useTranslation();
  const mutation = useCodeMutation();
  const notifyError = useNotifyError();
  const form = useForm({ initialValues: { name: '' }, schema: CodeRenameBody });
  const { reset } = form;

  useEffect(() => {
    if (entry) reset({ name: entry.name });
  }, [entry, reset]);

  const submit = form.onSubmit((body) => {
    if (!entry) return;
    mutation.mutate(
      { kind: 'rename', table: table.key, code: entry.code, name: body.name },
      {
        onSuccess: () => {
          notifySuccess(t('catalogAdmin.codeTables.renamedDone', { code: entry.code }));
          onClose();
        },
        onError: (error) => {
          const fields = serverFieldErrors(error, ['name']);
          if (fields.name) form.setErrors(fields);
          else notifyError(error);
        },
      },
    );
  });

  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={t('catalogAdmin.codeTables.renameTitle', { code: entry?.code ?? '' })}
      centered
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={t('catalogAdmin.codeTables.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
