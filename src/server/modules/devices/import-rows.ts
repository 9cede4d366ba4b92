import {
  type DeviceImportRowError,
  deviceSerialProblem,
  normalizeDeviceSerial,
} from '../../../shared/api/devices';
import { formatDate } from '../../../shared/dates';
import type { Cell, SheetRecord } from './xlsx-stream';

/** The columns of a registry file, in their order when the file has no header. */
export const DEVICE_COLUMNS = ['serial', 'model', 'vendor', 'subscriptionEnd'] as const;
export type DeviceColumn = (typeof DEVICE_COLUMNS)[number];

export const DEVICE_COLUMN_LABELS: Record<DeviceColumn, string> = {
  serial: 'Серийный номер',
  model: 'Модель',
  vendor: 'Вендор',
  subscriptionEnd: 'Подписка до',
};

/** Header names people write; compared lower-case, `ё` as `е`, `_` and runs of spaces as one space. */
const HEADER_ALIASES: Record<string, DeviceColumn> = {
  'серийный номер': 'serial',
  'серийный номер устройства': 'serial',
  серийный: 'serial',
  сн: 'serial',
  'заводской номер': 'serial',
  serial: 'serial',
  'serial number': 'serial',
  модель: 'model',
  'модель устройства': 'model',
  model: 'model',
  вендор: 'vendor',
  производитель: 'vendor',
  vendor: 'vendor',
  'подписка до': 'subscriptionEnd',
  подписка: 'subscriptionEnd',
  'текущая подписка': 'subscriptionEnd',
  'дата окончания подписки': 'subscriptionEnd',
  'окончание подписки': 'subscriptionEnd',
  'subscription end': 'subscriptionEnd',
};

/** Names compared loosely: case, `ё`, quotes and spacing do not matter («РР-Электро» = `рр-электро`). */
export function nameKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"„“”']/g, '')
    .replace(/[_\s\u00a0]+/g, ' ')
    .trim();
}

export type ColumnLayout = { hasHeader: boolean; positions: Map<DeviceColumn, number> };

/**
 * The layout from the first row: a row naming columns is a header (any order, other columns ignored);
 * otherwise Серийный номер, Модель, Вендор, Подписка до. Serial and model are required columns.
 */
export function readLayout(first: SheetRecord): ColumnLayout | DeviceImportRowError {
  const named = first.cells.map((cell) =>
    typeof cell === 'string' ? HEADER_ALIASES[nameKey(cell)] : undefined,
  );
  const hasHeader = named.some((key) => key !== undefined);
  const positions = new Map<DeviceColumn, number>();
  const order = hasHeader ? named : DEVICE_COLUMNS;
  for (const [index, key] of order.entries()) if (key && !positions.has(key)) positions.set(key, index);
  const missing = (['serial', 'model'] as const).filter((c) => !positions.has(c));
  if (missing.length > 0)
    return {
      row: first.line,
      column: null,
      message: `В заголовке нет столбцов ${missing.map((c) => `«${DEVICE_COLUMN_LABELS[c]}»`).join(', ')}`,
    };
  return { hasHeader, positions };
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** Day 0 of Excel's 1900 date system (it counts the non-existent 29.02.1900, hence the 30th). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * «Подписка до»: empty (no license yet), `дд.мм.гггг` (also «До 08.12.2030», as the partner's table shows
 * it), `гггг-мм-дд`, or an XLSX date. Excel dates carry no time zone: their calendar day is taken as is.
 */
export function parseSubscriptionEnd(
  cell: Cell,
): { ok: true; value: string | null } | { ok: false; message: string } {
  if (cell === null || cell === '') return { ok: true, value: null };
  let iso: string | null = null;
  if (cell instanceof Date) iso = Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  else if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0)
    iso = new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
  else if (typeof cell === 'string') {
    const text = cell.replace(/^до\s+/i, '').trim();
    const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (ru) iso = isoOf(Number(ru[3]), Number(ru[2]), Number(ru[1]));
    else if (isoMatch) iso = isoOf(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    else
      return {
        ok: false,
        message: `Дата «${text.slice(0, 40)}» не распознана: укажите дату как дд.мм.гггг`,
      };
    if (!iso) return { ok: false, message: `Даты ${text} не существует` };
  }
  if (!iso) return { ok: false, message: `Значение «${String(cell).slice(0, 40)}» — не дата` };
  const year = Number(iso.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR)
    return { ok: false, message: `Дата ${formatDate(iso)} вне диапазона ${MIN_YEAR}–${MAX_YEAR} годов` };
  return { ok: true, value: iso };
}

/** The registry's vendors and models, keyed by `nameKey`, to resolve the «Вендор» and «Модель» cells. */
export type ModelCatalog = {
  vendors: Array<{ id: string; name: string; fullName: string }>;
  models: Array<{ id: string; name: string; vendorId: string }>;
};

/** Distinct spellings remembered per file; beyond this (a file of unique junk) they are just recomputed. */
const MEMO_LIMIT = 10_000;

/** A checked row, ready for staging. */
export type DeviceLine = { row: number; serial: string; modelId: string; subscriptionEnd: string | null };

/**
 * Checks rows one by one (the file is streamed, never held): serial, model and vendor known, date, and
 * serials repeated within the file (the earlier row is named). Holds one map entry per serial seen.
 */
export class DeviceRowChecker {
  private readonly vendorByKey = new Map<string, { id: string; name: string }>();
  private readonly modelsByKey = new Map<string, Array<{ id: string; vendorId: string }>>();
  private readonly vendorNames = new Map<string, string>();
  private readonly seen = new Map<string, number>();
  /** Files repeat a few model, vendor and date spellings on every row: each is worked out once. */
  private readonly keys = new Map<string, string>();
  private readonly dates = new Map<string, ReturnType<typeof parseSubscriptionEnd>>();

  constructor(
    catalog: ModelCatalog,
    private readonly layout: ColumnLayout,
  ) {
    for (const vendor of catalog.vendors) {
      this.vendorNames.set(vendor.id, vendor.name);
      for (const name of [vendor.name, vendor.fullName]) this.vendorByKey.set(nameKey(name), vendor);
    }
    for (const model of catalog.models) {
      const key = nameKey(model.name);
      this.modelsByKey.set(key, [...(this.modelsByKey.get(key) ?? []), model]);
    }
  }

  private cell(record: SheetRecord, column: DeviceColumn): Cell {
    const at = this.layout.positions.get(column);
    return at === undefined ? null : (record.cells[at] ?? null);
  }

  check(record: SheetRecord): { line: DeviceLine | null; errors: DeviceImportRowError[] } {
    const errors: DeviceImportRowError[] = [];
    const fail = (column: DeviceColumn, message: string) =>
      errors.push({ row: record.line, column: DEVICE_COLUMN_LABELS[column], message });

    const serialCell = this.cell(record, 'serial');
    let serial: string | null = null;
    if (typeof serialCell === 'number')
      fail(
        'serial',
        `Серийный номер записан числом (${serialCell}): Excel мог отбросить ведущие нули. Задайте столбцу текстовый формат и введите номера заново`,
      );
    else {
      const candidate = normalizeDeviceSerial(serialCell === null ? '' : String(serialCell));
      const problem = deviceSerialProblem(candidate);
      if (problem) fail('serial', problem);
      else {
        const earlier = this.seen.get(candidate);
        if (earlier !== undefined) fail('serial', `Серийный номер ${candidate} уже есть в строке ${earlier}`);
        else {
          this.seen.set(candidate, record.line);
          serial = candidate;
        }
      }
    }

    const modelId = this.resolveModel(record, fail);
    const end = this.parseEnd(this.cell(record, 'subscriptionEnd'));
    if (!end.ok) fail('subscriptionEnd', end.message);
    if (errors.length > 0 || serial === null || modelId === null || !end.ok) return { line: null, errors };
    return { line: { row: record.line, serial, modelId, subscriptionEnd: end.value }, errors };
  }

  private key(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      key = nameKey(text);
      if (this.keys.size < MEMO_LIMIT) this.keys.set(text, key);
    }
    return key;
  }

  private parseEnd(cell: Cell): ReturnType<typeof parseSubscriptionEnd> {
    if (typeof cell !== 'string') return parseSubscriptionEnd(cell);
    let parsed = this.dates.get(cell);
    if (parsed === undefined) {
      parsed = parseSubscriptionEnd(cell);
      if (this.dates.size < MEMO_LIMIT) this.dates.set(cell, parsed);
    }
    return parsed;
  }

  private resolveModel(
    record: SheetRecord,
    fail: (column: DeviceColumn, message: string) => void,
  ): string | null {
    const modelText = String(this.cell(record, 'model') ?? '').trim();
    const vendorText = String(this.cell(record, 'vendor') ?? '').trim();
    let vendor: { id: string; name: string } | undefined;
    if (vendorText !== '') {
      vendor = this.vendorByKey.get(this.key(vendorText));
      if (!vendor) {
        fail('vendor', `Вендор «${vendorText.slice(0, 100)}» не найден: заведите его в разделе «Вендоры»`);
        return null;
      }
    }
    if (modelText === '') {
      fail('model', 'Модель не заполнена');
      return null;
    }
    const candidates = this.modelsByKey.get(this.key(modelText)) ?? [];
    const matching = vendor ? candidates.filter((m) => m.vendorId === vendor.id) : candidates;
    const [only] = matching;
    if (only && matching.length === 1) return only.id;
    if (matching.length > 1) {
      const names = matching.map((m) => `«${this.vendorNames.get(m.vendorId) ?? '?'}»`).join(', ');
      fail('vendor', `Модель «${modelText}» есть у нескольких вендоров (${names}): укажите вендора`);
    } else if (vendor)
      fail(
        'model',
        `У вендора «${vendor.name}» нет модели «${modelText.slice(0, 100)}»: добавьте её в разделе «Вендоры»`,
      );
    else fail('model', `Модель «${modelText.slice(0, 100)}» не найдена: добавьте её в разделе «Вендоры»`);
    return null;
  }
}
