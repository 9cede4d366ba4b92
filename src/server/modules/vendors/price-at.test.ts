import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, moscowIsoDate } from '../../../shared/dates';
import { earliestNewPriceDay } from './license-prices';
import { pickPrice, priceState } from './price-at';

const rows = [
  { id: 'a', validFrom: '2026-01-01' },
  { id: 'b', validFrom: '2026-05-01' },
  { id: 'c', validFrom: '2026-09-15' },
];

describe('the Moscow calendar day of an instant', () => {
  it('turns at 00:00 Moscow time (21:00 UTC the day before), not at UTC midnight', () => {
    expect(moscowIsoDate(new Date('2026-04-30T20:59:59.999Z'))).toBe('2026-04-30');
    expect(moscowIsoDate(new Date('2026-04-30T21:00:00.000Z'))).toBe('2026-05-01');
    expect(moscowIsoDate(new Date('2026-05-01T00:30:00.000Z'))).toBe('2026-05-01');
    expect(moscowIsoDate(new Date('2025-12-31T21:00:00.000Z'))).toBe('2026-01-01');
  });

  it('adds calendar days across month, year and leap-day ends', () => {
    expect(addCalendarDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
  });
});

describe('priceAt boundaries', () => {
  it('a price applies from 00:00 Moscow of its day until the next price starts', () => {
    const at = (instant: string) => pickPrice(rows, moscowIsoDate(new Date(instant)))?.id ?? null;
    expect(at('2025-12-31T20:59:59Z')).toBeNull();
    expect(at('2025-12-31T21:00:00Z')).toBe('a');
    expect(at('2026-04-30T20:59:59Z')).toBe('a');
    expect(at('2026-04-30T21:00:00Z')).toBe('b');
    expect(at('2026-09-14T21:00:00Z')).toBe('c');
    expect(at('2030-01-01T00:00:00Z')).toBe('c');
  });

  it('picks the latest row not after the day, whatever the order of the rows', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addCalendarDays('2024-01-01', n));
    fc.assert(
      fc.property(fc.uniqueArray(day, { maxLength: 12 }), day, (days, today) => {
        const list = days.map((validFrom, i) => ({ id: String(i), validFrom }));
        const eligible = days.filter((d) => d <= today).sort();
        expect(pickPrice(list, today)?.validFrom ?? null).toBe(eligible.at(-1) ?? null);
      }),
    );
  });

  it('tells past, current and future rows apart', () => {
    expect(rows.map((r) => priceState(rows, r, '2026-05-01'))).toEqual(['past', 'current', 'future']);
    expect(rows.map((r) => priceState(rows, r, '2025-06-01'))).toEqual(['future', 'future', 'future']);
  });
});

describe('no retroactive prices', () => {
  it('a new price starts tomorrow once a price is in effect, today before any price took effect', () => {
    expect(earliestNewPriceDay([], '2026-05-01')).toBe('2026-05-01');
    expect(earliestNewPriceDay(['2026-06-01'], '2026-05-01')).toBe('2026-05-01');
    expect(earliestNewPriceDay(['2026-05-01'], '2026-05-01')).toBe('2026-05-02');
    expect(earliestNewPriceDay(['2026-01-01', '2026-06-01'], '2026-05-01')).toBe('2026-05-02');
  });
});
