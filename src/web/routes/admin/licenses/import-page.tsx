import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconDownload,
  IconFileUpload,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenseImportResponse, LicenseImportRowError } from '../../../../shared/api/licenses';
import { isApiError } from '../../../api/client';
import { useImportLicenses } from '../../../api/queries/licenses';
import { ButtonLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useNotifyError } from '../../../lib/notify';
import { readCsvFile, sampleCsvHref } from './sample-csv';

type Outcome =
  | { kind: 'imported'; result: LicenseImportResponse }
  | { kind: 'invalid'; message: string; errors: LicenseImportRowError[] };

function rowErrorsOf(details: unknown): LicenseImportRowError[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { row, column, message } = item as Record<string, unknown>;
    if (typeof row !== 'number' || typeof message !== 'string') return [];
    return [{ row, column: typeof column === 'string' ? column : null, message }];
  });
}

/** «Импорт лицензий»: licenses issued before Kabinet from a CSV; all or nothing, errors by row. */
export function ImportPage() {
  const { t } = useTranslation();
  const importCsv = useImportLicenses();
  const notifyError = useNotifyError();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [emptyError, setEmptyError] = useState<string | null>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    setCsv(await readCsvFile(file));
    setFileName(file.name);
    setOutcome(null);
    setEmptyError(null);
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) {
      setEmptyError(t('licensesAdmin.import.emptyFile'));
      return;
    }
    setOutcome(null);
    importCsv.mutate(csv, {
      onSuccess: (result) => {
        // Loaded: the same rows again would only be refused as already in Kabinet.
        setCsv('');
        setFileName(null);
        setOutcome({ kind: 'imported', result });
      },
      onError: (error) => {
        if (isApiError(error, 'IMPORT_INVALID'))
          setOutcome({ kind: 'invalid', message: error.message, errors: rowErrorsOf(error.details) });
        else notifyError(error);
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('licensesAdmin.nav.import')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('licensesAdmin.nav.import') }]}
        description={t('licensesAdmin.import.description')}
      />
      <Stack gap="lg" maw={980}>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <form noValidate onSubmit={submit} aria-label={t('licensesAdmin.nav.import')}>
            <Stack gap="md">
              <Text size="sm">{t('licensesAdmin.import.columns')}</Text>
              <Group gap="sm">
                <FileButton onChange={(file) => void pick(file)} accept=".csv,text/csv,text/plain">
                  {(props) => (
                    <Button variant="default" leftSection={<IconFileUpload size={16} />} {...props}>
                      {t('licensesAdmin.import.chooseFile')}
                    </Button>
                  )}
                </FileButton>
                {fileName && (
                  <Text size="sm" c="dimmed">
                    {fileName}
                  </Text>
                )}
                <Anchor
                  href={sampleCsvHref()}
                  download="licenses-sample.csv"
                  size="sm"
                  ml="auto"
                  style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                >
                  <IconDownload size={16} />
                  {t('licensesAdmin.import.sample')}
                </Anchor>
              </Group>
              <Textarea
                label={t('licensesAdmin.import.text')}
                description={t('licensesAdmin.import.textHint')}
                autosize
                minRows={6}
                maxRows={16}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                value={csv}
                onChange={(event) => {
                  setCsv(event.currentTarget.value);
                  setEmptyError(null);
                }}
                error={emptyError}
                placeholder={'ИНН;Серийный номер;Артикул;Количество;Активировано'}
              />
              <Group justify="flex-end">
                <Button type="submit" leftSection={<IconUpload size={16} />} loading={importCsv.isPending}>
                  {t('licensesAdmin.import.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {outcome?.kind === 'imported' && (
          <Alert
            color="teal"
            icon={<IconCircleCheck size={20} />}
            title={t('licensesAdmin.import.doneTitle')}
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('licensesAdmin.import.doneText', {
                  imported: outcome.result.imported,
                  organizations: outcome.result.organizations,
                })}
              </Text>
              <ButtonLink to="/admin/licenses" size="xs" variant="light">
                {t('licensesAdmin.import.toRegistry')}
              </ButtonLink>
            </Stack>
          </Alert>
        )}
        {outcome?.kind === 'invalid' && <ImportErrors message={outcome.message} errors={outcome.errors} />}
      </Stack>
    </>
  );
}

function ImportErrors({ message, errors }: { message: string; errors: LicenseImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Alert color="red" icon={<IconAlertCircle size={20} />} mb="md">
        {message}
      </Alert>
      <Table withTableBorder striped verticalSpacing="xs" aria-label={t('licensesAdmin.import.errorsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90} ta="right">
              {t('licensesAdmin.import.row')}
            </Table.Th>
            <Table.Th w={180}>{t('licensesAdmin.import.column')}</Table.Th>
            <Table.Th>{t('licensesAdmin.import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error) => (
            <Table.Tr key={`${error.row}|${error.column}|${error.message}`}>
              <Table.Td ta="right" className="tabular">
                {error.row}
              </Table.Td>
              <Table.Td>{error.column ?? '—'}</Table.Td>
              <Table.Td>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
