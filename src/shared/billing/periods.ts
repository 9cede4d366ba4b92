/**
 * Billing periods and terms on Moscow calendar days `YYYY-MM-DD` (SUBSCRIPTIONS.md A1 `billing_anchor`, `term`;
 * F1–F4, F9). Every period is a closed range of days `[from, to]`; day counts are inclusive. Months are added to the
 * **original** anchor day each time, never chained, so an anniversary on the 31st runs 31 Jan → 28/29 Feb → 31 Mar
 * and never drifts to the 28th (getlago/lago-api PR #1567, #1840).
 */
import { addCalendarDays, BUSINESS_TIME_ZONE } from '../dates';
import { addMonthsClamped, daysInMonth } from '../subscription';

/** A1 `billing_anchor`: `calendar` = the 1st of each month («финансовый день»), `anniversary` = the start day. */
export const BILLING_ANCHORS = ['calendar', 'anniversary'] as const;
export type BillingAnchor = (typeof BILLING_ANCHORS)[number];

/** A1 `term` with a fixed length (`endless` has no term end). */
export const FIXED_TERMS = ['P1M', 'P1Y', 'P3Y'] as const;
export type FixedTerm = (typeof FIXED_TERMS)[number];

const TERM_MONTHS: Record<FixedTerm, number> = { P1M: 1, P1Y: 12, P3Y: 36 };

/** A closed range of Moscow calendar days, both ends included. */
export type DayRange = { from: string; to: string };

function ymd(isoDay: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new RangeError(`not a calendar date: ${isoDay}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** F2: the number of days from `from` to `to`, both included (`2026-02-01`..`2026-02-28` → 28); 0 when `to < from`. */
export function daysInclusive(from: string, to: string): number {
  const a = ymd(from);
  const b = ymd(to);
  const days = (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000 + 1;
  return Math.max(0, days);
}

/** The length of a period in days — the denominator of every per-day price (B1.2, F2, F3). */
export function periodDays(period: DayRange): number {
  return daysInclusive(period.from, period.to);
}

/**
 * F2/F4: the `index`-th period of `months` months counted from an anchor day (index 0 starts on the anchor):
 * `[anchor + index·months, anchor + (index+1)·months − 1 day]`, each end clamped from the original anchor.
 */
export function anchoredPeriod(anchorDay: string, months: number, index: number): DayRange {
  return {
    from: addMonthsClamped(anchorDay, index * months),
    to: addCalendarDays(addMonthsClamped(anchorDay, (index + 1) * months), -1),
  };
}

function monthsBetween(from: string, to: string): number {
  const a = ymd(from);
  const b = ymd(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The index of the anchored period (of `months` months) that contains `day`; `day` must not precede the anchor. */
function anchoredIndex(anchorDay: string, months: number, day: string): number {
  if (day < anchorDay) throw new RangeError(`${day} is before the anchor ${anchorDay}`);
  let index = Math.floor(monthsBetween(anchorDay, day) / months);
  while (addMonthsClamped(anchorDay, index * months) > day) index -= 1;
  while (addMonthsClamped(anchorDay, (index + 1) * months) <= day) index += 1;
  return index;
}

/**
 * F4: the (full) monthly billing period that contains `day`. `calendar`: the calendar month of the day.
 * `anniversary`: the month counted from `startedOn`'s day, clamped in short months (start 31 Jan: 31.01–27.02,
 * 28.02–30.03, 31.03–29.04 …). For the shortened first calendar period see {@link firstBillingPeriod}.
 */
export function billingPeriodContaining(options: {
  day: string;
  anchor: BillingAnchor;
  startedOn: string;
}): DayRange {
  const { day, anchor, startedOn } = options;
  if (anchor === 'calendar') {
    const { year, month } = ymd(day);
    return {
      from: `${day.slice(0, 8)}01`,
      to: `${day.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`,
    };
  }
  return anchoredPeriod(startedOn, 1, anchoredIndex(startedOn, 1, day));
}

/**
 * F4: the first billing period of a subscription started on `startedOn`. Calendar anchor: a partial period from the
 * start day to the end of its month, priced against the full month (`fullPeriod`, AP «from the ordering date till the
 * nearest billing day»); a start on the 1st is a full period. Anniversary: always a full period from the start day.
 */
export function firstBillingPeriod(options: { startedOn: string; anchor: BillingAnchor }): DayRange & {
  fullPeriod: DayRange;
  isPartial: boolean;
} {
  const fullPeriod = billingPeriodContaining({
    day: options.startedOn,
    anchor: options.anchor,
    startedOn: options.startedOn,
  });
  return {
    from: options.startedOn,
    to: fullPeriod.to,
    fullPeriod,
    isPartial: options.startedOn !== fullPeriod.from,
  };
}

/** F4/B5: the day the next period is charged — the day after the period containing `day` ends. */
export function nextChargeDay(options: { day: string; anchor: BillingAnchor; startedOn: string }): string {
  return addCalendarDays(billingPeriodContaining(options).to, 1);
}

/**
 * A1 `term`, F9: the last day (inclusive, «Истекает») of a term starting on `termStart`: start + term − 1 day.
 * 01.03.2023 + P1Y → 29.02.2024; 29.02.2028 + P1Y → 27.02.2029 (the next term then starts on 28.02.2029).
 */
export function termEnd(termStart: string, term: FixedTerm): string {
  return anchoredPeriod(termStart, TERM_MONTHS[term], 0).to;
}

/**
 * B5/F9: the term (0 = the first, 1 = the first renewal …) containing `day`, counted from the subscription's
 * original start so renewals keep its anchor day: start 31.01.2027 P1M → terms end 27.02, 30.03, 29.04 ….
 */
export function termContaining(options: {
  startedOn: string;
  term: FixedTerm;
  day: string;
}): DayRange & { index: number } {
  const months = TERM_MONTHS[options.term];
  const index = anchoredIndex(options.startedOn, months, options.day);
  return { ...anchoredPeriod(options.startedOn, months, index), index };
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TIME_ZONE,
  timeZoneName: 'longOffset',
});

function moscowOffsetMinutes(instant: number): number {
  const name =
    offsetFormat.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * F1: the instant 00:00:00.000 Moscow time of a Moscow day; the offset comes from the time-zone rules (Intl), not a
 * hard-coded +03:00 (ARCHITECTURE.md "Time").
 */
export function moscowDayStart(isoDay: string): Date {
  const { year, month, day } = ymd(isoDay);
  const utcMidnight = Date.UTC(year, month - 1, day);
  return new Date(utcMidnight - moscowOffsetMinutes(utcMidnight) * 60_000);
}

/** F1/B7: the last instant (23:59:59.999 Moscow time) of a Moscow day — «до 23:59 (UTC+3)». */
export function moscowDayEnd(isoDay: string): Date {
  return new Date(moscowDayStart(addCalendarDays(isoDay, 1)).getTime() - 1);
}
