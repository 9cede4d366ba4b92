/**
 * Proration and refunds of fixed charges (SUBSCRIPTIONS.md B1.2, B2, B7, F5, F10). Per day, never per second
 * (B1.2: Russian documents are per day): amount = qty × unit price per period × days / days in that period, computed
 * as an exact BigInt rational and rounded **once** half up away from zero ({@link divideRoundHalfUp}).
 *
 * The denominator is the actual length of the period being prorated (F2, F3): a February day costs 1/28 (1/29 in a
 * leap year) of the monthly price, and a day of an annual period containing 29 February costs 1/366 of the annual
 * price — decided per period, never by a fixed 30 or 365.
 */
import { addCalendarDays, moscowIsoDate } from '../dates';
import type { Kopecks } from '../money';
import { type DayRange, daysInclusive, moscowDayEnd, periodDays } from './periods';
import { divideRoundHalfUp, toSafeKopecks } from './rounding';

/** B2 default reduce window of commitment (NCE) seats, in Moscow calendar days including the day they were added. */
export const REDUCE_WINDOW_DAYS = 7;

function assertWhole(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer: ${value}`);
}

function assertInside(day: string, period: DayRange): void {
  if (day < period.from || day > period.to)
    throw new RangeError(`${day} is outside ${period.from}..${period.to}`);
}

/**
 * B1.2 core: `quantity × unitPrice × days / periodDays(period)` rounded once to kopecks. A quantity of 500 at
 * 4 710.96 ₽ for 1 of 31 days is 7 598 322.58… kopecks → 7 598 323. A result that rounds to 0 stays 0 (F5: the
 * caller books nothing rather than a zero-sum payment).
 */
export function prorate(options: {
  quantity: number;
  unitPriceKopecks: Kopecks;
  days: number;
  period: DayRange;
}): Kopecks {
  const { quantity, unitPriceKopecks, days, period } = options;
  assertWhole('quantity', quantity);
  assertWhole('unitPriceKopecks', unitPriceKopecks);
  const total = periodDays(period);
  if (days < 0 || days > total) throw new RangeError(`${days} days do not fit a ${total}-day period`);
  const numerator = BigInt(quantity) * BigInt(unitPriceKopecks) * BigInt(days);
  return toSafeKopecks(divideRoundHalfUp(numerator, BigInt(total)));
}

/**
 * B1.2: the charge for adding `deltaQuantity` seats on `changeDay`: the days from the change day to the period's end,
 * both included, over the days of that period. Adding on the last day charges one day; on the first day, the full
 * period price.
 */
export function increaseAmount(options: {
  deltaQuantity: number;
  unitPriceKopecks: Kopecks;
  changeDay: string;
  period: DayRange;
}): Kopecks {
  const { deltaQuantity, unitPriceKopecks, changeDay, period } = options;
  if (deltaQuantity <= 0) throw new RangeError(`an increase needs a positive delta: ${deltaQuantity}`);
  assertInside(changeDay, period);
  return prorate({
    quantity: deltaQuantity,
    unitPriceKopecks,
    days: daysInclusive(changeDay, period.to),
    period,
  });
}

/** Why a commitment seat reduction is refused (B2). */
export type ReduceRefusal = 'window_closed' | 'other_period' | 'before_added';

/**
 * B2 (commitment, NCE): refund for removing `quantity` seats added on `addedOn` for which `paidKopecks` was charged in
 * `period`, removed on `changeDay`. Allowed on the day added and the next 6 days (`REDUCE_WINDOW_DAYS` calendar days,
 * inside the vendor's 168 h) and only in the same billing period (NQ «не позднее текущего месяца»).
 * Refund = paid − the days used (from `addedOn` up to the day before the change), so removing seats on the day they
 * were added refunds everything, paid = refund + used exactly, and a refund never exceeds what was paid (F10).
 */
export function reduceRefund(options: {
  quantity: number;
  unitPriceKopecks: Kopecks;
  paidKopecks: Kopecks;
  addedOn: string;
  changeDay: string;
  period: DayRange;
  reduceWindowDays?: number;
}): { ok: true; refundKopecks: Kopecks; usedKopecks: Kopecks } | { ok: false; reason: ReduceRefusal } {
  const { quantity, unitPriceKopecks, paidKopecks, addedOn, changeDay, period } = options;
  const windowDays = options.reduceWindowDays ?? REDUCE_WINDOW_DAYS;
  if (changeDay < addedOn) return { ok: false, reason: 'before_added' };
  if (changeDay > period.to || addedOn < period.from) return { ok: false, reason: 'other_period' };
  if (changeDay > addCalendarDays(addedOn, windowDays - 1)) return { ok: false, reason: 'window_closed' };
  const usedDays = daysInclusive(addedOn, addCalendarDays(changeDay, -1));
  const used = Math.min(paidKopecks, prorate({ quantity, unitPriceKopecks, days: usedDays, period }));
  return { ok: true, refundKopecks: paidKopecks - used, usedKopecks: used };
}

/**
 * B7 deadline: the last instant of the Moscow calendar day of activation, 23:59:59.999 (UTC+3) — «в первый день после
 * её активации (до 23.59 (UTC+3))».
 */
export function dayOneCancelDeadline(activatedAt: Date): Date {
  return moscowDayEnd(moscowIsoDate(activatedAt));
}

/**
 * B7, D2, F10: the day-1 cancellation. `now` is the server time at commit (F1), so 23:59:59.999 MSK is still day 1 and
 * 00:00:00.000 is not. The refund is 100 % of the fixed charges booked for the subscription (pass only those: usage
 * stays charged, F10; promised money and unpaid charges are never refunded, D2).
 */
export function dayOneRefund(options: {
  activatedAt: Date;
  now: Date;
  fixedChargesKopecks: readonly Kopecks[];
}): { ok: true; refundKopecks: Kopecks } | { ok: false; reason: 'deadline_passed' } {
  if (options.now.getTime() > dayOneCancelDeadline(options.activatedAt).getTime()) {
    return { ok: false, reason: 'deadline_passed' };
  }
  const total = options.fixedChargesKopecks.reduce((sum, amount) => {
    assertWhole('charge', amount);
    return sum + BigInt(amount);
  }, 0n);
  return { ok: true, refundKopecks: toSafeKopecks(total) };
}

/**
 * A2 «Текущие расходы»: Σ quantity × unit price per billing period over the subscription's resources, exact
 * (500 × 4 710.96 ₽ = 2 355 480.00 ₽, the seed's figure).
 */
export function currentCost(lines: readonly { quantity: number; unitPriceKopecks: Kopecks }[]): Kopecks {
  const total = lines.reduce((sum, line) => {
    assertWhole('quantity', line.quantity);
    assertWhole('unitPriceKopecks', line.unitPriceKopecks);
    return sum + BigInt(line.quantity) * BigInt(line.unitPriceKopecks);
  }, 0n);
  return toSafeKopecks(total);
}
