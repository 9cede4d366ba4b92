/**
 * Promised payment («Обещанный (гарантийный) платёж») eligibility, limit, expiry and repayment as pure functions
 * (SUBSCRIPTIONS.md B11, D3, A5, F13). The caller reads the facts from the database under the organization's lock and
 * books what these functions decide.
 */
import { addCalendarDays, moscowIsoDate } from '../dates';
import type { Kopecks } from '../money';
import { moscowDayEnd } from './periods';
import { toSafeKopecks } from './rounding';

/** D3: the default per-organization cap, 100 000 ₽ (settable per organization). */
export const PROMISED_PAYMENT_DEFAULT_LIMIT_KOPECKS = 10_000_000;
/** D3/B11: the term in Moscow calendar days; the day it is provided is day 1, it expires at 23:59 of day 5. */
export const PROMISED_PAYMENT_TERM_DAYS = 5;
/** B11: at most one promised payment per this many Moscow calendar days. */
export const PROMISED_PAYMENT_INTERVAL_DAYS = 30;
/** B11: an unpaid invoice older than this blocks a promised payment. */
export const PROMISED_PAYMENT_MAX_UNPAID_AGE_DAYS = 30;
/** B11: the average monthly spend is taken over this many past months. */
export const PROMISED_PAYMENT_SPEND_MONTHS = 3;

/** Why a promised payment is refused (B11 «eligibility», «one at a time», «frequency», «max amount»). */
export type PromisedPaymentRefusal =
  | 'admin_hold'
  | 'active_exists'
  | 'too_frequent'
  | 'unpaid_invoice_overdue'
  | 'no_paid_top_up'
  | 'no_spend'
  | 'amount_not_positive'
  | 'over_limit';

/** Russian messages for people, one per refusal. */
export const PROMISED_PAYMENT_REFUSAL_MESSAGES: Record<PromisedPaymentRefusal, string> = {
  admin_hold: 'Обещанный платёж недоступен: аккаунт заблокирован администратором',
  active_exists: 'Уже есть действующий обещанный платёж: новый можно взять после его погашения',
  too_frequent: 'Обещанный платёж можно взять не чаще одного раза в 30 дней',
  unpaid_invoice_overdue: 'Есть неоплаченный счёт старше 30 дней: оплатите его, чтобы взять обещанный платёж',
  no_paid_top_up: 'Обещанный платёж доступен после первого оплаченного пополнения баланса',
  no_spend: 'Обещанный платёж недоступен: за последние 3 месяца не было расходов',
  amount_not_positive: 'Укажите сумму больше нуля',
  over_limit: 'Сумма больше доступного лимита обещанного платежа',
};

/** The facts B11 needs about the organization at `now`. */
export type PromisedPaymentFacts = {
  now: Date;
  /** The requested amount in kopecks. */
  amountKopecks: Kopecks;
  /** Per-organization cap (A6); default {@link PROMISED_PAYMENT_DEFAULT_LIMIT_KOPECKS}. */
  organizationLimitKopecks?: Kopecks;
  /** Spend (charges) of each of the last 3 complete Moscow months; missing months count as 0. */
  monthlySpendKopecks: readonly Kopecks[];
  /** A6 `hold_state`. */
  holdState: 'none' | 'credit_hold' | 'admin_hold';
  /** Promised payments not yet repaid or expired (A5 `provided`). */
  activeCount: number;
  /** When the latest promised payment was provided, if any. */
  lastProvidedAt: Date | null;
  /** Issue instants of the organization's unpaid invoices («Ожидает оплаты»). */
  unpaidInvoiceIssuedAt: readonly Date[];
  /** Number of bank top-ups credited so far. */
  paidTopUpCount: number;
};

/**
 * D3/B11 limit: min(organization cap, average monthly spend over the last 3 months), the average rounded down to the
 * kopeck (a limit never exceeds the rule). Fewer than 3 months of history still divide by 3, so a new client's
 * limit is conservative **(decision)**.
 */
export function promisedPaymentLimit(options: {
  organizationLimitKopecks?: Kopecks;
  monthlySpendKopecks: readonly Kopecks[];
}): Kopecks {
  const months = options.monthlySpendKopecks.slice(-PROMISED_PAYMENT_SPEND_MONTHS);
  const sum = months.reduce((total, amount) => total + BigInt(Math.max(0, amount)), 0n);
  const average = toSafeKopecks(sum / BigInt(PROMISED_PAYMENT_SPEND_MONTHS));
  return Math.min(options.organizationLimitKopecks ?? PROMISED_PAYMENT_DEFAULT_LIMIT_KOPECKS, average);
}

/** D3/B11: a promised payment provided at `providedAt` expires at 23:59:59.999 Moscow time of day 5 (day 1 = today). */
export function promisedPaymentExpiry(providedAt: Date): { expiresOn: string; expiresAt: Date } {
  const expiresOn = addCalendarDays(moscowIsoDate(providedAt), PROMISED_PAYMENT_TERM_DAYS - 1);
  return { expiresOn, expiresAt: moscowDayEnd(expiresOn) };
}

/**
 * B11/D3 decision: every refusal that applies (so the UI can say all of them), or the limit and the expiry.
 * Day-based rules use Moscow calendar days: «≤ 1 per 30 days» allows the next one on day +30; an invoice is «older
 * than 30 days» from day +31.
 */
export function decidePromisedPayment(
  facts: PromisedPaymentFacts,
):
  | { ok: true; limitKopecks: Kopecks; expiresOn: string; expiresAt: Date }
  | { ok: false; reasons: PromisedPaymentRefusal[]; limitKopecks: Kopecks } {
  const today = moscowIsoDate(facts.now);
  const limitKopecks = promisedPaymentLimit(facts);
  const reasons: PromisedPaymentRefusal[] = [];
  if (facts.holdState === 'admin_hold') reasons.push('admin_hold');
  if (facts.activeCount > 0) reasons.push('active_exists');
  if (
    facts.lastProvidedAt !== null &&
    today < addCalendarDays(moscowIsoDate(facts.lastProvidedAt), PROMISED_PAYMENT_INTERVAL_DAYS)
  ) {
    reasons.push('too_frequent');
  }
  const oldestAllowed = addCalendarDays(today, -PROMISED_PAYMENT_MAX_UNPAID_AGE_DAYS);
  if (facts.unpaidInvoiceIssuedAt.some((issued) => moscowIsoDate(issued) < oldestAllowed)) {
    reasons.push('unpaid_invoice_overdue');
  }
  if (facts.paidTopUpCount < 1) reasons.push('no_paid_top_up');
  if (limitKopecks <= 0) reasons.push('no_spend');
  if (!Number.isSafeInteger(facts.amountKopecks) || facts.amountKopecks <= 0)
    reasons.push('amount_not_positive');
  else if (limitKopecks > 0 && facts.amountKopecks > limitKopecks) reasons.push('over_limit');
  if (reasons.length > 0) return { ok: false, reasons, limitKopecks };
  return { ok: true, limitKopecks, ...promisedPaymentExpiry(facts.now) };
}

/** An outstanding promised payment (A5): what is still owed on it. */
export type OutstandingPromise = { id: string; outstandingKopecks: Kopecks; providedAt: Date };

/** What a top-up does to one promised payment (A5 statuses: `revoked` in full, or `revoked_by_top_up` + remainder). */
export type PromiseRepayment = {
  id: string;
  repaidKopecks: Kopecks;
  /** 0 → the promise is `revoked` (repaid); > 0 → `revoked_by_top_up` and re-provided as `provided_by_top_up`. */
  remainderKopecks: Kopecks;
};

/**
 * B11 «repayment», F13: a top-up repays outstanding promised payments oldest first (FIFO by `providedAt`, then id).
 * A smaller top-up repays part: the rest stays owed (AP revokes and re-provides the remainder with the same expiry).
 * `freeKopecks` is what the top-up adds to the client's own money after the repayments. The balance itself already
 * holds the promised credit, so booking = top-up credit + `promised_reversal` of each `repaidKopecks`.
 */
export function repayPromisedPayments(
  topUpKopecks: Kopecks,
  outstanding: readonly OutstandingPromise[],
): { repayments: PromiseRepayment[]; freeKopecks: Kopecks } {
  if (!Number.isSafeInteger(topUpKopecks) || topUpKopecks < 0)
    throw new RangeError(`bad top-up: ${topUpKopecks}`);
  const ordered = [...outstanding].sort(
    (a, b) => a.providedAt.getTime() - b.providedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let left = topUpKopecks;
  const repayments: PromiseRepayment[] = [];
  for (const promise of ordered) {
    if (left === 0) break;
    if (promise.outstandingKopecks <= 0) continue;
    const repaid = Math.min(left, promise.outstandingKopecks);
    left -= repaid;
    repayments.push({
      id: promise.id,
      repaidKopecks: repaid,
      remainderKopecks: promise.outstandingKopecks - repaid,
    });
  }
  return { repayments, freeKopecks: left };
}
