import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentVat, extractVat, VAT_MODES } from './vat';

describe('VAT extracted per line (D4, F5)', () => {
  it('22 %, 10 % and exempt on the seed line of 2 355 480.00 ₽', () => {
    expect(extractVat(235_548_000, 'vat22')).toEqual({
      grossKopecks: 235_548_000,
      netKopecks: 193_072_131,
      vatKopecks: 42_475_869,
      ratePercent: 22,
    });
    expect(extractVat(235_548_000, 'vat10')).toMatchObject({
      vatKopecks: 21_413_455,
      netKopecks: 214_134_545,
    });
    expect(extractVat(235_548_000, 'exempt')).toEqual({
      grossKopecks: 235_548_000,
      netKopecks: 235_548_000,
      vatKopecks: null,
      ratePercent: null,
    });
    expect(extractVat(1, 'vat22').vatKopecks).toBe(0);
    expect(extractVat(-12_200, 'vat22').vatKopecks).toBe(-2_200);
  });

  it('property: net + VAT = gross on every line and in the document', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            grossKopecks: fc.integer({ min: -1e12, max: 1e12 }),
            mode: fc.constantFrom(...VAT_MODES),
          }),
          {
            maxLength: 30,
          },
        ),
        (lines) => {
          const document = documentVat(lines);
          for (const line of document.lines)
            expect(line.netKopecks + (line.vatKopecks ?? 0)).toBe(line.grossKopecks);
          expect(document.netKopecks + document.vatKopecks).toBe(document.grossKopecks);
          expect(document.vatKopecks).toBe(document.lines.reduce((s, l) => s + (l.vatKopecks ?? 0), 0));
        },
      ),
    );
  });
});
