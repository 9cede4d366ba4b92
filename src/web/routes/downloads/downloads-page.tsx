import 'mantine-datatable/styles.css';
import { Alert, Box, Button, Center, EmptyState, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconPackageOff } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDownloadPath, type ProductDownloads, type ProductFile } from '../../../shared/api/files';
import { formatDate } from '../../../shared/dates';
import { useDownloads } from '../../api/queries/files';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { DownloadButton, HashCell } from './file-cells';
import { formatFileSize } from './file-size';

/**
 * «Скачать» (seed 000): the distributions of AlterOS, AlterOffice… — of the products the organization holds
 * licenses for — one table of versions per product, newest first.
 */
export function DownloadsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const downloads = useDownloads();

  return (
    <>
      <PageHeader
        title={t('nav.downloads')}
        crumbs={[{ label: t('nav.home'), to: '/' }, { label: t('nav.downloads') }]}
        description={t('files.downloadsDescription')}
      />
      {downloads.isError ? (
        <Alert color="red">{describe(downloads.error)}</Alert>
      ) : downloads.isPending ? (
        <Stack gap="lg">
          <Skeleton h={220} radius="md" />
          <Skeleton h={220} radius="md" />
        </Stack>
      ) : downloads.data.items.length === 0 ? (
        <Center mih={280}>
          <EmptyState
            icon={<IconPackageOff size={32} />}
            withIndicatorBackground
            title={t('files.noProductsTitle')}
            description={t('files.noProductsText')}
          />
        </Center>
      ) : (
        <Stack gap="lg">
          {downloads.data.items.map((product) => (
            <ProductVersions key={product.code} product={product} />
          ))}
        </Stack>
      )}
    </>
  );
}

function ProductVersions({ product }: { product: ProductDownloads }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState<string[]>([]);
  const toggle = (id: string) =>
    setExpanded((open) => (open.includes(id) ? open.filter((x) => x !== id) : [...open, id]));

  const columns: DataTableColumn<ProductFile>[] = [
    {
      accessor: 'version',
      title: t('files.version'),
      render: (file) => (
        <div>
          <Text fw={600} fz="sm">
            {file.version}
          </Text>
          <Text c="dimmed" fz="xs">
            {file.title}
          </Text>
        </div>
      ),
    },
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
      accessor: 'notes',
      title: t('files.notes'),
      render: (file) =>
        file.notes ? (
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={expanded.includes(file.id)}
            rightSection={
              expanded.includes(file.id) ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />
            }
            onClick={() => toggle(file.id)}
          >
            {t('files.whatsNew')}
          </Button>
        ) : (
          <Text c="dimmed" fz="sm">
            —
          </Text>
        ),
    },
    {
      accessor: 'id',
      title: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      textAlign: 'right',
      render: (file) => (
        <DownloadButton
          href={customerDownloadPath(file.id)}
          label={t('files.downloadLabel', { title: file.title, version: file.version ?? '' }).trim()}
        />
      ),
    },
  ];

  return (
    <Section title={product.name}>
      {product.files.length === 0 ? (
        <Text c="dimmed">{t('files.noDistributions')}</Text>
      ) : (
        <DataTable<ProductFile>
          aria-label={t('files.versionsOf', { name: product.name })}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          records={product.files}
          columns={columns}
          rowExpansion={{
            trigger: 'never',
            allowMultiple: true,
            expandable: ({ record }) => record.notes !== '',
            expanded: {
              recordIds: expanded,
              onRecordIdsChange: (ids: unknown[]) => setExpanded(ids as string[]),
            },
            content: ({ record }) => (
              <Box px="md" py="sm" bg="var(--mantine-color-default-hover)">
                <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
                  {record.notes}
                </Text>
              </Box>
            ),
          }}
        />
      )}
    </Section>
  );
}
