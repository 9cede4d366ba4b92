import { inArray } from 'drizzle-orm';
import type { LicenseImportRowError } from '../../../shared/api/licenses';
import {
  formatArticle,
  parseArticle,
  parseSerial,
  type SerialCodeTables,
  type SerialParts,
  serialDateOf,
} from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { findArticlesByCodes } from '../catalog/article-view';
import { findOrganizationsByInn } from '../organizations/organization-view';
import { IMPORT_COLUMN_LABELS, type ImportCells, type ImportColumn } from './read-import-rows';
import { licenses } from './schema';

/** A row that passed every check, ready to insert. */
export type ImportLine = {
  row: number;
  organizationId: string;
  articleId: string;
  serial: string;
  parts: SerialParts;
  quantity: number;
  activated: number;
};

const MAX_COUNT = 1_000_000;

type Checked = {
  cells: ImportCells;
  serial?: { serial: string; parts: SerialParts };
  article?: string;
  quantity?: number;
  activated?: number;
};

function count(value: string, empty: number | null): number | string {
  if (value === '' && empty !== null) return empty;
  if (!/^\d+$/.test(value)) return value === '' ? 'не заполнено' : `«${value}» — не целое число`;
  const n = Number(value);
  return n > MAX_COUNT ? `${n} — больше ${MAX_COUNT}` : n;
}

/** Checks that need no database: INN, the serial (the codec, with the operator's tables), article, numbers. */
function checkCells(
  cells: ImportCells,
  tables: SerialCodeTables,
  today: { year: number; dayOfYear: number },
) {
  const errors: Array<{ column: ImportColumn; message: string }> = [];
  const fail = (column: ImportColumn, message: string) => errors.push({ column, message });
  const checked: Checked = { cells };
  if (!/^(\d{10}|\d{12})$/.test(cells.inn))
    fail('inn', `ИНН «${cells.inn}» должен состоять из 10 или 12 цифр`);
  const serial = parseSerial(cells.serial, tables);
  if (!serial.ok) for (const e of serial.errors) fail('serial', e.message);
  else if (serial.parts.year * 1000 + serial.parts.dayOfYear > today.year * 1000 + today.dayOfYear)
    fail(
      'serial',
      `Серийный номер ${serial.serial} выпущен в будущем: день ${serial.parts.dayOfYear} ${serial.parts.year} года ещё не наступил`,
    );
  else checked.serial = { serial: serial.serial, parts: serial.parts };
  if (cells.article === '' && checked.serial) checked.article = formatArticle(checked.serial.parts);
  else if (cells.article !== '') {
    const article = parseArticle(cells.article, tables);
    if (!article.ok) for (const e of article.errors) fail('article', e.message);
    else checked.article = article.article;
  }
  if (checked.serial && checked.article && formatArticle(checked.serial.parts) !== checked.article)
    fail(
      'article',
      `Серийный номер относится к артикулу ${formatArticle(checked.serial.parts)}, а указан ${checked.article}`,
    );
  const quantity = count(cells.quantity, null);
  if (typeof quantity === 'string') fail('quantity', `Количество: ${quantity}`);
  else if (quantity < 1) fail('quantity', 'Количество должно быть не меньше 1');
  else checked.quantity = quantity;
  const activated = count(cells.activated, 0);
  if (typeof activated === 'string') fail('activated', `Активировано: ${activated}`);
  else if (checked.quantity !== undefined && activated > checked.quantity)
    fail('activated', `Активировано (${activated}) больше количества (${checked.quantity})`);
  else checked.activated = activated;
  return { checked, errors };
}

/**
 * Every check of every row, collected rather than stopping at the first, so one upload shows everything to
 * fix. Lookups (organizations by INN, articles, serials already in Kabinet) are one query each.
 */
export async function validateImportRows(
  db: Db,
  rows: ImportCells[],
  tables: SerialCodeTables,
  now: Date,
): Promise<{ lines: ImportLine[]; errors: LicenseImportRowError[] }> {
  const today = serialDateOf(now);
  const errors: LicenseImportRowError[] = [];
  const push = (row: number, column: ImportColumn, message: string) =>
    errors.push({ row, column: IMPORT_COLUMN_LABELS[column], message });
  const checked = rows.map((cells) => {
    const result = checkCells(cells, tables, today);
    for (const e of result.errors) push(cells.row, e.column, e.message);
    return result.checked;
  });

  const serials = checked.flatMap((c) => (c.serial ? [c.serial.serial] : []));
  const [organizations, articles, existing] = await Promise.all([
    findOrganizationsByInn(db, [...new Set(rows.map((r) => r.inn))]),
    findArticlesByCodes(db, [...new Set(checked.flatMap((c) => (c.article ? [c.article] : [])))]),
    serials.length > 0
      ? db.select({ serial: licenses.serial }).from(licenses).where(inArray(licenses.serial, serials))
      : Promise.resolve([]),
  ]);
  const taken = new Set(existing.map((e) => e.serial));
  const seen = new Map<string, number>();
  const lines: ImportLine[] = [];
  for (const c of checked) {
    const row = c.cells.row;
    const orgs = organizations.filter((o) => o.inn === c.cells.inn);
    if (/^\d+$/.test(c.cells.inn) && orgs.length === 0)
      push(row, 'inn', `Организация с ИНН ${c.cells.inn} не найдена: сначала заведите её в бэк-офисе`);
    if (orgs.length > 1)
      push(
        row,
        'inn',
        `ИНН ${c.cells.inn} у нескольких организаций (КПП ${orgs.map((o) => o.kpp ?? '—').join(', ')})`,
      );
    const article = c.article ? articles.find((a) => a.code === c.article) : undefined;
    if (c.article && !article)
      push(row, 'article', `Артикула ${c.article} нет в каталоге: сначала создайте его`);
    if (c.serial) {
      const earlier = seen.get(c.serial.serial);
      if (earlier !== undefined)
        push(row, 'serial', `Серийный номер ${c.serial.serial} уже есть в строке ${earlier}`);
      else seen.set(c.serial.serial, row);
      if (taken.has(c.serial.serial))
        push(row, 'serial', `Серийный номер ${c.serial.serial} уже загружен в Кабинет`);
    }
    const [organization] = orgs;
    if (
      organization &&
      orgs.length === 1 &&
      article &&
      c.serial &&
      c.quantity !== undefined &&
      c.activated !== undefined
    )
      lines.push({
        row,
        organizationId: organization.id,
        articleId: article.id,
        serial: c.serial.serial,
        parts: c.serial.parts,
        quantity: c.quantity,
        activated: c.activated,
      });
  }
  errors.sort((a, b) => a.row - b.row);
  return { lines, errors };
}
