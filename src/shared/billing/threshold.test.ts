import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../dates';
import { availableFunds, cutoffThreshold, fundsLastUntil, thresholdOutcome } from './threshold';

describe('D1 «Порог отключения»', () => {
  it('available funds = balance + promised + allowed negative; the threshold defaults to the next charge', () => {
    expect(
      availableFunds({
        balanceKopecks: 842_664,
        activePromisedKopecks: 100_000,
        allowedNegativeKopecks: 50_000,
      }),
    ).toBe(992_664);
    expect(() =>
      availableFunds({ balanceKopecks: 0, activePromisedKopecks: 0, allowedNegativeKopecks: -1 }),
    ).toThrow();
    expect(cutoffThreshold({ nextPeriodChargeKopecks: 235_548_000 })).toBe(235_548_000);
    expect(cutoffThreshold({ nextPeriodChargeKopecks: 235_548_000, staffThresholdKopecks: 0 })).toBe(0);
  });

  it('below the threshold: commitment → payment_overdue, other → credit_hold; paid periods are never stopped', () => {
    const below = { availableKopecks: 99, thresholdKopecks: 100 };
    expect(thresholdOutcome({ ...below, isCommitment: true })).toBe('payment_overdue');
    expect(thresholdOutcome({ ...below, isCommitment: false })).toBe('credit_hold');
    expect(thresholdOutcome({ ...below, isCommitment: false, paidThroughPeriod: true })).toBe('ok');
    expect(thresholdOutcome({ availableKopecks: 100, thresholdKopecks: 100, isCommitment: false })).toBe(
      'ok',
    );
  });
});

describe('«средств хватит до …» (D1, B10)', () => {
  it('lasts until the day before the first charge it cannot pay; same-day charges are paid together', () => {
    const charges = [
      { day: '2026-04-01', amountKopecks: 500 },
      { day: '2026-05-01', amountKopecks: 300 },
      { day: '2026-05-01', amountKopecks: 300 },
      { day: '2026-03-01', amountKopecks: 10_000 },
    ];
    expect(fundsLastUntil({ availableKopecks: 1_000, today: '2026-03-15', charges })).toEqual({
      kind: 'until',
      lastCoveredDay: '2026-04-30',
      firstUncovered: { day: '2026-05-01', amountKopecks: 600 },
    });
    expect(fundsLastUntil({ availableKopecks: 1_100, today: '2026-03-15', charges })).toEqual({
      kind: 'covered',
    });
    expect(fundsLastUntil({ availableKopecks: -1, today: '2026-03-15', charges })).toMatchObject({
      lastCoveredDay: '2026-03-31',
    });
  });

  it('property: every day before the answer is paid, the answer day is not', () => {
    const charge = fc.record({
      day: fc.integer({ min: 0, max: 90 }).map((n) => addCalendarDays('2026-03-01', n)),
      amountKopecks: fc.integer({ min: 1, max: 10_000 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(charge, { maxLength: 40 }),
        (available, charges) => {
          const result = fundsLastUntil({ availableKopecks: available, today: '2026-03-01', charges });
          const total = (pred: (day: string) => boolean) =>
            charges.filter((c) => pred(c.day)).reduce((s, c) => s + c.amountKopecks, 0);
          if (result.kind === 'covered') expect(total(() => true)).toBeLessThanOrEqual(available);
          else {
            expect(total((d) => d <= result.lastCoveredDay)).toBeLessThanOrEqual(available);
            expect(total((d) => d <= result.firstUncovered.day)).toBeGreaterThan(available);
          }
        },
      ),
    );
  });
});
