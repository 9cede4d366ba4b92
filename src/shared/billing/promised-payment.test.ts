import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decidePromisedPayment,
  type PromisedPaymentFacts,
  promisedPaymentExpiry,
  promisedPaymentLimit,
  repayPromisedPayments,
} from './promised-payment';

const now = new Date('2026-03-10T09:00:00Z'); // 12:00 MSK, 10 March
const eligible: PromisedPaymentFacts = {
  now,
  amountKopecks: 5_000_000,
  monthlySpendKopecks: [7_420_100, 7_420_100, 7_420_100],
  holdState: 'none',
  activeCount: 0,
  lastProvidedAt: null,
  unpaidInvoiceIssuedAt: [],
  paidTopUpCount: 1,
};

describe('B11/D3 limit and expiry', () => {
  it('limit = min(organization cap 100 000 ₽, average monthly spend of 3 months)', () => {
    expect(promisedPaymentLimit({ monthlySpendKopecks: [7_420_100, 7_420_100, 7_420_101] })).toBe(7_420_100);
    expect(promisedPaymentLimit({ monthlySpendKopecks: [50_000_000, 50_000_000, 50_000_000] })).toBe(
      10_000_000,
    );
    expect(promisedPaymentLimit({ organizationLimitKopecks: 1_000, monthlySpendKopecks: [9_000] })).toBe(
      1_000,
    );
    expect(promisedPaymentLimit({ monthlySpendKopecks: [900] })).toBe(300);
  });

  it('expires at 23:59:59.999 Moscow time of day 5, day 1 being the Moscow day it is provided', () => {
    expect(promisedPaymentExpiry(now)).toEqual({
      expiresOn: '2026-03-14',
      expiresAt: new Date('2026-03-14T20:59:59.999Z'),
    });
    // 00:30 MSK on 11 March is already the next Moscow day.
    expect(promisedPaymentExpiry(new Date('2026-03-10T21:30:00Z')).expiresOn).toBe('2026-03-15');
    expect(promisedPaymentExpiry(new Date('2026-03-10T20:59:59.999Z')).expiresOn).toBe('2026-03-14');
  });
});

describe('B11 eligibility', () => {
  it('an eligible organization gets its limit and expiry', () => {
    expect(decidePromisedPayment(eligible)).toEqual({
      ok: true,
      limitKopecks: 7_420_100,
      expiresOn: '2026-03-14',
      expiresAt: new Date('2026-03-14T20:59:59.999Z'),
    });
  });

  it.each([
    [{ holdState: 'admin_hold' as const }, 'admin_hold'],
    [{ activeCount: 1 }, 'active_exists'],
    [{ lastProvidedAt: new Date('2026-02-09T09:00:00Z') }, 'too_frequent'],
    [{ unpaidInvoiceIssuedAt: [new Date('2026-02-07T09:00:00Z')] }, 'unpaid_invoice_overdue'],
    [{ paidTopUpCount: 0 }, 'no_paid_top_up'],
    [{ monthlySpendKopecks: [] }, 'no_spend'],
    [{ amountKopecks: 0 }, 'amount_not_positive'],
    [{ amountKopecks: 7_420_101 }, 'over_limit'],
  ])('%o is refused with %s', (change, reason) => {
    const result = decidePromisedPayment({ ...eligible, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons).toContain(reason);
  });

  it('the day boundaries: 30 days after the last one and an invoice of exactly 30 days are allowed', () => {
    expect(decidePromisedPayment({ ...eligible, lastProvidedAt: new Date('2026-02-08T09:00:00Z') }).ok).toBe(
      true,
    );
    expect(
      decidePromisedPayment({ ...eligible, unpaidInvoiceIssuedAt: [new Date('2026-02-08T09:00:00Z')] }).ok,
    ).toBe(true);
    expect(decidePromisedPayment({ ...eligible, holdState: 'credit_hold' }).ok).toBe(true);
  });
});

describe('B11/F13 FIFO repayment from a top-up', () => {
  const promises = [
    { id: 'b', outstandingKopecks: 3_000, providedAt: new Date('2026-03-05T10:00:00Z') },
    { id: 'a', outstandingKopecks: 2_000, providedAt: new Date('2026-03-01T10:00:00Z') },
  ];

  it('a smaller top-up repays part of the oldest first; the rest is owed', () => {
    expect(repayPromisedPayments(2_500, promises)).toEqual({
      repayments: [
        { id: 'a', repaidKopecks: 2_000, remainderKopecks: 0 },
        { id: 'b', repaidKopecks: 500, remainderKopecks: 2_500 },
      ],
      freeKopecks: 0,
    });
    expect(repayPromisedPayments(10_000, promises).freeKopecks).toBe(5_000);
  });

  it('property: repaid + free = top-up, nothing repaid beyond what is owed, strictly oldest first', () => {
    const promise = fc.record({
      id: fc.uuid(),
      outstandingKopecks: fc.integer({ min: 0, max: 1_000_000 }),
      providedAt: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.array(promise, { maxLength: 5 }),
        (topUp, list) => {
          const { repayments, freeKopecks } = repayPromisedPayments(topUp, list);
          expect(repayments.reduce((s, r) => s + r.repaidKopecks, 0) + freeKopecks).toBe(topUp);
          const owed = list.reduce((s, p) => s + p.outstandingKopecks, 0);
          expect(freeKopecks).toBe(Math.max(0, topUp - owed));
          repayments.forEach((r, i) => {
            if (i < repayments.length - 1) expect(r.remainderKopecks).toBe(0);
            expect(r.repaidKopecks).toBeGreaterThan(0);
          });
        },
      ),
    );
  });
});
