import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../dates';
import { daysInMonth } from '../subscription';
import {
  billingPeriodContaining,
  daysInclusive,
  firstBillingPeriod,
  moscowDayEnd,
  moscowDayStart,
  nextChargeDay,
  periodDays,
  termContaining,
  termEnd,
} from './periods';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('anniversary periods keep the original anchor day (F2)', () => {
  it('31 Jan → 28 Feb → 31 Mar, never drifting to the 28th', () => {
    const at = (d: string) =>
      billingPeriodContaining({ day: d, anchor: 'anniversary', startedOn: '2027-01-31' });
    expect(at('2027-02-15')).toEqual({ from: '2027-01-31', to: '2027-02-27' });
    expect(at('2027-02-28')).toEqual({ from: '2027-02-28', to: '2027-03-30' });
    expect(at('2027-03-31')).toEqual({ from: '2027-03-31', to: '2027-04-29' });
    expect(at('2027-04-30')).toEqual({ from: '2027-04-30', to: '2027-05-30' });
  });

  it('in a leap year February has 29 days and the period starts on 29 Feb (F3)', () => {
    const at = (d: string) =>
      billingPeriodContaining({ day: d, anchor: 'anniversary', startedOn: '2028-01-31' });
    expect(at('2028-02-28')).toEqual({ from: '2028-01-31', to: '2028-02-28' });
    expect(at('2028-02-29')).toEqual({ from: '2028-02-29', to: '2028-03-30' });
    expect(periodDays(at('2028-02-29'))).toBe(31);
  });

  it('property: consecutive periods tile the days and start on min(anchor day, month length)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (startedOn, offset) => {
        const d = addCalendarDays(startedOn, offset);
        const period = billingPeriodContaining({ day: d, anchor: 'anniversary', startedOn });
        expect(period.from <= d && d <= period.to).toBe(true);
        const next = billingPeriodContaining({
          day: addCalendarDays(period.to, 1),
          anchor: 'anniversary',
          startedOn,
        });
        expect(next.from).toBe(addCalendarDays(period.to, 1));
        const [y = 0, m = 0] = period.from.split('-').map(Number);
        expect(Number(period.from.slice(8))).toBe(Math.min(Number(startedOn.slice(8)), daysInMonth(y, m)));
        expect(periodDays(period)).toBeGreaterThanOrEqual(28);
        expect(periodDays(period)).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe('calendar periods and the first partial period (F4)', () => {
  it('the calendar month of the day; the first period runs from the start to the month end', () => {
    expect(
      billingPeriodContaining({ day: '2028-02-10', anchor: 'calendar', startedOn: '2027-05-05' }),
    ).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    const first = firstBillingPeriod({ startedOn: '2026-04-20', anchor: 'calendar' });
    expect(first).toMatchObject({ from: '2026-04-20', to: '2026-04-30', isPartial: true });
    expect(periodDays(first)).toBe(11);
    expect(periodDays(first.fullPeriod)).toBe(30);
    expect(firstBillingPeriod({ startedOn: '2026-04-01', anchor: 'calendar' }).isPartial).toBe(false);
    expect(firstBillingPeriod({ startedOn: '2026-04-20', anchor: 'anniversary' })).toMatchObject({
      from: '2026-04-20',
      to: '2026-05-19',
      isPartial: false,
    });
  });

  it('the next charge day is the day after the period ends', () => {
    expect(nextChargeDay({ day: '2026-12-15', anchor: 'calendar', startedOn: '2026-01-01' })).toBe(
      '2027-01-01',
    );
    expect(nextChargeDay({ day: '2027-02-01', anchor: 'anniversary', startedOn: '2027-01-31' })).toBe(
      '2027-02-28',
    );
  });

  it('refuses a day before the anniversary start', () => {
    expect(() =>
      billingPeriodContaining({ day: '2026-01-01', anchor: 'anniversary', startedOn: '2026-02-01' }),
    ).toThrow(RangeError);
  });
});

describe('terms (A1, F9)', () => {
  it.each([
    ['2023-03-01', 'P1Y', '2024-02-29'],
    ['2028-02-29', 'P1Y', '2029-02-27'],
    ['2027-01-31', 'P1M', '2027-02-27'],
    ['2026-01-31', 'P3Y', '2029-01-30'],
    ['2026-12-01', 'P1M', '2026-12-31'],
  ] as const)('%s + %s ends on %s', (start, term, end) => {
    expect(termEnd(start, term)).toBe(end);
  });

  it('a term ending 29 Feb 2028 renews to 28 Feb 2029; renewals keep the anchor', () => {
    expect(termContaining({ startedOn: '2027-03-01', term: 'P1Y', day: '2028-06-01' })).toEqual({
      from: '2028-03-01',
      to: '2029-02-28',
      index: 1,
    });
    expect(termContaining({ startedOn: '2027-01-31', term: 'P1M', day: '2027-03-31' })).toMatchObject({
      from: '2027-03-31',
      to: '2027-04-29',
    });
  });

  it('counts days inclusively, leap years included', () => {
    expect(daysInclusive('2026-02-01', '2026-02-28')).toBe(28);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
    expect(daysInclusive('2026-03-10', '2026-03-10')).toBe(1);
    expect(daysInclusive('2026-03-10', '2026-03-09')).toBe(0);
  });
});

describe('Moscow day boundaries (F1)', () => {
  it('a Moscow day runs from 21:00 UTC the day before to 20:59:59.999 UTC', () => {
    expect(moscowDayStart('2026-03-10').toISOString()).toBe('2026-03-09T21:00:00.000Z');
    expect(moscowDayEnd('2026-03-10').toISOString()).toBe('2026-03-10T20:59:59.999Z');
    expect(moscowDayEnd('2028-02-29').toISOString()).toBe('2028-02-29T20:59:59.999Z');
  });
});
