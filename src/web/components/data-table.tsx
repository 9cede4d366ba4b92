import { type DataTableProps, DataTable as MantineDataTable } from 'mantine-datatable';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * English aria-labels mantine-datatable 9.4 writes into the header with no prop to change them (the sort state,
 * the column toggle, drag and pin buttons). Screen readers read them out, so the wrapper relabels them in place.
 */
const FIXED_LABELS: Record<string, string> = {
  'Sorted ascending': 'table.sortedAsc',
  'Sorted descending': 'table.sortedDesc',
  'Not sorted': 'table.notSorted',
  'Toggle column': 'table.toggleColumn',
  'Drag column': 'table.dragColumn',
  'Pin column': 'table.pinColumn',
  'Pin left': 'table.pinLeft',
  'Pin right': 'table.pinRight',
  Unpin: 'table.unpin',
};

/** Rewrites the library's fixed English labels under `root`, now and whenever the header re-renders. */
function useRelabel(root: RefObject<HTMLElement | null>, translate: (key: string) => string): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const relabel = () => {
      for (const node of element.querySelectorAll<HTMLElement>('[aria-label]')) {
        const label = node.getAttribute('aria-label') ?? '';
        // The key stays on the node, so a later language switch relabels it too.
        const key = FIXED_LABELS[label] ?? node.dataset.labelKey;
        if (!key) continue;
        node.dataset.labelKey = key;
        const text = translate(key);
        if (label !== text) node.setAttribute('aria-label', text);
      }
    };
    relabel();
    const observer = new MutationObserver(relabel);
    observer.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
    return () => observer.disconnect();
  }, [root, translate]);
}

/**
 * mantine-datatable that speaks the interface's language (issue 14.2): the empty state, the loading text, the
 * pagination's labels and range, the page-size selector and the selection checkboxes come from the i18n
 * dictionaries unless the page passes its own. Same props as mantine-datatable's DataTable.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement | null>(null);
  const outerRef = (props as { tableRef?: DataTableProps<T>['tableRef'] }).tableRef;
  const setTableRef = useCallback(
    (node: HTMLTableElement | null) => {
      tableRef.current = node;
      if (typeof outerRef === 'function') outerRef(node);
      else if (outerRef && node) outerRef.current = node;
    },
    [outerRef],
  );
  const translate = useCallback((key: string) => t(key), [t]);
  useRelabel(tableRef, translate);
  // The pagination props are a union with `never` in the library's types; at run time they are read only when
  // the table is paginated, so the defaults are passed to every table.
  const defaults = {
    noRecordsText: t('table.empty'),
    loadingText: t('common.loading'),
    recordsPerPageLabel: t('table.perPage'),
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('table.range', { from, to, total: totalRecords }),
    getPaginationControlProps: (control: 'first' | 'last' | 'previous' | 'next') => ({
      'aria-label': t(`table.${control}Page`),
    }),
    allRecordsSelectionCheckboxProps: { 'aria-label': t('table.selectAll') },
    getRecordSelectionCheckboxProps: (_record: T, index: number) => ({
      'aria-label': t('table.selectRecord', { index: index + 1 }),
    }),
  };
  // A prop passed as undefined keeps our default instead of falling back to the library's English one.
  const given = Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
  const merged = { ...defaults, ...given, tableRef: setTableRef } as unknown as DataTableProps<T>;
  return <MantineDataTable<T> {...merged} />;
}
