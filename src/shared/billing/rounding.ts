/**
 * Exact money arithmetic for billing (SUBSCRIPTIONS.md B9 «Rounding», F5). Amounts people pay are integer kopecks;
 * rated usage keeps a precise amount with 6 decimals of a kopeck (micro-kopecks, BigInt inside) and is rounded to
 * kopecks only where money moves, with the remainder carried so nothing is lost or invented (the 1-kopeck wallet vs
 * invoice mismatch of getlago/lago-api#4642 is exactly what this avoids).
 */
import type { Kopecks } from '../money';

/** Decimals kept in a precise amount (B9: «≥ 6 decimals»); the string unit is kopecks. */
export const PRECISE_DECIMALS = 6;
/** Micro-kopecks in one kopeck. */
export const MICRO_PER_KOPECK = 10n ** BigInt(PRECISE_DECIMALS);

/** A precise amount in kopecks as a decimal string with exactly 6 decimals: `"235548000.000000"` (B9, A7). */
export type PreciseAmount = string;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The one rounding rule of billing: **half up, away from zero** (0.5 kopeck → 1 kopeck, −0.5 → −1), applied once
 * to an exact rational. It is the «арифметическое округление» Russian accounting uses for kopecks (cf. п. 6 ст. 52
 * НК РФ for rubles) and it is symmetric, so a refund mirrors the charge it reverses (B1.2, B2, B9).
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // floor(n/d + 1/2) in integers only: floor((2n + d) / 2d).
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** A decimal string (`"12.3456789012"`, `"-0.5"`) as an integer and its scale: `{ units: 123456789012n, scale: 10 }`. */
export function parseDecimal(value: string): { units: bigint; scale: number } {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`not a decimal number: ${value}`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

/** Parses a precise amount (kopecks, up to 6 decimals) into micro-kopecks; more decimals are refused, never cut. */
export function parsePrecise(value: PreciseAmount): bigint {
  const { units, scale } = parseDecimal(value);
  if (scale > PRECISE_DECIMALS) throw new RangeError(`more than ${PRECISE_DECIMALS} decimals: ${value}`);
  return units * 10n ** BigInt(PRECISE_DECIMALS - scale);
}

/** Micro-kopecks as a precise amount string with exactly 6 decimals (the `numeric(20,6)` column's text, A7). */
export function formatPrecise(micro: bigint): PreciseAmount {
  const negative = micro < 0n;
  const abs = negative ? -micro : micro;
  const whole = abs / MICRO_PER_KOPECK;
  const fraction = (abs % MICRO_PER_KOPECK).toString().padStart(PRECISE_DECIMALS, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Micro-kopecks rounded once to whole kopecks by {@link divideRoundHalfUp} (B9: «round to kopecks per line»). */
export function microToKopecks(micro: bigint): Kopecks {
  return toSafeKopecks(divideRoundHalfUp(micro, MICRO_PER_KOPECK));
}

/** A BigInt kopeck amount as a JSON-safe `number`; beyond 2^53 kopecks it throws rather than lose a kopeck. */
export function toSafeKopecks(value: bigint): Kopecks {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount out of the safe range: ${value}`);
  return result;
}

/**
 * B9/A7: the precise amount of a usage quantity (`numeric(30,10)` text) at a unit price in kopecks (an integer, or a
 * decimal string for prices below a kopeck per unit). The product is exact; only the 7th decimal onwards is rounded
 * half up, so `rateUsage("0.0000001", 1)` is `"0.000000"` and `rateUsage("3", "0.333333")` is `"0.999999"`.
 */
export function rateUsage(quantity: string, unitPrice: Kopecks | string): PreciseAmount {
  const q = parseDecimal(quantity);
  const p = parseDecimal(typeof unitPrice === 'number' ? integerText(unitPrice) : unitPrice);
  const scale = q.scale + p.scale;
  const product = q.units * p.units;
  const micro =
    scale >= PRECISE_DECIMALS
      ? divideRoundHalfUp(product, 10n ** BigInt(scale - PRECISE_DECIMALS))
      : product * 10n ** BigInt(PRECISE_DECIMALS - scale);
  return formatPrecise(micro);
}

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`unit price must be whole kopecks: ${value}`);
  return String(value);
}

/**
 * B9 carry rule: each day's precise amounts are debited as whole kopecks, the fraction carried into the next day:
 * debit(i) = round(Σ precise ≤ i) − round(Σ precise < i). Hence Σ debits over the month = round(Σ precise), one
 * rounding, whatever the number of days. The carry restarts each month (one closing-document line per month, B13).
 */
export function debitWithCarry(dailyPrecise: readonly PreciseAmount[]): Kopecks[] {
  let total = 0n;
  let debited = 0n;
  return dailyPrecise.map((amount) => {
    total += parsePrecise(amount);
    const due = divideRoundHalfUp(total, MICRO_PER_KOPECK) - debited;
    debited += due;
    return toSafeKopecks(due);
  });
}

/** One subscription × meter × month of rating (A7 rated_usage): the current precise figure per day and what was debited. */
export type MonthRating = {
  readonly days: Readonly<Record<string, PreciseAmount>>;
  readonly debitedKopecks: Kopecks;
};

/** An empty month: nothing rated, nothing debited. */
export const EMPTY_MONTH_RATING: MonthRating = { days: {}, debitedKopecks: 0 };

/**
 * B9 «recompute-and-diff»: rate a day (first time or a new revision of a past day) and return the kopecks to book now
 * — only the difference: round(new month total) − kopecks already debited. A repeated revision with the same figure
 * books 0 (idempotent); a lower figure books a negative correction. After any sequence, Σ booked kopecks equals
 * round(Σ final precise figures), the same as rating the final figures once (F15).
 */
export function rateDay(
  month: MonthRating,
  day: string,
  precise: PreciseAmount,
): { month: MonthRating; bookKopecks: Kopecks; diffPrecise: PreciseAmount } {
  const previous = month.days[day] === undefined ? 0n : parsePrecise(month.days[day]);
  const next = parsePrecise(precise);
  const days = { ...month.days, [day]: formatPrecise(next) };
  const total = Object.values(days).reduce((sum, value) => sum + parsePrecise(value), 0n);
  const bookKopecks = toSafeKopecks(
    divideRoundHalfUp(total, MICRO_PER_KOPECK) - BigInt(month.debitedKopecks),
  );
  return {
    month: { days, debitedKopecks: month.debitedKopecks + bookKopecks },
    bookKopecks,
    diffPrecise: formatPrecise(next - previous),
  };
}
