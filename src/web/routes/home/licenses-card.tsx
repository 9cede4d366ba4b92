import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Alert,
  Anchor,
  CopyButton,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LICENSE_SORTS, LicenseListItem } from '../../../shared/api/licenses';
import { useLicense, useLicenses } from '../../api/queries/licenses';
import { ListTable, usePageSize } from '../../components/list-table';
import { SearchInput } from '../../components/search-input';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { SerialDescriptionView } from '../licenses/serial-description';

type Sort = (typeof LICENSE_SORTS)[number];

/** «Таблица со списком лицензий» (seed 000): ID, Лицензия, Серийный номер, Продукт, Количество, Активировано. */
export function LicensesCard() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [pageSize, setPageSize] = usePageSize();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<LicenseListItem>>({
    columnAccessor: 'id',
    direction: 'asc',
  });
  const [openedId, setOpenedId] = useState<string | null>(null);

  const list = useLicenses({
    q,
    page,
    pageSize,
    sort: sortStatus.columnAccessor as Sort,
    order: sortStatus.direction,
  });

  const columns: DataTableColumn<LicenseListItem>[] = [
    {
      accessor: 'id',
      title: t('licenses.number'),
      sortable: true,
      width: 70,
      textAlign: 'right',
      cellsClassName: 'tabular',
      render: (license) => license.number,
    },
    { accessor: 'name', title: t('licenses.name') },
    {
      accessor: 'serial',
      title: t('licenses.serial'),
      sortable: true,
      noWrap: true,
      render: (license) => (
        <Group gap={4} wrap="nowrap">
          <Anchor
            component="button"
            type="button"
            ff="monospace"
            fz="sm"
            fw={500}
            onClick={() => setOpenedId(license.id)}
            title={t('licenses.decodeHint')}
          >
            {license.serial}
          </Anchor>
          <CopyButton value={license.serial} timeout={1500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('licenses.copySerial')} withArrow>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  size="sm"
                  onClick={copy}
                  aria-label={t('licenses.copySerial')}
                >
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      ),
    },
    { accessor: 'product', title: t('licenses.product'), sortable: true },
    {
      accessor: 'quantity',
      title: t('licenses.quantity'),
      sortable: true,
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'activated',
      title: t('licenses.activated'),
      sortable: true,
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
  ];

  return (
    <Section title={t('licenses.title')}>
      <Stack gap="md">
        <Group>
          <SearchInput
            label={t('licenses.search')}
            value={q}
            onChange={(next) => {
              setQ(next);
              setPage(1);
            }}
          />
        </Group>
        {list.isError ? (
          <Alert color="red">{describe(list.error)}</Alert>
        ) : (
          <ListTable
            aria-label={t('licenses.title')}
            list={list}
            columns={columns}
            page={page}
            onPageChange={setPage}
            pageSize={pageSize}
            onPageSizeChange={(size) => {
              setPageSize(size);
              setPage(1);
            }}
            sortStatus={sortStatus}
            onSortStatusChange={(status) => {
              setSortStatus(status);
              setPage(1);
            }}
            emptyText={q ? t('table.nothingFound') : t('licenses.empty')}
          />
        )}
      </Stack>
      <LicenseModal id={openedId} onClose={() => setOpenedId(null)} />
    </Section>
  );
}

function LicenseModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const license = useLicense(id);

  return (
    <Modal opened={id !== null} onClose={onClose} title={t('licenses.decodedTitle')} size="lg" centered>
      {license.isError ? (
        <Alert color="red">{describe(license.error)}</Alert>
      ) : !license.data || license.data.id !== id ? (
        <Skeleton h={320} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Fact label={t('licenses.name')} value={license.data.name} />
            <Fact label={t('licenses.quantity')} value={String(license.data.quantity)} />
            <Fact label={t('licenses.activated')} value={String(license.data.activated)} />
          </SimpleGrid>
          <SerialDescriptionView description={license.data.decoded} />
        </Stack>
      )}
    </Modal>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}
