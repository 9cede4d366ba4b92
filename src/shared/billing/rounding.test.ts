import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  debitWithCarry,
  divideRoundHalfUp,
  EMPTY_MONTH_RATING,
  formatPrecise,
  MICRO_PER_KOPECK,
  microToKopecks,
  parsePrecise,
  rateDay,
  rateUsage,
} from './rounding';

const micro = fc.bigInt({ min: 0n, max: 10n ** 15n });
const precise = micro.map(formatPrecise);

describe('divideRoundHalfUp (B9: half up, away from zero)', () => {
  it.each([
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [-5n, 10n, -1n],
    [-4n, 10n, 0n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [235548000n, 31n, 7598323n],
  ])('%s / %s → %s', (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  it('is within half a unit of the exact quotient and symmetric', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const q = divideRoundHalfUp(n, d);
          const error = 2n * (n - q * d);
          expect(error <= d && error >= -d).toBe(true);
          expect(divideRoundHalfUp(-n, d)).toBe(-q);
        },
      ),
    );
  });
});

describe('precise amounts (≥ 6 decimals of a kopeck)', () => {
  it('formats and parses micro-kopecks both ways', () => {
    expect(formatPrecise(1n)).toBe('0.000001');
    expect(formatPrecise(-1500000n)).toBe('-1.500000');
    expect(parsePrecise('12.5')).toBe(12500000n);
    expect(() => parsePrecise('0.0000001')).toThrow(RangeError);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        (m) => parsePrecise(formatPrecise(m)) === m,
      ),
    );
  });

  it('rateUsage multiplies exactly and rounds only the 7th decimal on', () => {
    expect(rateUsage('500', 471096)).toBe('235548000.000000');
    expect(rateUsage('3', '0.333333')).toBe('0.999999');
    expect(rateUsage('0.0000001', 1)).toBe('0.000000');
    expect(rateUsage('0.0000005', 1)).toBe('0.000001');
    expect(rateUsage('12.3456789012', 100)).toBe('1234.567890');
    expect(microToKopecks(parsePrecise('0.5'))).toBe(1);
    expect(microToKopecks(parsePrecise('0.499999'))).toBe(0);
  });
});

describe('debitWithCarry (B9 carry rule)', () => {
  it('debits a third of a kopeck a day as 0, 1, 0, 0, 1, 0 …', () => {
    expect(debitWithCarry(Array(6).fill('0.333334'))).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('property: Σ daily kopecks = the single rounding of the month total', () => {
    fc.assert(
      fc.property(fc.array(precise, { maxLength: 31 }), (days) => {
        const total = days.reduce((s, d) => s + parsePrecise(d), 0n);
        const debits = debitWithCarry(days);
        expect(debits.reduce((s, d) => s + d, 0)).toBe(microToKopecks(total));
        for (const debit of debits) expect(debit).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('rateDay (B9 recompute-and-diff, F15)', () => {
  it('a restated past day books only the difference; the same revision again books 0', () => {
    let month = EMPTY_MONTH_RATING;
    const first = rateDay(month, '2026-03-01', '1000.400000');
    month = first.month;
    expect(first.bookKopecks).toBe(1000);
    const second = rateDay(month, '2026-03-02', '500.300000');
    month = second.month;
    expect(second.bookKopecks).toBe(501);
    const restated = rateDay(month, '2026-03-01', '900.000000');
    expect(restated.diffPrecise).toBe('-100.400000');
    expect(restated.bookKopecks).toBe(-101);
    expect(rateDay(restated.month, '2026-03-01', '900.000000').bookKopecks).toBe(0);
  });

  it('property: any restatement sequence ends at the total of rating the final figures once', () => {
    const dayKey = fc.integer({ min: 1, max: 31 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(dayKey, precise), { maxLength: 60 }), (revisions) => {
        let month = EMPTY_MONTH_RATING;
        let booked = 0;
        const final = new Map<string, string>();
        for (const [day, amount] of revisions) {
          const result = rateDay(month, day, amount);
          month = result.month;
          booked += result.bookKopecks;
          final.set(day, amount);
        }
        const once = [...final.values()].reduce((s, a) => s + parsePrecise(a), 0n);
        expect(booked).toBe(microToKopecks(once));
        expect(month.debitedKopecks).toBe(booked);
      }),
    );
  });

  it('one kopeck is a million micro-kopecks', () => {
    expect(MICRO_PER_KOPECK).toBe(1_000_000n);
  });
});
