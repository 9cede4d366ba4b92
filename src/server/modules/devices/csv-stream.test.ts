import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffTextEncoding as sniffEncoding } from '../../../shared/text-encoding';
import { parseCsv } from '../licenses/parse-csv';
import { CsvStreamParser, readCsvRecords } from './csv-stream';

/** Feeds `text` cut at `cuts` (sorted offsets) and collects every record. */
function parseInChunks(text: string, cuts: number[]) {
  const parser = new CsvStreamParser();
  const records = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...parser.push(text.slice(at, cut)));
    at = cut;
  }
  records.push(...parser.end());
  return records;
}

async function collect(source: Readable) {
  const out = [];
  for await (const record of readCsvRecords(source)) out.push(record);
  return out;
}

describe('CsvStreamParser', () => {
  it('gives what parseCsv gives however the text is cut into chunks', () => {
    // Text made of the characters that matter to the state machine, so quotes, CR/LF and delimiters meet
    // chunk boundaries in every combination.
    const piece = fc.constantFrom(
      'a',
      'б',
      '1',
      ' ',
      ';',
      ',',
      '\t',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      '\uFEFF',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.nat(), { maxLength: 8 }),
        (text, rawCuts) => {
          const cuts = [...new Set(rawCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          expect(parseInChunks(text, cuts)).toEqual(parseCsv(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps a quote that closes one chunk and a CRLF split across chunks', () => {
    expect(parseInChunks('a;"x""', [5])).toEqual(parseCsv('a;"x""'));
    expect(parseInChunks('"say ""hi"""\r\nb', [6, 12, 13])).toEqual([
      { line: 1, cells: ['say "hi"'] },
      { line: 2, cells: ['b'] },
    ]);
  });
});

describe('readCsvRecords', () => {
  it('reads UTF-8 with a BOM and Windows-1251 (what Russian Excel saves) alike', async () => {
    const text = 'Серийный номер;Модель;Вендор\r\n0124230115000230;NETPAY-ФС;Пэй Киоск\r\n';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const cp1251 = Buffer.from(encode1251(text));
    const expected = [
      { line: 1, cells: ['Серийный номер', 'Модель', 'Вендор'] },
      { line: 2, cells: ['0124230115000230', 'NETPAY-ФС', 'Пэй Киоск'] },
    ];
    expect(sniffEncoding(utf8)).toBe('utf-8');
    expect(sniffEncoding(cp1251)).toBe('windows-1251');
    expect(
      await collect(Readable.from([utf8.subarray(0, 5), utf8.subarray(5, 40), utf8.subarray(40)])),
    ).toEqual(expected);
    expect(await collect(Readable.from([cp1251]))).toEqual(expected);
  });

  it('keeps a multi-byte letter cut between two chunks', async () => {
    const bytes = Buffer.from('модель;x\n');
    expect(await collect(Readable.from([bytes.subarray(0, 1), bytes.subarray(1)]))).toEqual([
      { line: 1, cells: ['модель', 'x'] },
    ]);
  });
});

/** Windows-1251 for Cyrillic А–я, Ё/ё and ASCII: enough for the test's text. */
function encode1251(text: string): number[] {
  return Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x401) return 0xa8;
    if (code === 0x451) return 0xb8;
    throw new Error(`no cp1251 byte for ${char}`);
  });
}
