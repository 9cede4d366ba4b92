/**
 * Money is integer kopecks, RUB (ARCHITECTURE.md, "Money"). One formatter for server documents and the web.
 * Kopecks travel as `number` in JSON (safe up to 2^53 kopecks ≈ 90 trillion ₽) and as `bigint` in the database.
 */
export type Kopecks = number;

const NBSP = '\u00a0';

function groupThousands(rubles: string): string {
  return rubles.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** `200000` → `2 000 ₽`; kopecks are shown only when present: `2 000,50 ₽`. */
export function formatMoney(kopecks: Kopecks | bigint, options: { currency?: boolean } = {}): string {
  const value = BigInt(kopecks);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rubles = groupThousands((abs / 100n).toString());
  const rest = abs % 100n;
  const body = rest === 0n ? rubles : `${rubles},${rest.toString().padStart(2, '0')}`;
  const sign = negative ? '−' : '';
  return options.currency === false ? `${sign}${body}` : `${sign}${body}${NBSP}₽`;
}

/** Parses what a person types (`2 000`, `2000,5`, `2000.50 ₽`) into kopecks; `null` when it is not an amount. */
export function parseMoney(input: string): Kopecks | null {
  const cleaned = input.replace(/[\s\u00a0₽]|руб\.?/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  const kopecks = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(kopecks)) return null;
  return cleaned.startsWith('-') ? -kopecks : kopecks;
}
