import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A spreadsheet cell as the import reads it: CSV gives strings, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** One row of a file: its number as the spreadsheet shows it, and its cells from column A. */
export type SheetRecord = { line: number; cells: Cell[] };

type ExcelValue = ExcelJS.CellValue | undefined;

/** Rich text, formulas, hyperlinks and errors become the value a person sees in the cell. */
export function plainCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('result' in value) return plainCell(value.result as ExcelValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return String(value.error);
  return null;
}

/**
 * Rows of the first worksheet of an XLSX stream, read with exceljs' streaming reader: the workbook is never
 * held in memory (shared strings are). Styles are read so that date cells arrive as dates.
 */
export async function* readXlsxRecords(source: Readable): AsyncGenerator<SheetRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelValue[];
      const cells: Cell[] = [];
      // `values` is 1-based (column A is index 1) and sparse.
      for (let column = 1; column < values.length; column++) cells.push(plainCell(values[column]));
      if (cells.some((c) => c !== null && c !== '')) yield { line: row.number, cells };
    }
    return;
  }
}
