import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, sniffTextEncoding, TextFileDecoder, TextFileProblem } from './text-encoding';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
/** Printable text with Cyrillic, tabs and line breaks: what a CSV register holds. */
const tableText = fc.string({
  unit: fc.constantFrom(...'ab;,"\t\r\n0123456789 АБВабвЁё№«»'.split('')),
  maxLength: 300,
});

describe('text files', () => {
  it('tells UTF-8, Windows-1251 and UTF-16 with a BOM apart, and refuses UTF-32 and BOM-less UTF-16', () => {
    expect(sniffTextEncoding(Buffer.from('\uFEFFИНН;x'))).toBe('utf-8');
    expect(sniffTextEncoding(Buffer.from([0xc8, 0xcd, 0xcd, 0x3b]))).toBe('windows-1251');
    expect(sniffTextEncoding(utf16le('ИНН;x'))).toBe('utf-16le');
    expect(sniffTextEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]))).toBe('utf-16be');
    expect(() => sniffTextEncoding(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(/UTF-32/);
    expect(() => sniffTextEncoding(Buffer.from('serial;model\r\n1;2', 'utf16le'))).toThrow(/UTF-16/);
  });

  it('refuses NUL and control characters by line, keeps tab, CR and LF', () => {
    expect(decodeTextFile(Buffer.from('a\tb\r\nc\n'))).toBe('a\tb\r\nc\n');
    expect(() => decodeTextFile(Buffer.from('a\nb\nc\0'))).toThrow(/строке 3 нулевой байт/);
    expect(() => decodeTextFile(Buffer.from('a\u001b'))).toThrow(/U\+001B/);
    // Windows-1251 has no character at 0x98: it decodes to the C1 control U+0098.
    expect(() => decodeTextFile(Buffer.from([0xc0, 0x98]))).toThrow(TextFileProblem);
  });

  it('decodes the same text however the bytes are cut into chunks, in every encoding it reads', () => {
    fc.assert(
      fc.property(
        tableText,
        fc.constantFrom('utf-8', 'utf-16le'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, encoding, cuts) => {
          const bytes = encoding === 'utf-8' ? Buffer.from(`\uFEFF${text}`) : utf16le(text);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const decoder = new TextFileDecoder(bytes);
          let out = '';
          let from = 0;
          for (const to of [...at, bytes.length]) {
            out += decoder.decode(bytes.subarray(from, to));
            from = to;
          }
          expect(out + decoder.decode()).toBe(text);
          expect(decodeTextFile(bytes)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random binary input is refused, never decoded into cells', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 2000 }), (bytes) => {
        // Bytes that happen to be printable text are fine; anything else throws a TextFileProblem only.
        try {
          decodeTextFile(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(TextFileProblem);
        }
      }),
    );
    expect(() => decodeTextFile(Buffer.from(Array.from({ length: 256 }, (_, i) => i)))).toThrow(
      TextFileProblem,
    );
  });
});
