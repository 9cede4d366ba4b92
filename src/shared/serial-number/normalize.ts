/**
 * Normalisation of a pasted or typed serial number (seed 000, «Расшифровка серийного номера»).
 *
 * Decision — what is repaired silently, because it cannot change the meaning:
 * 1. Unicode NFKC: full-width forms (`２１－ＡＯ`) become ASCII.
 * 2. All whitespace is removed (spaces, tabs, line breaks, NBSP, thin/narrow spaces, U+3000) and so are
 *    invisible format characters (soft hyphen, zero-width space/joiners, word joiner, BOM): spaces around
 *    dashes and serials broken across lines are accepted.
 * 3. Typographic dashes ‐ ‑ ‒ – — ― − ﹘ ﹣ － become `-`; runs of dashes collapse to one; dashes at the ends
 *    are dropped.
 * 4. Upper case, then Cyrillic look-alikes typed in a Russian layout become Latin:
 *    А→A В→B Е→E К→K М→M Н→H О→O Р→P С→C Т→T Х→X У→Y (lower-case forms too, via step 4's upper-casing).
 * 5. Dashes are optional: the 22 significant characters (2+2+11+3+4) may come without dashes, or with dashes at
 *    some group boundaries only; the codec then cuts the groups by their fixed widths.
 *
 * What is NOT guessed — rejected with a message naming the part and the value:
 * - letter O (Latin or Cyrillic) where digits are expected (YY, ZZ, DDD, NNNN) is not read as zero;
 * - any other letter or symbol (`#`, `.`, quotes, Cyrillic letters without a Latin twin), wrong group lengths,
 *   a dash inside a group, strings longer than {@link MAX_SERIAL_INPUT} characters.
 * The codec never throws on string input; every problem becomes a `SerialError`.
 */

/** Longer input is refused before any processing (no serial is near this long). */
export const MAX_SERIAL_INPUT = 200;

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
};

const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]/gu;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/gu;
const LOOK_ALIKES = /[АВЕКМНОРСТХУ]/gu;

/** Applies steps 1–4 above; the result may still be invalid. Never throws. */
export function normalizeSerialText(input: string): string {
  return String(input)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .toUpperCase()
    .replace(LOOK_ALIKES, (c) => CYRILLIC_TO_LATIN[c] ?? c);
}

/**
 * Cuts normalised text into groups of the given fixed widths. Accepts the canonical dashed form, no dashes at
 * all, or dashes at some of the boundaries. Returns `null` when the text cannot be cut unambiguously (then the
 * caller reports a format error); groups of the wrong length are returned as they are when all dashes are
 * present, so each can be reported.
 */
export function splitGroups(text: string, widths: ReadonlyArray<number>): string[] | null {
  const groups = text.split('-');
  if (groups.length === widths.length) return groups;
  const total = widths.reduce((sum, w) => sum + w, 0);
  const compact = groups.join('');
  if (compact.length !== total || groups.length > widths.length) return null;
  const boundaries = new Set<number>();
  let at = 0;
  for (const w of widths) {
    at += w;
    boundaries.add(at);
  }
  let position = 0;
  for (const group of groups) {
    position += group.length;
    if (!boundaries.has(position)) return null;
  }
  const result: string[] = [];
  let start = 0;
  for (const w of widths) {
    result.push(compact.slice(start, start + w));
    start += w;
  }
  return result;
}
