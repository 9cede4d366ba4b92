import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from './money';

describe('money', () => {
  it('formats kopecks the way the seeds show amounts', () => {
    expect(formatMoney(200_000)).toBe('2\u00a0000\u00a0₽');
    expect(formatMoney(35_460_000)).toBe('354\u00a0600\u00a0₽');
    expect(formatMoney(200_050)).toBe('2\u00a0000,50\u00a0₽');
    expect(formatMoney(0)).toBe('0\u00a0₽');
    expect(formatMoney(-150)).toBe('−1,50\u00a0₽');
    expect(formatMoney(123_456_789n, { currency: false })).toBe('1\u00a0234\u00a0567,89');
  });

  it('parses what people type', () => {
    expect(parseMoney('2 000')).toBe(200_000);
    expect(parseMoney('2000,5')).toBe(200_050);
    expect(parseMoney('2 000.50 ₽')).toBe(200_050);
    expect(parseMoney('12,345')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (kopecks) => parseMoney(formatMoney(kopecks).replace('−', '-')) === kopecks,
      ),
    );
  });
});
