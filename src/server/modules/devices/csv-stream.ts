import type { Readable } from 'node:stream';
import { TextFileDecoder } from '../../../shared/text-encoding';
import type { CsvRecord } from '../licenses/parse-csv';

/**
 * RFC 4180 CSV read chunk by chunk, with the same rules as `parseCsv` (licenses): `;`, `,` or tab by the
 * first line, quoted fields with delimiters, `""` and line breaks, CRLF or LF, trimmed cells, blank lines
 * skipped, records numbered by the line they start on. A quote or CR at a chunk's end waits for the next
 * chunk, so where the chunks are cut never changes the result (a property test checks it against `parseCsv`).
 */
export class CsvStreamParser {
  private delimiter: string | null = null;
  /** Text held back until the first line is complete and the delimiter known. */
  private head = '';
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  /** A `"` ended the previous chunk inside quotes: `""` (a quote) or the closing quote. */
  private quotePending = false;
  /** A CR ended a record; an LF right after it belongs to the same line break. */
  private skipLf = false;
  private line = 1;
  private recordLine = 1;
  private out: CsvRecord[] = [];
  private started = false;
  private special: RegExp | null = null;

  push(text: string): CsvRecord[] {
    let chunk = text;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      chunk = chunk.replace(/^\uFEFF/, '');
    }
    if (this.delimiter === null) {
      this.head += chunk;
      const found = detectDelimiter(this.head);
      if (!found.complete) return [];
      this.delimiter = found.delimiter;
      chunk = this.head;
      this.head = '';
    }
    this.consume(chunk);
    return this.take();
  }

  end(): CsvRecord[] {
    if (this.delimiter === null) {
      this.delimiter = detectDelimiter(this.head).delimiter;
      this.consume(this.head);
      this.head = '';
    }
    if (this.quotePending) {
      this.quotePending = false;
      this.quoted = false;
    }
    if (this.cell !== '' || this.cells.length > 0) this.endRecord();
    return this.take();
  }

  private take(): CsvRecord[] {
    const records = this.out;
    this.out = [];
    return records;
  }

  private endCell(): void {
    this.cells.push(this.cell.trim());
    this.cell = '';
  }

  private endRecord(): void {
    this.endCell();
    if (this.cells.some((c) => c !== '')) this.out.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
  }

  private consume(text: string): void {
    const delimiter = this.delimiter;
    let i = 0;
    if (this.quotePending && text.length > 0) {
      this.quotePending = false;
      if (text[0] === '"') {
        this.cell += '"';
        i = 1;
      } else this.quoted = false;
    }
    // Runs of ordinary characters are copied with one slice; only the characters that change state are
    // looked at one by one (a 200 000-row register parses several times faster this way).
    const special = this.special ?? new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]`, 'g');
    this.special = special;
    for (; i < text.length; i++) {
      if (!this.quoted && !this.skipLf) {
        special.lastIndex = i;
        const next = special.exec(text);
        const end = next ? next.index : text.length;
        if (end > i) {
          this.cell += text.slice(i, end);
          i = end;
          if (i === text.length) break;
        }
      } else if (this.quoted) {
        const close = text.indexOf('"', i);
        const end = close === -1 ? text.length : close;
        if (end > i) {
          const run = text.slice(i, end);
          for (let at = run.indexOf('\n'); at !== -1; at = run.indexOf('\n', at + 1)) this.line++;
          this.cell += run;
          i = end;
          if (i === text.length) break;
        }
      }
      const char = text[i];
      if (char === '\n' && this.skipLf) {
        this.skipLf = false;
        continue;
      }
      this.skipLf = false;
      if (this.quoted) {
        if (char === '"') {
          if (i + 1 === text.length) this.quotePending = true;
          else if (text[i + 1] === '"') {
            this.cell += '"';
            i++;
          } else this.quoted = false;
        } else {
          if (char === '\n') this.line++;
          this.cell += char;
        }
      } else if (char === '"') this.quoted = true;
      else if (char === delimiter) this.endCell();
      else if (char === '\r' || char === '\n') {
        this.skipLf = char === '\r';
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else this.cell += char;
    }
  }
}

/** The delimiter of the first line (as `parseCsv` picks it) and whether that line is complete yet. */
function detectDelimiter(text: string): { delimiter: string; complete: boolean } {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let complete = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      complete = true;
      break;
    } else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return { delimiter: best && best[1] > 0 ? best[0] : ';', complete };
}

/** How much of the file's start decides its encoding (`sniffTextEncoding`). */
const SAMPLE_BYTES = 64 * 1024;

/**
 * CSV records of a byte stream, decoded (UTF-8, Windows-1251 or UTF-16 with a BOM, by its first 64 KiB) and
 * parsed as they arrive. A file that is not text (NUL, control characters, a broken encoding further on)
 * throws a `TextFileProblem` naming the line: it can never import, so the caller fails it at once.
 */
export async function* readCsvRecords(source: Readable): AsyncGenerator<CsvRecord> {
  const parser = new CsvStreamParser();
  let decoder: TextFileDecoder | null = null;
  let head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (!decoder) {
      head.push(bytes);
      headBytes += bytes.length;
      if (headBytes < SAMPLE_BYTES) continue;
      const sample = Buffer.concat(head);
      head = [];
      decoder = new TextFileDecoder(sample.subarray(0, SAMPLE_BYTES));
      yield* parser.push(decoder.decode(sample));
    } else yield* parser.push(decoder.decode(bytes));
  }
  if (!decoder) {
    const sample = Buffer.concat(head);
    decoder = new TextFileDecoder(sample);
    yield* parser.push(decoder.decode(sample));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}
