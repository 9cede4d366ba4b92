/**
 * Human words for a serial number, the generation day in Moscow time, and checks for operator-added codes
 * (seed 000, «Расшифровка серийного номера» and «Приложение 1»; ARCHITECTURE.md, "Serial numbers", "Time").
 */
import { moscowDateParts, moscowDayOfYear } from '../dates';
import { type ArticleParts, formatArticle, formatSerial, type SerialParts } from './codec';
import {
  badCharactersError,
  SERIAL_PART_LABELS,
  SERIAL_PART_PLACEHOLDERS,
  type SerialError,
  type SerialPartName,
} from './errors';
import { SEED_CODE_TABLES, SERIAL_TABLES, type SerialCodeTables, type SerialTableKey } from './tables';

export type SerialDescriptionItem = {
  part: SerialPartName;
  /** Russian label, e.g. «Продукт». */
  label: string;
  /** The seed's letters for the part, e.g. `AA`. */
  placeholder: string;
  /** The characters in the serial, e.g. `AO`, `266`. */
  code: string;
  /** What they mean, e.g. «AlterOffice», «23.09.2021». */
  meaning: string;
  /** Number of the code table in «Приложение 1», for table parts. */
  table?: number;
  /** The code is retired: the serial stays valid, new ones are not issued with it. */
  retired?: boolean;
};

export type SerialDescription = {
  serial: string;
  /** `AA-BCDEFFGHHZZ`, the SKU code. */
  article: string;
  /** `dd.mm.yyyy` of year + day of year. */
  generatedOn: string;
  /** `yyyy-mm-dd` of the same day. */
  generatedOnIso: string;
  items: SerialDescriptionItem[];
};

/** Year and day of year (1–366) of an instant on the Moscow calendar: the `YY` and `DDD` of a new serial. */
export function serialDateOf(at: Date | string | number): { year: number; dayOfYear: number } {
  return { year: moscowDateParts(at).year, dayOfYear: moscowDayOfYear(at) };
}

/** Calendar date of a day of the year: `(2021, 266)` → `{ iso: '2021-09-23', display: '23.09.2021' }`. */
export function dateOfYearDay(year: number, dayOfYear: number): { iso: string; display: string } {
  const date = new Date(Date.UTC(year, 0, dayOfYear));
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const yyyy = String(date.getUTCFullYear()).padStart(4, '0');
  return { iso: `${yyyy}-${mm}-${dd}`, display: `${dd}.${mm}.${yyyy}` };
}

function tableItem(key: SerialTableKey, code: string, tables: SerialCodeTables): SerialDescriptionItem {
  const entry = tables[key].find((e) => e.code === code);
  return {
    part: key,
    label: SERIAL_PART_LABELS[key],
    placeholder: SERIAL_PART_PLACEHOLDERS[key],
    code,
    meaning: entry?.name ?? 'неизвестный код',
    table: SERIAL_TABLES[key].number,
    ...(entry?.retired ? { retired: true } : {}),
  };
}

function plainItem(part: SerialPartName, code: string, meaning: string): SerialDescriptionItem {
  return {
    part,
    label: SERIAL_PART_LABELS[part],
    placeholder: SERIAL_PART_PLACEHOLDERS[part],
    code,
    meaning,
  };
}

/** Article parts in words, in the order of the article `AA-BCDEFFGHHZZ`. */
export function describeArticle(
  parts: ArticleParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
): SerialDescriptionItem[] {
  const keys: ReadonlyArray<SerialTableKey> = [
    'product',
    'version',
    'subscriptionType',
    'agreement',
    'licenseType',
    'period',
    'deliveryForm',
    'support',
  ];
  const zz = String(parts.articleYear % 100).padStart(2, '0');
  return [
    ...keys.map((key) => tableItem(key, parts[key], tables)),
    plainItem('articleYear', zz, String(parts.articleYear)),
  ];
}

/**
 * A decoded serial in words, in the order of the serial. Meant for parts from `parseSerial`; an unknown code
 * reads «неизвестный код» rather than throwing.
 */
export function describeSerial(
  parts: SerialParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
): SerialDescription {
  const day = dateOfYearDay(parts.year, parts.dayOfYear);
  const items = [
    plainItem('year', String(parts.year % 100).padStart(2, '0'), String(parts.year)),
    ...describeArticle(parts, tables),
    plainItem('dayOfYear', String(parts.dayOfYear).padStart(3, '0'), day.display),
    plainItem('sequence', String(parts.sequence).padStart(4, '0'), String(parts.sequence)),
  ];
  return {
    serial: formatSerial(parts),
    article: formatArticle(parts),
    generatedOn: day.display,
    generatedOnIso: day.iso,
    items,
  };
}

/**
 * Checks a code the operator adds to a table: the width fixed by the format (1 or 2 characters), Latin capital
 * letters and digits only, not already in the table. Never throws.
 */
export function validateTableCode(
  key: SerialTableKey,
  code: string,
  tables: SerialCodeTables = SEED_CODE_TABLES,
): SerialError[] {
  const table = SERIAL_TABLES[key];
  const value = typeof code === 'string' ? code : '';
  const errors: SerialError[] = [];
  const bad = [...value].filter((c) => !/[A-Z0-9]/.test(c));
  if (bad.length > 0) errors.push(badCharactersError(key, value, bad));
  if (value.length !== table.width) {
    const chars = table.width === 1 ? '1 символ' : '2 символа';
    const message = `Код в таблице ${table.number} должен занимать ${chars}, а «${value}» — ${value.length}`;
    errors.push({ part: key, code: 'SERIAL_BAD_LENGTH', message, value });
  }
  const existing = tables[key].find((e) => e.code === value);
  if (existing) {
    const message = `Код «${value}» уже есть в таблице ${table.number}: «${existing.name}»`;
    errors.push({ part: key, code: 'SERIAL_DUPLICATE_CODE', message, value });
  }
  return errors;
}
