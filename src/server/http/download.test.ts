import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  cleanContentType,
  cleanFileName,
  decideRange,
  entityTag,
  noneMatch,
  rangeStillValid,
} from './download';

describe('decideRange (RFC 9110, 14)', () => {
  it('reads first-last, first- and -suffix ranges', () => {
    expect(decideRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(decideRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(decideRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('BYTES = 10 - 20', 1000)).toEqual({ kind: 'partial', start: 10, end: 20 });
  });

  it('clamps a last byte past the end and a suffix longer than the file', () => {
    expect(decideRange('bytes=900-5000', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('a start past the end or an empty suffix is unsatisfiable', () => {
    expect(decideRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=1000-1001', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: no header, other units, several ranges, nonsense', () => {
    for (const header of [
      undefined,
      'items=0-1',
      'bytes=0-1,5-6',
      'bytes=5-2',
      'bytes=-',
      'bytes=a-b',
      'bytes 0-1',
    ])
      expect(decideRange(header, 1000), String(header)).toEqual({ kind: 'full' });
  });

  it('every partial answer lies inside the file and is not empty', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.option(fc.nat(20_000_000), { nil: undefined }),
        fc.option(fc.nat(20_000_000), { nil: undefined }),
        (size, first, last) => {
          const header = `bytes=${first ?? ''}-${last ?? ''}`;
          const decision = decideRange(header, size);
          if (decision.kind !== 'partial') return;
          expect(decision.start).toBeGreaterThanOrEqual(0);
          expect(decision.end).toBeLessThan(size);
          expect(decision.start).toBeLessThanOrEqual(decision.end);
          if (first !== undefined) expect(decision.start).toBe(first);
          if (first === undefined && last !== undefined)
            expect(decision.end - decision.start + 1).toBe(Math.min(last, size));
        },
      ),
    );
  });
});

describe('entity tags', () => {
  const etag = entityTag('ab'.repeat(32));

  it('If-None-Match matches *, the tag, a weak copy of it, or one of a list', () => {
    expect(noneMatch('*', etag)).toBe(true);
    expect(noneMatch(etag, etag)).toBe(true);
    expect(noneMatch(`W/${etag}`, etag)).toBe(true);
    expect(noneMatch(`"other", ${etag}`, etag)).toBe(true);
    expect(noneMatch('"other"', etag)).toBe(false);
    expect(noneMatch(undefined, etag)).toBe(false);
  });

  it('If-Range keeps the range only for the same strong tag', () => {
    expect(rangeStillValid(undefined, etag)).toBe(true);
    expect(rangeStillValid(etag, etag)).toBe(true);
    expect(rangeStillValid(`W/${etag}`, etag)).toBe(false);
    expect(rangeStillValid('Wed, 21 Oct 2015 07:28:00 GMT', etag)).toBe(false);
  });
});

describe('attachmentDisposition (RFC 6266, RFC 5987)', () => {
  it('keeps a Cyrillic name in filename* and gives old clients an ASCII fallback', () => {
    expect(attachmentDisposition('Руководство администратора.md')).toBe(
      `attachment; filename="${'_'.repeat(11)} ${'_'.repeat(14)}.md"; filename*=UTF-8''%D0%A0%D1%83%D0%BA%D0%BE%D0%B2%D0%BE%D0%B4%D1%81%D1%82%D0%B2%D0%BE%20%D0%B0%D0%B4%D0%BC%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D1%80%D0%B0%D1%82%D0%BE%D1%80%D0%B0.md`,
    );
  });

  it('never lets quotes, backslashes or line breaks into the header, and filename* decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (name) => {
        const header = attachmentDisposition(name);
        expect(header).not.toMatch(/[\r\n]/);
        const fallback = /filename="([^"]*)"/.exec(header)?.[1];
        expect(fallback).toBeDefined();
        expect(fallback).not.toMatch(/[\\"]/);
        const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
        expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
        expect(decodeURIComponent(encoded)).toBe(name);
      }),
    );
  });
});

describe('upload names and types', () => {
  it('keeps the last path segment only, without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\Анна\\Образ 2.5.iso')).toBe('Образ 2.5.iso');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
    const long = `${'я'.repeat(300)}.tar.gz`;
    expect(cleanFileName(long)).toHaveLength(200);
    expect(cleanFileName(long).endsWith('.gz')).toBe(true);
  });

  it('accepts a plain type/subtype, anything else is octet-stream', () => {
    expect(cleanContentType('text/markdown; charset=utf-8')).toBe('text/markdown');
    expect(cleanContentType('application/x-iso9660-image')).toBe('application/x-iso9660-image');
    expect(cleanContentType('')).toBe('application/octet-stream');
    expect(cleanContentType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
  });
});
