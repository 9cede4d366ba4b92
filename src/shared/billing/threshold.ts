/**
 * «Порог отключения» and «средств хватит до …» (SUBSCRIPTIONS.md D1, B6, B10, F14) as pure functions of the
 * organization's funds and a schedule of upcoming charges.
 */
import { addCalendarDays } from '../dates';
import type { Kopecks } from '../money';
import { toSafeKopecks } from './rounding';

/**
 * D1 available funds: balance + active promised payments + the allowed negative balance (A6
 * `financial_blocking_threshold`, a non-negative allowance). The ledger balance already includes promised credits
 * (A4 `promised_credit`); pass `activePromisedKopecks: 0` then — count each kopeck once.
 */
export function availableFunds(options: {
  balanceKopecks: Kopecks;
  activePromisedKopecks: Kopecks;
  allowedNegativeKopecks: Kopecks;
}): Kopecks {
  if (options.allowedNegativeKopecks < 0)
    throw new RangeError('the negative allowance is a non-negative amount');
  return toSafeKopecks(
    BigInt(options.balanceKopecks) +
      BigInt(options.activePromisedKopecks) +
      BigInt(options.allowedNegativeKopecks),
  );
}

/**
 * D1: the subscription's cut-off threshold — staff's value when set, otherwise its next-period charge (the seed shows
 * «Порог отключения» = «Текущие расходы» = 2 355 480.00 ₽). For pay-as-you-go pass the postpaid credit limit (B6).
 */
export function cutoffThreshold(options: {
  nextPeriodChargeKopecks: Kopecks;
  staffThresholdKopecks?: Kopecks | null;
}): Kopecks {
  return options.staffThresholdKopecks ?? options.nextPeriodChargeKopecks;
}

/** What the threshold check at a charge moment decides (D1). */
export type ThresholdOutcome = 'ok' | 'payment_overdue' | 'credit_hold';

/**
 * D1/B6 at the subscription's charge moment: funds ≥ threshold → `ok`; below it a commitment plan goes
 * `payment_overdue` (the obligation stays, A3) and any other plan is stopped with `credit_hold` until funds reach the
 * threshold again. A subscription already paid through its period is never stopped for another's debt (B6,
 * killbill/killbill#1997): pass `paidThroughPeriod: true` and the answer is `ok`.
 */
export function thresholdOutcome(options: {
  availableKopecks: Kopecks;
  thresholdKopecks: Kopecks;
  isCommitment: boolean;
  paidThroughPeriod?: boolean;
}): ThresholdOutcome {
  if (options.paidThroughPeriod === true || options.availableKopecks >= options.thresholdKopecks) return 'ok';
  return options.isCommitment ? 'payment_overdue' : 'credit_hold';
}

/** One upcoming outflow on a Moscow day: a period charge, a renewal, a day of PAYG forecast, a promise expiry. */
export type ScheduledCharge = { day: string; amountKopecks: Kopecks };

/** «средств хватит до …»: the answer and the first charge the funds do not cover. */
export type FundsForecast =
  | { kind: 'covered' }
  | { kind: 'until'; lastCoveredDay: string; firstUncovered: ScheduledCharge };

/**
 * D1/B10 «средств хватит до <дата>»: walk the charges from `today` on in day order; the funds last until the day
 * before the first charge they cannot pay in full (charges of one day are paid together, so a day is either covered
 * or not). `covered` = every scheduled charge is paid; the horizon is the caller's schedule. Charges before today
 * are ignored (they are booked already). A day on which the funds fall short already answers yesterday.
 */
export function fundsLastUntil(options: {
  availableKopecks: Kopecks;
  today: string;
  charges: readonly ScheduledCharge[];
}): FundsForecast {
  const byDay = new Map<string, bigint>();
  for (const charge of options.charges) {
    if (charge.day < options.today || charge.amountKopecks <= 0) continue;
    byDay.set(charge.day, (byDay.get(charge.day) ?? 0n) + BigInt(charge.amountKopecks));
  }
  let left = BigInt(options.availableKopecks);
  for (const day of [...byDay.keys()].sort()) {
    const due = byDay.get(day) ?? 0n;
    if (due > left) {
      return {
        kind: 'until',
        lastCoveredDay: addCalendarDays(day, -1),
        firstUncovered: { day, amountKopecks: toSafeKopecks(due) },
      };
    }
    left -= due;
  }
  return { kind: 'covered' };
}
