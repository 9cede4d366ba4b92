import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, moscowIsoDate } from './dates';
import {
  addMonthsClamped,
  daysInMonth,
  isLongSubscription,
  newLicenseStart,
  newSubscriptionEnd,
} from './subscription';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('addMonthsClamped', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2032-02-29', 48, '2036-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-14', 12, '2027-12-14'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonthsClamped(from, months)).toBe(expected);
  });

  it('keeps the day when the target month has it, else lands on that month’s last day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (from, months) => {
        const result = addMonthsClamped(from, months);
        const [y, m, d] = from.split('-').map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(months);
        expect(rd).toBe(Math.min(d, daysInMonth(ry, rm)));
        expect(result >= from).toBe(true);
      }),
    );
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addMonthsClamped('13.04.2026', 1)).toThrow(RangeError);
  });
});

describe('days', () => {
  it('counts leap years', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('takes the Moscow calendar day of an instant', () => {
    expect(moscowIsoDate(new Date('2025-12-31T21:00:00Z'))).toBe('2026-01-01');
    expect(moscowIsoDate(new Date('2025-12-31T20:59:59Z'))).toBe('2025-12-31');
  });
});

describe('new subscription', () => {
  const today = '2026-04-13';

  it('counts from the current end while it is ahead, from today otherwise (max(current, today) + term)', () => {
    expect(newSubscriptionEnd('2035-12-14', today, 12)).toBe('2036-12-14');
    expect(newSubscriptionEnd(today, today, 12)).toBe('2027-04-13');
    expect(newSubscriptionEnd('2025-01-31', today, 12)).toBe('2027-04-13');
    expect(newSubscriptionEnd(null, today, 12)).toBe('2027-04-13');
    expect(newSubscriptionEnd('2027-01-31', today, 1)).toBe('2027-02-28');
  });

  it('a new license file is valid from the day it is issued, a renewal too', () => {
    expect(newLicenseStart(today)).toBe(today);
  });

  it('never ends before it starts and never before the current end', () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, fc.integer({ min: 1, max: 120 }), (end, now, term) => {
        const from = newLicenseStart(now);
        const until = newSubscriptionEnd(end, now, term);
        expect(from <= until).toBe(true);
        expect(until >= now).toBe(true);
        if (end !== null) expect(until > end).toBe(true);
      }),
    );
  });

  it('warns about a current end more than 180 days ahead', () => {
    expect(isLongSubscription(null, today)).toBe(false);
    expect(isLongSubscription(addCalendarDays(today, 180), today)).toBe(false);
    expect(isLongSubscription(addCalendarDays(today, 181), today)).toBe(true);
    expect(isLongSubscription('2036-12-14', today)).toBe(true);
  });
});
