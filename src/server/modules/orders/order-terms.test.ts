import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words';
import {
  contractLabel,
  dueDateFor,
  formatInvoiceNumber,
  formatLongDate,
  groupOrderLines,
  vatIncluded,
} from './order-terms';
import { formatAmount } from './pdf';

describe('VAT included in an amount', () => {
  it('is 0 for an exempt line (пп. 26 п. 2 ст. 149 НК РФ) whatever the amount', () => {
    expect(vatIncluded(200_000, 'exempt', null)).toBe(0);
    expect(vatIncluded(200_000, 'exempt', 20)).toBe(0);
    expect(vatIncluded(200_000, 'rate', 0)).toBe(0);
  });

  it('is amount × r / (100 + r), rounded half up to the kopeck', () => {
    expect(vatIncluded(120_000, 'rate', 20)).toBe(20_000); // 1 200 ₽ incl. 200 ₽
    expect(vatIncluded(200_000, 'rate', 20)).toBe(33_333); // 333,333… → 333,33
    expect(vatIncluded(100, 'rate', 20)).toBe(17); // 16,67 kopecks → 17
    expect(vatIncluded(110_000, 'rate', 10)).toBe(10_000);
    expect(vatIncluded(105_000, 'rate', 5)).toBe(5_000);
    expect(vatIncluded(7, 'rate', 20)).toBe(1); // 1,1(6) → 1
  });

  it('never exceeds the amount, and the net plus VAT is the amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 1, max: 100 }), (amount, rate) => {
        const vat = vatIncluded(amount, 'rate', rate);
        expect(vat).toBeGreaterThanOrEqual(0);
        expect(vat).toBeLessThanOrEqual(amount);
        // Within half a kopeck of the exact share.
        expect(Math.abs(vat * (100 + rate) - amount * rate)).toBeLessThanOrEqual((100 + rate) / 2);
      }),
    );
  });
});

describe('order lines', () => {
  const pay = { licenseTypeId: 'lt-pay', licenseTypeName: 'Лицензия Пэй Киоск', vatMode: 'exempt' as const };
  const rr = { licenseTypeId: 'lt-rr', licenseTypeName: 'Лицензия РР', vatMode: 'rate' as const };

  it('groups items by license type and price, in the order they came, VAT per line', () => {
    const lines = groupOrderLines([
      { ...pay, priceKopecks: 200_000, vatRatePercent: null },
      { ...rr, priceKopecks: 180_000, vatRatePercent: 20 },
      { ...pay, priceKopecks: 200_000, vatRatePercent: null },
      { ...pay, priceKopecks: 150_000, vatRatePercent: null },
      { ...rr, priceKopecks: 180_000, vatRatePercent: 20 },
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        licenseTypeId: 'lt-pay',
        priceKopecks: 200_000,
        quantity: 2,
        amountKopecks: 400_000,
        vatKopecks: 0,
      }),
      expect.objectContaining({
        lineNo: 2,
        licenseTypeId: 'lt-rr',
        quantity: 2,
        amountKopecks: 360_000,
        vatKopecks: 60_000,
        vatRatePercent: 20,
      }),
      expect.objectContaining({
        lineNo: 3,
        licenseTypeId: 'lt-pay',
        priceKopecks: 150_000,
        quantity: 1,
        amountKopecks: 150_000,
      }),
    ]);
  });

  it('keeps every item: quantities add up to the item count and amounts to the sum of prices (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom('a', 'b', 'c'),
            price: fc.constantFrom(100_000, 180_000, 200_000),
          }),
          {
            minLength: 1,
            maxLength: 50,
          },
        ),
        (items) => {
          const lines = groupOrderLines(
            items.map((i) => ({
              licenseTypeId: i.type,
              licenseTypeName: i.type,
              priceKopecks: i.price,
              vatMode: 'exempt',
              vatRatePercent: null,
            })),
          );
          expect(lines.reduce((s, l) => s + l.quantity, 0)).toBe(items.length);
          expect(lines.reduce((s, l) => s + l.amountKopecks, 0)).toBe(items.reduce((s, i) => s + i.price, 0));
          expect(lines.map((l) => l.lineNo)).toEqual(lines.map((_, i) => i + 1));
        },
      ),
    );
  });
});

describe('due dates', () => {
  it('prepayment: 3 days after the order date', () => {
    expect(dueDateFor('2026-03-17', 'prepayment', null)).toBe('2026-03-20');
    expect(dueDateFor('2026-12-30', 'prepayment', null)).toBe('2027-01-02');
  });
  it('postpayment: N calendar days after the order date', () => {
    expect(dueDateFor('2026-03-17', 'postpayment', 5)).toBe('2026-03-22');
    expect(dueDateFor('2028-02-25', 'postpayment', 5)).toBe('2028-03-01');
    expect(dueDateFor('2026-01-31', 'postpayment', 30)).toBe('2026-03-02');
  });
});

describe('numbers and labels people read', () => {
  it('invoice number: the licensor prefix and the number of the year', () => {
    expect(formatInvoiceNumber('ПГ-', 118)).toBe('ПГ-118');
    expect(formatInvoiceNumber('', 7)).toBe('7');
  });
  it('contract as the order page shows it (seed 002, 2.7)', () => {
    expect(
      contractLabel({ paymentMode: 'prepayment', postpaymentDays: null, contractDate: '2025-12-15' }),
    ).toBe('Сублицензионный договор (Предоплата 100%) от 15.12.2025');
    expect(
      contractLabel({ paymentMode: 'postpayment', postpaymentDays: 5, contractDate: '2026-01-09' }),
    ).toBe('Сублицензионный договор (Постоплата 5 дней) от 09.01.2026');
  });
  it('invoice date in words', () => {
    expect(formatLongDate('2026-03-17')).toBe('17 марта 2026 г.');
    expect(formatLongDate('2026-01-05')).toBe('5 января 2026 г.');
  });
  it('document amounts always show kopecks', () => {
    expect(formatAmount(200_000)).toBe('2\u00a0000,00');
    expect(formatAmount(35_460_050)).toBe('354\u00a0600,50');
    expect(formatAmount(7)).toBe('0,07');
  });
});

describe('amount in words', () => {
  it('rubles in words, kopecks in digits, as invoices print it', () => {
    expect(amountInWords(200_000)).toBe('Две тысячи рублей 00 копеек');
    expect(amountInWords(35_460_050)).toBe('Триста пятьдесят четыре тысячи шестьсот рублей 50 копеек');
    expect(amountInWords(101)).toBe('Один рубль 01 копейка');
    expect(amountInWords(2_000_000_00)).toBe('Два миллиона рублей 00 копеек');
    expect(amountInWords(0)).toBe('Ноль рублей 00 копеек');
  });
  it('refuses what is not an amount of kopecks', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
