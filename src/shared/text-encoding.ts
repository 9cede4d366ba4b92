/**
 * Text files people upload (a CSV register of licenses or devices): which encoding the bytes are in, and
 * whether they are text at all. Excel in a Russian locale saves CSV as Windows-1251 or UTF-8 (with a BOM),
 * and «Юникод-текст» as UTF-16 LE with a BOM; anything holding NUL or other control characters is not a
 * table but a binary file (an .xls, a .docx, a picture) and is refused with what to do, before a single
 * cell reaches the database (PostgreSQL text cannot hold U+0000 at all).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** The bytes are not a text file we can read; the message says why and what to do, for people. */
export class TextFileProblem extends Error {
  override name = 'TextFileProblem';
}

const RESAVE = 'Сохраните таблицу как CSV в кодировке UTF-8 или Windows-1251 (или как книгу Excel .xlsx)';

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII has a NUL in every other byte, all at odd
 * offsets (little-endian) or all at even ones (big-endian). Binary files have NULs too, but not so regularly.
 */
function looksLikeBomlessUtf16(sample: Uint8Array): boolean {
  const pairs = Math.floor(sample.length / 2);
  // A few bytes say nothing about a pattern; a short file with NUL is refused as binary instead.
  if (pairs < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const [many, few] = odd >= even ? [odd, even] : [even, odd];
  return many >= pairs * 0.3 && few <= pairs * 0.02;
}

/**
 * The encoding of a text file from its first bytes (pass the first 64 KiB). A BOM decides; UTF-16 with a
 * BOM is read (Excel's «Юникод-текст» writes exactly that). UTF-32 and BOM-less UTF-16 are refused rather
 * than guessed: without the mark the byte order is a guess, and a wrong guess turns every cell into garbage.
 * Otherwise bytes that decode as UTF-8 are UTF-8, the rest Windows-1251.
 */
export function sniffTextEncoding(sample: Uint8Array): TextEncodingName {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(sample, [0xff, 0xfe, 0, 0]) || startsWith(sample, [0, 0, 0xfe, 0xff]))
    throw new TextFileProblem(`Файл в кодировке UTF-32. ${RESAVE}`);
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  if (looksLikeBomlessUtf16(sample))
    throw new TextFileProblem(`Файл в кодировке UTF-16 без метки порядка байтов (BOM). ${RESAVE}`);
  try {
    // `stream: true` lets a multi-byte character cut at the sample's end pass.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** C0 controls but tab, LF and CR; DEL; C1 controls (Windows-1251's unused 0x98 decodes to U+0098). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/;

/** A control character in `text` as a problem naming its line (`firstLine` is the line `text` starts on). */
export function controlCharacterProblem(text: string, firstLine = 1): TextFileProblem | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  let line = firstLine;
  for (let at = text.indexOf('\n'); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
  const code = match[0].charCodeAt(0);
  const what =
    code === 0
      ? 'нулевой байт (NUL)'
      : `управляющий символ U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return new TextFileProblem(
    `Файл не похож на CSV: в строке ${line} ${what} — так выглядит двоичный файл, а не таблица. ${RESAVE}`,
  );
}

/** Throws the problem of `text` (see `controlCharacterProblem`), if it has one. */
export function assertPlainText(text: string): void {
  const problem = controlCharacterProblem(text);
  if (problem) throw problem;
}

/**
 * Decodes a text file chunk by chunk in the encoding its first chunk shows, refusing what is not text:
 * the first control character, or bytes that break the encoding later in the file (a file glued from two
 * encodings). The BOM is dropped. Where the chunks are cut never changes the result.
 */
export class TextFileDecoder {
  private decoder: TextDecoder | null = null;
  private encoding: TextEncodingName | null = null;
  private line = 1;

  /** `sample`: the file's first bytes (up to 64 KiB) when they are at hand; else the first chunk is used. */
  constructor(sample?: Uint8Array) {
    if (sample && sample.length > 0) this.start(sample);
  }

  private start(sample: Uint8Array): TextDecoder {
    this.encoding = sniffTextEncoding(sample);
    // Windows-1251 maps every byte, so it cannot be fatal; the others refuse broken sequences.
    this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding !== 'windows-1251' });
    return this.decoder;
  }

  /** The text of the next chunk; `chunk` undefined ends the file (flushes a character cut at the end). */
  decode(chunk?: Uint8Array): string {
    if (!this.decoder && !chunk) return '';
    const decoder = this.decoder ?? this.start(chunk ?? new Uint8Array());
    let text: string;
    try {
      text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new TextFileProblem(
        `Файл не в одной кодировке: около строки ${this.line} байты не читаются как ${this.encoding?.toUpperCase()}. ${RESAVE}`,
      );
    }
    const problem = controlCharacterProblem(text, this.line);
    if (problem) throw problem;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.line++;
    return text;
  }
}

/** The whole text of a small file (a license register), or the reason it is not text. */
export function decodeTextFile(bytes: Uint8Array): string {
  const decoder = new TextFileDecoder(bytes.subarray(0, 64 * 1024));
  return decoder.decode(bytes) + decoder.decode();
}
