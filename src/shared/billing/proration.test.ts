import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchoredPeriod, type DayRange, periodDays } from './periods';
import {
  currentCost,
  dayOneCancelDeadline,
  dayOneRefund,
  increaseAmount,
  prorate,
  reduceRefund,
} from './proration';

const SEED_PRICE = 471_096; // 4 710.96 ₽ per month (seed 001)
const month = (from: string, to: string): DayRange => ({ from, to });

describe('B1.2 per-day proration of 500 × 4 710.96 ₽ (F5)', () => {
  it.each([
    [month('2026-02-01', '2026-02-28'), 8_412_429],
    [month('2028-02-01', '2028-02-29'), 8_122_345],
    [month('2026-04-01', '2026-04-30'), 7_851_600],
    [month('2026-03-01', '2026-03-31'), 7_598_323],
  ])('one day of %o', (period, expected) => {
    expect(prorate({ quantity: 500, unitPriceKopecks: SEED_PRICE, days: 1, period })).toBe(expected);
    expect(prorate({ quantity: 500, unitPriceKopecks: SEED_PRICE, days: periodDays(period), period })).toBe(
      235_548_000,
    );
  });

  it('an increase counts the change day and the last day inclusively', () => {
    const period = month('2026-03-01', '2026-03-31');
    expect(
      increaseAmount({ deltaQuantity: 10, unitPriceKopecks: SEED_PRICE, changeDay: '2026-03-31', period }),
    ).toBe(151_966);
    expect(
      increaseAmount({ deltaQuantity: 10, unitPriceKopecks: SEED_PRICE, changeDay: '2026-03-01', period }),
    ).toBe(4_710_960);
    expect(() =>
      increaseAmount({ deltaQuantity: 1, unitPriceKopecks: 1, changeDay: '2026-04-01', period }),
    ).toThrow();
  });

  it('a proration that rounds to 0 is 0, and half a kopeck rounds up', () => {
    expect(
      prorate({ quantity: 1, unitPriceKopecks: 1, days: 1, period: month('2026-03-01', '2026-03-31') }),
    ).toBe(0);
    expect(
      prorate({ quantity: 1, unitPriceKopecks: 1, days: 15, period: month('2026-04-01', '2026-04-30') }),
    ).toBe(1);
  });

  it('a day of an annual period is 1/366 in a leap period, 1/365 otherwise (F3)', () => {
    const leap = anchoredPeriod('2028-01-01', 12, 0);
    const plain = anchoredPeriod('2027-01-01', 12, 0);
    expect(prorate({ quantity: 1, unitPriceKopecks: 3_660_000, days: 1, period: leap })).toBe(10_000);
    expect(prorate({ quantity: 1, unitPriceKopecks: 3_650_000, days: 1, period: plain })).toBe(10_000);
    expect(periodDays(anchoredPeriod('2027-03-01', 12, 0))).toBe(366);
  });

  it('property: monotone in days, exact at the full period, within half a kopeck of the rational', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1500 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 28, max: 31 }),
        fc.integer({ min: 0, max: 27 }),
        (quantity, unitPriceKopecks, length, days) => {
          const period = month('2026-01-01', `2026-01-${length}`);
          const a = prorate({ quantity, unitPriceKopecks, days, period });
          const b = prorate({ quantity, unitPriceKopecks, days: days + 1, period });
          expect(b).toBeGreaterThanOrEqual(a);
          const exact = BigInt(quantity) * BigInt(unitPriceKopecks) * BigInt(days);
          const error = 2n * (exact - BigInt(a) * BigInt(length));
          expect(error <= BigInt(length) && error >= -BigInt(length)).toBe(true);
          expect(prorate({ quantity, unitPriceKopecks, days: length, period })).toBe(
            quantity * unitPriceKopecks,
          );
        },
      ),
    );
  });
});

describe('B2 refund of unused days inside the reduce window', () => {
  const period = month('2026-03-01', '2026-03-31');
  const paid = increaseAmount({
    deltaQuantity: 10,
    unitPriceKopecks: SEED_PRICE,
    changeDay: '2026-03-10',
    period,
  });
  const base = {
    quantity: 10,
    unitPriceKopecks: SEED_PRICE,
    paidKopecks: paid,
    addedOn: '2026-03-10',
    period,
  };

  it('the same day refunds everything; day 7 refunds minus 6 used days; day 8 is refused', () => {
    expect(reduceRefund({ ...base, changeDay: '2026-03-10' })).toEqual({
      ok: true,
      refundKopecks: paid,
      usedKopecks: 0,
    });
    const used = prorate({ quantity: 10, unitPriceKopecks: SEED_PRICE, days: 6, period });
    expect(reduceRefund({ ...base, changeDay: '2026-03-16' })).toEqual({
      ok: true,
      refundKopecks: paid - used,
      usedKopecks: used,
    });
    expect(reduceRefund({ ...base, changeDay: '2026-03-17' })).toEqual({
      ok: false,
      reason: 'window_closed',
    });
    expect(reduceRefund({ ...base, addedOn: '2026-03-28', changeDay: '2026-04-01' })).toEqual({
      ok: false,
      reason: 'other_period',
    });
  });

  it('property: refund + used = paid and 0 ≤ refund ≤ paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1500 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 6 }),
        (q, added, later) => {
          const addedOn = `2026-03-${String(added).padStart(2, '0')}`;
          const charged = increaseAmount({
            deltaQuantity: q,
            unitPriceKopecks: SEED_PRICE,
            changeDay: addedOn,
            period,
          });
          const changeDay = `2026-03-${String(Math.min(31, added + later)).padStart(2, '0')}`;
          const result = reduceRefund({
            quantity: q,
            unitPriceKopecks: SEED_PRICE,
            paidKopecks: charged,
            addedOn,
            changeDay,
            period,
          });
          if (!result.ok) throw new Error(result.reason);
          expect(result.refundKopecks + result.usedKopecks).toBe(charged);
          expect(result.refundKopecks).toBeGreaterThanOrEqual(0);
          expect(result.refundKopecks).toBeLessThanOrEqual(charged);
        },
      ),
    );
  });
});

describe('B7 day-1 cancel until 23:59:59 Moscow time (F1)', () => {
  const activatedAt = new Date('2026-03-10T20:50:00Z'); // 23:50 MSK: nine minutes left
  it('the deadline is the end of the Moscow activation day', () => {
    expect(dayOneCancelDeadline(activatedAt).toISOString()).toBe('2026-03-10T20:59:59.999Z');
    expect(dayOneCancelDeadline(new Date('2026-03-10T21:00:00Z')).toISOString()).toBe(
      '2026-03-11T20:59:59.999Z',
    );
  });

  it('23:59:59.999 MSK refunds 100 % of fixed charges; 00:00:00.000 is refused', () => {
    const charges = [235_548_000, 151_967];
    expect(
      dayOneRefund({ activatedAt, now: new Date('2026-03-10T20:59:59.999Z'), fixedChargesKopecks: charges }),
    ).toEqual({
      ok: true,
      refundKopecks: 235_699_967,
    });
    expect(
      dayOneRefund({ activatedAt, now: new Date('2026-03-10T21:00:00.000Z'), fixedChargesKopecks: charges }),
    ).toEqual({
      ok: false,
      reason: 'deadline_passed',
    });
  });
});

describe('«Текущие расходы» (A2)', () => {
  it('500 × 4 710.96 ₽ = 2 355 480.00 ₽, summed over resources', () => {
    expect(currentCost([{ quantity: 500, unitPriceKopecks: SEED_PRICE }])).toBe(235_548_000);
    expect(
      currentCost([
        { quantity: 500, unitPriceKopecks: SEED_PRICE },
        { quantity: 2, unitPriceKopecks: 17_500 },
      ]),
    ).toBe(235_583_000);
    expect(currentCost([])).toBe(0);
  });
});
