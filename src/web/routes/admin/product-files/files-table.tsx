import 'mantine-datatable/styles.css';
import { ActionIcon, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconDownload, IconEyeOff, IconPencil } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminProductFile, staffDownloadPath } from '../../../../shared/api/files';
import { formatDate } from '../../../../shared/dates';
import { useProductFileChange } from '../../../api/queries/files';
import { confirmAction } from '../../../components/confirm';
import { DataTable } from '../../../components/data-table';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { HashCell } from '../../downloads/file-cells';
import { formatFileSize } from '../../downloads/file-size';
import { EditFileModal } from './edit-file-modal';

type Props = {
  list: { data?: { items: AdminProductFile[] } | undefined; isPending: boolean };
  productName: string;
};

/** Every file of the product, withdrawn ones too (customers no longer see those). */
export function FilesTable({ list, productName }: Props) {
  const { t, i18n } = useTranslation();
  const change = useProductFileChange();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<AdminProductFile | null>(null);

  function toggleWithdrawn(file: AdminProductFile) {
    const withdraw = file.withdrawnAt === null;
    confirmAction({
      title: withdraw ? t('files.admin.withdrawTitle') : t('files.admin.restoreTitle'),
      text: t(withdraw ? 'files.admin.withdrawText' : 'files.admin.restoreText', { name: file.title }),
      confirm: withdraw ? t('files.admin.withdraw') : t('files.admin.restore'),
      danger: withdraw,
      onConfirm: () =>
        change.mutate(
          { id: file.id, action: withdraw ? 'withdraw' : 'restore' },
          {
            onSuccess: () => notifySuccess(withdraw ? t('files.admin.withdrawn') : t('files.admin.restored')),
            onError: notifyError,
          },
        ),
    });
  }

  const columns: DataTableColumn<AdminProductFile>[] = [
    {
      accessor: 'title',
      title: t('files.admin.fileTitle'),
      render: (file) => (
        <div>
          <Text fz="sm" fw={500}>
            {file.title}
          </Text>
          <Text fz="xs" c="dimmed">
            {file.fileName}
          </Text>
        </div>
      ),
    },
    {
      accessor: 'kind',
      title: t('files.admin.kind'),
      render: (file) => t(`files.kinds.${file.kind}`),
    },
    { accessor: 'version', title: t('files.version'), render: (file) => file.version ?? '—' },
    {
      accessor: 'releasedOn',
      title: t('files.releasedOn'),
      noWrap: true,
      cellsClassName: 'tabular',
      render: (file) => formatDate(file.releasedOn),
    },
    {
      accessor: 'sizeBytes',
      title: t('files.size'),
      noWrap: true,
      textAlign: 'right',
      cellsClassName: 'tabular',
      render: (file) => formatFileSize(file.sizeBytes, i18n.language),
    },
    { accessor: 'sha256', title: 'SHA-256', render: (file) => <HashCell sha256={file.sha256} /> },
    {
      accessor: 'withdrawnAt',
      title: t('common.status'),
      render: (file) =>
        file.withdrawnAt ? (
          <Tooltip label={t('files.admin.withdrawnOn', { date: formatDate(file.withdrawnAt) })}>
            <Badge color="gray" variant="light">
              {t('files.admin.statusWithdrawn')}
            </Badge>
          </Tooltip>
        ) : (
          <Badge color="teal" variant="light">
            {t('files.admin.statusPublished')}
          </Badge>
        ),
    },
    {
      accessor: 'id',
      title: t('common.actions'),
      textAlign: 'right',
      render: (file) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={t('files.download')}>
            <ActionIcon
              component="a"
              href={staffDownloadPath(file.id)}
              download
              variant="subtle"
              aria-label={t('files.downloadLabel', { title: file.title, version: file.version ?? '' }).trim()}
            >
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('common.edit')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setEditing(file)}
              aria-label={t('files.admin.editLabel', { name: file.title })}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={file.withdrawnAt ? t('files.admin.restore') : t('files.admin.withdraw')}>
            <ActionIcon
              variant="subtle"
              color={file.withdrawnAt ? 'teal' : 'red'}
              onClick={() => toggleWithdrawn(file)}
              aria-label={`${file.withdrawnAt ? t('files.admin.restore') : t('files.admin.withdraw')}: ${file.title}`}
            >
              {file.withdrawnAt ? <IconArrowBackUp size={16} /> : <IconEyeOff size={16} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('files.admin.listTitle', { name: productName })}
        </Title>
        <DataTable<AdminProductFile>
          aria-label={t('files.admin.listTitle', { name: productName })}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          minHeight={list.data?.items.length ? undefined : 160}
          fetching={list.isPending}
          records={list.data?.items ?? []}
          columns={columns}
          noRecordsText={t('files.admin.empty')}
          rowStyle={(file) => (file.withdrawnAt ? { opacity: 0.6 } : undefined)}
        />
      </Stack>
      <EditFileModal file={editing} onClose={() => setEditing(null)} />
    </Paper>
  );
}
