import { Box, Progress } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconDatabaseOff } from '@tabler/icons-react';
import type { DataTableColumn, DataTableRowClickHandler, DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from '../../shared/api/common';
import { DataTable } from './data-table';

/** The part of a TanStack query result a table reads: its page of rows and the loading states. */
type ListQuery<T> = {
  data?: { items: T[]; total: number } | undefined;
  isPending: boolean;
  isFetching: boolean;
};

type Props<T> = {
  /** The list query: rows, total, the loader while nothing is there yet and a thin bar while refreshing. */
  list: ListQuery<T>;
  columns: DataTableColumn<T>[];
  /** Accessors the person switched off in the columns menu. */
  hiddenColumns?: readonly string[];
  page: number;
  onPageChange: (page: number) => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
  sortStatus?: DataTableSortStatus<T>;
  onSortStatusChange?: (status: DataTableSortStatus<T>) => void;
  onRowClick?: DataTableRowClickHandler<T>;
  idAccessor?: (record: T) => string;
  /** Shown when nothing matches: «Организации не найдены». */
  emptyText: string;
  'aria-label': string;
};

/** One page size per person, shared by all back-office tables. */
export function usePageSize(): [number, (size: number) => void] {
  const [size, setSize] = useLocalStorage<number>({ key: 'kabinet.pageSize', defaultValue: 20 });
  return [PAGE_SIZES.some((allowed) => allowed === size) ? size : 20, setSize];
}

/** mantine-datatable with the back office's defaults: server paging, Russian texts, empty state. */
export function ListTable<T>(props: Props<T>) {
  const { t } = useTranslation();
  const { list } = props;
  const records = list.data?.items;
  const refreshing = list.isFetching && !list.isPending;
  const hidden = props.hiddenColumns ?? [];
  const columns = hidden.length
    ? props.columns.map((column) => ({ ...column, hidden: hidden.includes(String(column.accessor)) }))
    : props.columns;
  const sorting =
    props.sortStatus && props.onSortStatusChange
      ? { sortStatus: props.sortStatus, onSortStatusChange: props.onSortStatusChange }
      : {};
  return (
    <Box pos="relative">
      {refreshing && (
        <Progress
          value={100}
          striped
          animated
          size={3}
          radius={0}
          pos="absolute"
          top={0}
          left={0}
          right={0}
          style={{ zIndex: 3 }}
          aria-label={t('common.loading')}
        />
      )}
      <DataTable<T>
        aria-label={props['aria-label']}
        withTableBorder
        borderRadius="md"
        highlightOnHover
        verticalSpacing="sm"
        minHeight={records && records.length > 0 ? undefined : 220}
        records={records ?? []}
        columns={columns}
        idAccessor={props.idAccessor}
        fetching={list.isPending}
        loaderType="dots"
        noRecordsText={props.emptyText}
        noRecordsIcon={<IconDatabaseOff size={32} stroke={1.4} />}
        totalRecords={list.data?.total ?? 0}
        page={props.page}
        onPageChange={props.onPageChange}
        recordsPerPage={props.pageSize}
        recordsPerPageOptions={[...PAGE_SIZES]}
        onRecordsPerPageChange={props.onPageSizeChange}
        recordsPerPageLabel={t('table.perPage')}
        paginationText={({ from, to, totalRecords }) => t('table.range', { from, to, total: totalRecords })}
        loadingText={t('common.loading')}
        onRowClick={props.onRowClick}
        {...sorting}
      />
    </Box>
  );
}
