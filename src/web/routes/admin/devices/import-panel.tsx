import { Alert, Badge, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceImport } from '../../../../shared/api/devices';
import { formatDateTime } from '../../../../shared/dates';
import { useDeviceImport, useDeviceImports, useUploadDeviceImport } from '../../../api/queries/devices';
import { DataTable } from '../../../components/data-table';
import { Section } from '../../../components/section';
import { useNotifyError } from '../../../lib/notify';

const STATUS_COLORS: Record<DeviceImport['status'], string> = {
  queued: 'gray',
  reading: 'blue',
  applying: 'blue',
  completed: 'teal',
  failed: 'red',
};

const number = (n: number) => n.toLocaleString('ru-RU');

/** The progress bar and, when it is over, the counts or the error report by row. */
function ImportProgress({ progress }: { progress: DeviceImport }) {
  const { t } = useTranslation();
  const running = progress.status !== 'completed' && progress.status !== 'failed';
  return (
    <Stack gap="sm" aria-live="polite">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {progress.fileName}
        </Text>
        <Badge color={STATUS_COLORS[progress.status]} variant="light">
          {t(`partnerRef.imports.status.${progress.status}`)}
        </Badge>
      </Group>
      <Progress
        value={progress.percent}
        striped={running}
        animated={running}
        color={progress.status === 'failed' ? 'red' : progress.status === 'completed' ? 'teal' : 'blue'}
        aria-label={t('partnerRef.imports.progress')}
        size="lg"
      />
      <Text size="sm" c="dimmed">
        {t('partnerRef.imports.rowsRead', { n: number(progress.processedRows) })}
        {progress.totalRows !== null &&
          ` ${t('partnerRef.imports.ofTotal', { total: number(progress.totalRows) })}`}
        {` · ${progress.percent} %`}
      </Text>
      {progress.status === 'completed' && (
        <Alert color="teal" title={t('partnerRef.imports.doneTitle')}>
          {t('partnerRef.imports.doneText', {
            inserted: number(progress.inserted),
            updated: number(progress.updated),
            unchanged: number(progress.unchanged),
          })}
        </Alert>
      )}
      {progress.status === 'failed' && (
        <Alert color="red" title={t('partnerRef.imports.failedTitle')}>
          {progress.message ?? t('partnerRef.imports.failedRows', { n: number(progress.errorCount) })}
        </Alert>
      )}
      {progress.errors.length > 0 && (
        <DataTable
          aria-label={t('partnerRef.imports.report')}
          withTableBorder
          borderRadius="md"
          maxHeight={360}
          records={progress.errors}
          idAccessor={(e) => `${e.row}-${e.column}-${e.message}`}
          columns={[
            { accessor: 'row', title: t('partnerRef.imports.row'), width: 90, textAlign: 'right' },
            {
              accessor: 'column',
              title: t('partnerRef.imports.column'),
              width: 180,
              render: (e) => e.column ?? '—',
            },
            { accessor: 'message', title: t('partnerRef.imports.message') },
          ]}
        />
      )}
      {progress.errorCount > progress.errors.length && (
        <Text size="sm" c="dimmed">
          {t('partnerRef.imports.moreErrors', {
            shown: progress.errors.length,
            total: number(progress.errorCount),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** «Загрузить реестр»: CSV or XLSX, all or nothing; the job's progress is polled until it ends. */
export function ImportPanel({ canImport }: { canImport: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadDeviceImport();
  const notifyError = useNotifyError();
  const recent = useDeviceImports();
  const [importId, setImportId] = useState<string | null>(null);
  const shownId = importId ?? recent.data?.items[0]?.id ?? null;
  const progress = useDeviceImport(shownId);
  return (
    <Section
      title={t('partnerRef.imports.title')}
      description={t('partnerRef.imports.description')}
      actions={
        canImport && (
          <FileButton
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(file) => {
              if (file)
                upload.mutate(file, {
                  onSuccess: (created) => setImportId(created.id),
                  onError: notifyError,
                });
            }}
          >
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} loading={upload.isPending}>
                {t('partnerRef.imports.upload')}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      {progress.data ? (
        <ImportProgress progress={progress.data} />
      ) : (
        <Group gap="xs" c="dimmed">
          <IconFileSpreadsheet size={18} />
          <Text size="sm">{t('partnerRef.imports.none')}</Text>
        </Group>
      )}
      {(recent.data?.items.length ?? 0) > 1 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('partnerRef.imports.recent')}{' '}
          {recent.data?.items
            .slice(0, 5)
            .map(
              (i) =>
                `${formatDateTime(i.createdAt)} ${i.fileName} — ${t(`partnerRef.imports.status.${i.status}`)}`,
            )
            .join('; ')}
        </Text>
      )}
    </Section>
  );
}
