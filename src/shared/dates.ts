/**
 * One date helper for server and web. Time is stored in UTC; people see Moscow dates as `dd.mm.yyyy`
 * (ARCHITECTURE.md, "Time"). Intl carries the time-zone rules, so no offset is hard-coded.
 */
export const BUSINESS_TIME_ZONE = 'Europe/Moscow';

const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: BUSINESS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: BUSINESS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `2026-04-13T10:00:00Z` → `13.04.2026` (Moscow calendar day). */
export function formatDate(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return dateFormat.format(toDate(value));
}

/** `13.04.2026, 13:00` in Moscow time. */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return dateTimeFormat.format(toDate(value));
}

/** The Moscow calendar date of an instant as `{ year, month (1-12), day }`. */
export function moscowDateParts(value: Date | string | number): { year: number; month: number; day: number } {
  const parts = partsFormat.formatToParts(toDate(value));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The Moscow calendar day of an instant as `YYYY-MM-DD`: prices, subscriptions, licenses and due dates change
 * at 00:00 Moscow time.
 */
export function moscowIsoDate(value: Date | string | number): string {
  const { year, month, day } = moscowDateParts(value);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` plus (or minus) whole calendar days. */
export function addCalendarDays(isoDate: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a calendar date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Day of the year (1–366) of an instant on the Moscow calendar; serial numbers use it (seed 000, DDD). */
export function moscowDayOfYear(value: Date | string | number): number {
  const { year, month, day } = moscowDateParts(value);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
