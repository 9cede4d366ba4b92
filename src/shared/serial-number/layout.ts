/**
 * Where each part sits in `YY-AA-BCDEFFGHHZZ-DDD-NNNN` (seed 000, «Расшифровка серийного номера») and the
 * checks behind the codec: cutting normalised text into parts, and checking parts that come from code.
 * Internal to `serial-number/`; the public API is in codec.ts.
 */
import { isLeapYear } from '../dates';
import {
  badCharactersError,
  dayError,
  groupLengthError,
  letterInDigitsError,
  plural,
  retiredCodeError,
  type SerialError,
  type SerialPartName,
  shown,
  unknownCodeError,
} from './errors';
import { MAX_SERIAL_INPUT, normalizeSerialText, splitGroups } from './normalize';
import { SERIAL_TABLES, type SerialCodeTables, type SerialTableKey } from './tables';

/** `forIssue`: also refuse retired codes (for new serials and new articles). */
export type SerialValidateOptions = { forIssue?: boolean };

type Segment = { part: SerialPartName; group: number; offset: number; width: number };

/** Group widths of `YY-AA-BCDEFFGHHZZ-DDD-NNNN` and where each part sits. */
const SERIAL_WIDTHS = [2, 2, 11, 3, 4] as const;
export const SEGMENTS: ReadonlyArray<Segment> = [
  { part: 'year', group: 0, offset: 0, width: 2 },
  { part: 'product', group: 1, offset: 0, width: 2 },
  { part: 'version', group: 2, offset: 0, width: 1 },
  { part: 'subscriptionType', group: 2, offset: 1, width: 1 },
  { part: 'agreement', group: 2, offset: 2, width: 1 },
  { part: 'licenseType', group: 2, offset: 3, width: 1 },
  { part: 'period', group: 2, offset: 4, width: 2 },
  { part: 'deliveryForm', group: 2, offset: 6, width: 1 },
  { part: 'support', group: 2, offset: 7, width: 2 },
  { part: 'articleYear', group: 2, offset: 9, width: 2 },
  { part: 'dayOfYear', group: 3, offset: 0, width: 3 },
  { part: 'sequence', group: 4, offset: 0, width: 4 },
];
export const SERIAL_PARTS = SEGMENTS.map((s) => s.part);
export const ARTICLE_PARTS = SEGMENTS.filter((s) => s.group === 1 || s.group === 2).map((s) => s.part);

export function isTableKey(part: SerialPartName): part is SerialTableKey {
  return part in SERIAL_TABLES;
}

/** O↔0 look-alike hint for an unknown code; the code is still rejected (nothing is guessed). */
function zeroHint(key: SerialTableKey, value: string, tables: SerialCodeTables): string {
  const known = (code: string) => code !== value && tables[key].some((e) => e.code === code);
  const alt = [value.replace(/O/g, '0'), value.replace(/0/g, 'O')].find(known);
  return alt ? `. Возможно, перепутаны буква O и цифра 0: в таблице есть код «${alt}»` : '';
}

/** Checks one segment cut from the text; returns the error or nothing. */
function checkSegment(
  part: SerialPartName,
  value: string,
  tables: SerialCodeTables,
): SerialError | undefined {
  const bad = [...value].filter((c) => !/[A-Z0-9]/.test(c));
  if (bad.length > 0) return badCharactersError(part, value, bad);
  if (isTableKey(part)) {
    const found = tables[part].some((e) => e.code === value);
    return found ? undefined : unknownCodeError(part, value, zeroHint(part, value, tables));
  }
  return /^\d+$/.test(value) ? undefined : letterInDigitsError(part, value);
}

function formatError(text: string, widths: ReadonlyArray<number>, whole: boolean): SerialError {
  const pattern = whole ? 'YY-AA-BCDEFFGHHZZ-DDD-NNNN' : 'AA-BCDEFFGHHZZ';
  const example = whole ? '21-AO-19619913021-266-3388' : 'AO-19619913021';
  const total = widths.reduce((sum, w) => sum + w, 0);
  const significant = text.replace(/-/g, '').length;
  const count = text.split('-').length;
  return {
    part: 'format',
    code: 'SERIAL_BAD_FORMAT',
    message: `Ожидается вид ${pattern}, например ${example}: ${plural(total, 'знак', 'знака', 'знаков')} в ${widths.length} группах через дефис; введено знаков: ${significant}, групп: ${count}`,
    value: shown(text),
  };
}

/** The day of the year against the year, when the year could be read (seed 000: DDD is 001–366). */
function checkDay(part: SerialPartName, ddd: string, yy: string | undefined): SerialError | undefined {
  if (part !== 'dayOfYear') return undefined;
  const day = Number(ddd);
  const year = yy === undefined ? undefined : 2000 + Number(yy);
  const leapOk = day !== 366 || year === undefined || isLeapYear(year);
  return day >= 1 && day <= 366 && leapOk ? undefined : dayError(day, year);
}

/**
 * Normalises input, cuts groups `firstGroup..lastGroup` and checks every segment and the day of the year.
 * `values` holds the segments that passed. Never throws.
 */
export function decode(input: string, firstGroup: number, lastGroup: number, tables: SerialCodeTables) {
  const errors: SerialError[] = [];
  const values = new Map<SerialPartName, string>();
  const raw = typeof input === 'string' ? input : '';
  if (raw.length > MAX_SERIAL_INPUT) {
    const message = `Строка слишком длинная для серийного номера: ${raw.length} символов`;
    errors.push({ part: 'format', code: 'SERIAL_BAD_LENGTH', message });
    return { errors, values };
  }
  const text = normalizeSerialText(raw);
  if (text === '') {
    errors.push({ part: 'format', code: 'SERIAL_EMPTY', message: 'Введите серийный номер' });
    return { errors, values };
  }
  const widths = SERIAL_WIDTHS.slice(firstGroup, lastGroup + 1);
  const groups = splitGroups(text, widths);
  if (!groups) {
    errors.push(formatError(text, widths, firstGroup === 0));
    const bad = [...text].filter((c) => !/[A-Z0-9-]/.test(c));
    if (bad.length > 0) errors.push(badCharactersError('format', text, bad));
    return { errors, values };
  }
  groups.forEach((group, index) => {
    const expected = widths[index] ?? 0;
    if (group.length !== expected) {
      const error = groupLengthError(index + firstGroup, expected, group);
      errors.push(error);
      const bad = [...group].filter((c) => !/[A-Z0-9]/.test(c));
      if (bad.length > 0) errors.push(badCharactersError(error.part, group, bad));
      return;
    }
    for (const seg of SEGMENTS.filter((s) => s.group === index + firstGroup)) {
      const value = group.slice(seg.offset, seg.offset + seg.width);
      const error = checkSegment(seg.part, value, tables) ?? checkDay(seg.part, value, values.get('year'));
      if (error) errors.push(error);
      else values.set(seg.part, value);
    }
  });
  return { errors, values };
}

function isYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= 2099;
}

/** Checks the given fields of parts that come from code (forms, JSON, the database). Never throws. */
export function checkFields(
  parts: unknown,
  fields: ReadonlyArray<SerialPartName>,
  tables: SerialCodeTables,
  options: SerialValidateOptions,
): SerialError[] {
  if (typeof parts !== 'object' || parts === null) {
    return [{ part: 'format', code: 'SERIAL_BAD_FORMAT', message: 'Не переданы части серийного номера' }];
  }
  const record = parts as Readonly<Record<string, unknown>>;
  const errors: SerialError[] = [];
  for (const part of fields) {
    const value = record[part];
    if (isTableKey(part)) {
      const width = SERIAL_TABLES[part].width;
      const ok = typeof value === 'string' && value.length === width && /^[A-Z0-9]+$/.test(value);
      const entry = ok ? tables[part].find((e) => e.code === value) : undefined;
      if (!entry) errors.push(unknownCodeError(part, value));
      else if (options.forIssue && entry.retired) errors.push(retiredCodeError(part, entry.code, entry.name));
    } else if (part === 'year' || part === 'articleYear') {
      if (!isYear(value)) {
        const label = part === 'year' ? 'Год генерации' : 'Год добавления позиции';
        const message = `${label} ${shown(value)} вне диапазона 2000–2099`;
        errors.push({ part, code: 'SERIAL_BAD_YEAR', message, value: shown(value) });
      }
    } else if (part === 'dayOfYear') {
      const year = isYear(record.year) ? record.year : undefined;
      const valid = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 366;
      if (!valid || (value === 366 && year !== undefined && !isLeapYear(year)))
        errors.push(dayError(value, year));
    } else if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 9999)) {
      const message = `Порядковый номер ${shown(value)} вне диапазона 0000–9999`;
      errors.push({ part: 'sequence', code: 'SERIAL_BAD_SEQUENCE', message, value: shown(value) });
    }
  }
  return errors;
}
