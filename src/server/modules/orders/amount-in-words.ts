import numberToWordsRu from 'number-to-words-ru';

/**
 * The total in words, as Russian invoices print it under «Всего наименований …»: `Две тысячи рублей 00
 * копеек` (rubles in words, kopecks in digits). Kopecks go in as a decimal string, never as a float.
 */
export function amountInWords(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new RangeError(`not an amount: ${kopecks}`);
  const rubles = Math.floor(kopecks / 100);
  const rest = String(kopecks % 100).padStart(2, '0');
  return numberToWordsRu.convert(`${rubles}.${rest}`, {
    currency: 'rub',
    convertNumberToWords: { integer: true, fractional: false },
  });
}
