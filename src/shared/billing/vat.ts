/**
 * VAT of a plan (SUBSCRIPTIONS.md D4, A1 `vat_mode`, F5): 22 % (from 2026-01-01, 425-ФЗ), 10 %, or exempt (software
 * licenses, пп. 26 п. 2 ст. 149 НК РФ). Prices are gross (VAT included), so VAT is **extracted** per document line at
 * the calculated rate 22/122 or 10/110 (п. 4 ст. 164 НК РФ), rounded once to kopecks half up, and net = gross − VAT,
 * so net + VAT = gross on every line, always.
 */
import type { Kopecks } from '../money';
import { divideRoundHalfUp, toSafeKopecks } from './rounding';

/** D4 VAT modes as stored on a plan (`text('vat_mode', { enum: VAT_MODES })`). */
export const VAT_MODES = ['vat22', 'vat10', 'exempt'] as const;
export type VatMode = (typeof VAT_MODES)[number];

/** The rate in percent of each mode; `null` = «Без НДС». */
export const VAT_RATE_PERCENT: Record<VatMode, number | null> = { vat22: 22, vat10: 10, exempt: null };

/** One line's split: `gross = net + vat`; `vat` is `null` for exempt lines («Без НДС» on the document). */
export type VatSplit = {
  grossKopecks: Kopecks;
  netKopecks: Kopecks;
  vatKopecks: Kopecks | null;
  ratePercent: number | null;
};

/**
 * D4/F5: VAT extracted from a gross line amount: round(gross × rate / (100 + rate)). 2 355 480.00 ₽ at 22 % →
 * VAT 424 758.69 ₽, net 1 930 721.31 ₽. Negative gross (a refund line) mirrors the charge.
 */
export function extractVat(grossKopecks: Kopecks, mode: VatMode): VatSplit {
  if (!Number.isSafeInteger(grossKopecks))
    throw new RangeError(`gross must be whole kopecks: ${grossKopecks}`);
  const rate = VAT_RATE_PERCENT[mode];
  if (rate === null) return { grossKopecks, netKopecks: grossKopecks, vatKopecks: null, ratePercent: null };
  const vat = toSafeKopecks(divideRoundHalfUp(BigInt(grossKopecks) * BigInt(rate), BigInt(100 + rate)));
  return { grossKopecks, netKopecks: grossKopecks - vat, vatKopecks: vat, ratePercent: rate };
}

/**
 * B13/F5: a document's VAT is the sum of the per-line VAT (each line rounded once), not VAT of the total, so the
 * document's lines and its totals agree to the kopeck. Lines of different modes go to different documents (B13).
 */
export function documentVat(lines: readonly { grossKopecks: Kopecks; mode: VatMode }[]): {
  lines: VatSplit[];
  grossKopecks: Kopecks;
  netKopecks: Kopecks;
  vatKopecks: Kopecks;
} {
  const split = lines.map((line) => extractVat(line.grossKopecks, line.mode));
  const sum = (pick: (s: VatSplit) => number) =>
    toSafeKopecks(split.reduce((t, s) => t + BigInt(pick(s)), 0n));
  return {
    lines: split,
    grossKopecks: sum((s) => s.grossKopecks),
    netKopecks: sum((s) => s.netKopecks),
    vatKopecks: sum((s) => s.vatKopecks ?? 0),
  };
}
