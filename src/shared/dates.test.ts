import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, moscowDayOfYear } from './dates';

describe('dates', () => {
  it('shows Moscow calendar dates as dd.mm.yyyy', () => {
    expect(formatDate('2026-04-13T10:00:00Z')).toBe('13.04.2026');
    // 22:30 UTC on 31 Dec is already 1 Jan in Moscow (UTC+3).
    expect(formatDate('2025-12-31T22:30:00Z')).toBe('01.01.2026');
    expect(formatDateTime('2026-03-17T09:05:00Z')).toBe('17.03.2026, 12:05');
    expect(formatDate(null)).toBe('—');
  });

  it('counts the day of the year on the Moscow calendar (serial numbers, seed 000)', () => {
    expect(moscowDayOfYear('2021-09-23T12:00:00Z')).toBe(266);
    expect(moscowDayOfYear('2024-12-31T12:00:00Z')).toBe(366);
    expect(moscowDayOfYear('2025-12-31T21:00:00Z')).toBe(1);
  });
});
