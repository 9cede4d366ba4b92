import '@mantine/dates/styles.css';
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import {
  type AdminProductFile,
  DISTRIBUTION_VERSION_REQUIRED,
  ProductFileUpdateBody,
} from '../../../../shared/api/files';
import { useProductFileChange } from '../../../api/queries/files';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

type Props = { file: AdminProductFile | null; onClose: () => void };

/** Title, version, release date and notes; the bytes stay (a new build is a new upload). */
export function EditFileModal({ file, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={file !== null} onClose={onClose} title={t('files.admin.editTitle')} size="lg" centered>
      {file && <EditForm key={file.id} file={file} onDone={onClose} />}
    </Modal>
  );
}

type Values = { title: string; version: string; releasedOn: string | null; notes: string };

function EditForm({ file, onDone }: { file: AdminProductFile; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const change = useProductFileChange();
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: {
      title: file.title,
      version: file.version ?? '',
      releasedOn: file.releasedOn,
      notes: file.notes,
    } as Values,
    schema: ProductFileUpdateBody,
    transform: (values: Values) => ({
      ...values,
      version: values.version.trim() || null,
      releasedOn: values.releasedOn ?? undefined,
    }),
    validate: (values: Values) =>
      file.kind === 'distribution' && !values.version.trim()
        ? { version: DISTRIBUTION_VERSION_REQUIRED }
        : {},
  });

  const submit = form.onSubmit((body) =>
    change.mutate(
      { id: file.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onDone();
        },
        onError: (error) => {
          if (!form.applyServerError(error)) notifyError(error);
        },
      },
    ),
  );

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <TextInput label={t('files.admin.fileTitle')} required {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <TextInput
              label={t('files.version')}
              required={file.kind === 'distribution'}
              {...form.getInputProps('version')}
            />
            <DatePickerInput
              label={t('files.releasedOn')}
              valueFormat="DD.MM.YYYY"
              {...form.getInputProps('releasedOn')}
            />
          </Group>
          <Textarea
            label={t('files.notes')}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} disabled={!form.isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
