import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import {
  Button,
  FileInput,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductFileUploadFields } from '../../../../shared/api/files';
import { moscowDateParts } from '../../../../shared/dates';
import { type UploadProgress, useUploadProductFile } from '../../../api/queries/files';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { formatFileSize } from '../../downloads/file-size';

type Values = {
  kind: 'distribution' | 'document';
  title: string;
  version: string;
  releasedOn: string | null;
  notes: string;
};

function today(): string {
  const { year, month, day } = moscowDateParts(new Date());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const initialValues = (): Values => ({
  kind: 'distribution',
  title: '',
  version: '',
  releasedOn: today(),
  notes: '',
});

type Props = { productCode: string; limitBytes: number | null };

/** Metadata, then the file; the upload shows its progress and can be cancelled. */
export function UploadForm({ productCode, limitBytes }: Props) {
  const { t, i18n } = useTranslation();
  const notifyError = useNotifyError();
  const upload = useUploadProductFile();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const form = useForm({
    initialValues: initialValues(),
    schema: ProductFileUploadFields,
    transform: (values: Values) => ({
      ...values,
      version: values.version.trim() || undefined,
      releasedOn: values.releasedOn ?? undefined,
      notes: values.notes.trim() || undefined,
    }),
  });
  const size = (bytes: number) => formatFileSize(bytes, i18n.language);

  function checkFile(): File | null {
    const problem = !file
      ? t('files.admin.pickFile')
      : file.size === 0
        ? t('files.admin.emptyFile')
        : limitBytes !== null && file.size > limitBytes
          ? t('files.admin.tooLarge', { limit: size(limitBytes) })
          : undefined;
    setFileError(problem);
    return problem ? null : file;
  }

  const submit = form.onSubmit((fields) => {
    const chosen = checkFile();
    if (!chosen) return;
    abort.current = new AbortController();
    setProgress({ loaded: 0, total: chosen.size });
    upload.mutate(
      {
        productCode,
        fields: {
          kind: fields.kind,
          title: fields.title,
          version: fields.version,
          releasedOn: fields.releasedOn,
          notes: fields.notes,
        },
        file: chosen,
        onProgress: setProgress,
        signal: abort.current.signal,
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('files.admin.uploaded', { name: saved.fileName }));
          form.reset(initialValues());
          setFile(null);
        },
        onError: (error) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          if (!form.applyServerError(error)) notifyError(error);
        },
        onSettled: () => {
          setProgress(null);
          abort.current = null;
        },
      },
    );
  });

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const busy = upload.isPending;

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('files.admin.kind')}
            data={[
              { value: 'distribution', label: t('files.kinds.distribution') },
              { value: 'document', label: t('files.kinds.document') },
            ]}
            value={form.values.kind}
            onChange={(kind) => form.setFieldValue('kind', kind as Values['kind'])}
            disabled={busy}
            style={{ alignSelf: 'flex-start' }}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('files.admin.fileTitle')}
              required
              disabled={busy}
              {...form.getInputProps('title')}
            />
            <TextInput
              label={t('files.version')}
              required={form.values.kind === 'distribution'}
              placeholder="2.5.1"
              disabled={busy}
              {...form.getInputProps('version')}
            />
            <DatePickerInput
              label={t('files.releasedOn')}
              valueFormat="DD.MM.YYYY"
              disabled={busy}
              {...form.getInputProps('releasedOn')}
            />
          </SimpleGrid>
          <Textarea
            label={t('files.notes')}
            description={t('files.admin.notesHint')}
            autosize
            minRows={2}
            maxRows={8}
            disabled={busy}
            {...form.getInputProps('notes')}
          />
          <FileInput
            label={t('files.admin.file')}
            placeholder={t('files.admin.pickFile')}
            description={
              limitBytes !== null ? t('files.admin.limit', { limit: size(limitBytes) }) : undefined
            }
            required
            clearable
            disabled={busy}
            value={file}
            onChange={(next) => {
              setFile(next);
              setFileError(undefined);
            }}
            error={fileError}
            leftSection={<IconUpload size={16} />}
          />
          {progress && (
            <Stack gap={4}>
              <Progress
                value={percent}
                size="lg"
                striped
                animated
                aria-label={t('files.admin.progress')}
                aria-valuetext={`${percent}%`}
              />
              <Text fz="sm" c="dimmed" className="tabular" aria-live="polite">
                {t('files.admin.progressText', {
                  loaded: size(progress.loaded),
                  total: size(progress.total),
                  percent,
                })}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            {busy && (
              <Button variant="default" onClick={() => abort.current?.abort()}>
                {t('files.admin.cancelUpload')}
              </Button>
            )}
            <Button type="submit" loading={busy} leftSection={<IconUpload size={16} />}>
              {t('files.admin.upload')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
