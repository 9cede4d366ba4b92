import type { LicenseImportRowError } from '../../../shared/api/licenses';
import type { CsvRecord } from './parse-csv';

/** The columns of a license import, in their default order when the file has no header. */
export const IMPORT_COLUMNS = ['inn', 'serial', 'article', 'quantity', 'activated'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_COLUMN_LABELS: Record<ImportColumn, string> = {
  inn: 'ИНН',
  serial: 'Серийный номер',
  article: 'Артикул',
  quantity: 'Количество',
  activated: 'Активировано',
};

/** Header names people write, in Russian or English; compared lower-case with `_` and runs of spaces as one space. */
const HEADER_ALIASES: Record<string, ImportColumn> = {
  инн: 'inn',
  inn: 'inn',
  'инн организации': 'inn',
  'organization inn': 'inn',
  'серийный номер': 'serial',
  серийный: 'serial',
  serial: 'serial',
  'serial number': 'serial',
  артикул: 'article',
  article: 'article',
  'article code': 'article',
  количество: 'quantity',
  quantity: 'quantity',
  активировано: 'activated',
  activated: 'activated',
};

export type ImportCells = { row: number } & Record<ImportColumn, string>;

function headerKey(cell: string): ImportColumn | undefined {
  return HEADER_ALIASES[
    cell
      .toLowerCase()
      .replace(/[_\s]+/g, ' ')
      .trim()
  ];
}

/**
 * Cuts CSV records into the five columns. A first record whose cells are column names is a header (columns
 * in any order; other columns are ignored); without one the order is ИНН, серийный номер, артикул,
 * количество, активировано. `activated` may be left out.
 */
export function readImportRows(records: CsvRecord[]): {
  rows: ImportCells[];
  errors: LicenseImportRowError[];
} {
  const [first] = records;
  if (!first)
    return { rows: [], errors: [{ row: 1, column: null, message: 'Файл пуст: нет ни одной строки' }] };
  const named = first.cells.map(headerKey);
  const hasHeader = named.some((k) => k !== undefined);
  const positions = new Map<ImportColumn, number>();
  const order = hasHeader ? named : IMPORT_COLUMNS;
  for (const [index, key] of order.entries()) if (key && !positions.has(key)) positions.set(key, index);

  const missing = IMPORT_COLUMNS.filter((c) => c !== 'activated' && c !== 'article' && !positions.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => `«${IMPORT_COLUMN_LABELS[c]}»`).join(', ');
    return {
      rows: [],
      errors: [{ row: first.line, column: null, message: `В заголовке нет столбцов ${names}` }],
    };
  }
  const data = hasHeader ? records.slice(1) : records;
  if (data.length === 0)
    return {
      rows: [],
      errors: [{ row: first.line, column: null, message: 'В файле нет строк с лицензиями' }],
    };
  const rows = data.map((record) => {
    const cell = (column: ImportColumn) => {
      const at = positions.get(column);
      return at === undefined ? '' : (record.cells[at] ?? '');
    };
    return {
      row: record.line,
      inn: cell('inn'),
      serial: cell('serial'),
      article: cell('article'),
      quantity: cell('quantity'),
      activated: cell('activated'),
    };
  });
  return { rows, errors: [] };
}
