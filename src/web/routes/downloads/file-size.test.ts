import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFileSize, shortHash } from './file-size';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatFileSize', () => {
  it('shows bytes, КБ, МБ and ГБ in Russian with a decimal comma', () => {
    expect(formatFileSize(0, 'ru')).toBe('0 Б');
    expect(formatFileSize(512 * 1024, 'ru')).toBe('512 КБ');
    expect(formatFileSize(1024 * 1024 + 123, 'ru')).toBe('1 МБ');
    expect(formatFileSize(12.5 * 1024 * 1024, 'ru')).toBe('12,5 МБ');
    expect(formatFileSize(4_690_000_000, 'ru')).toBe('4,37 ГБ');
    expect(formatFileSize(4_690_000_000, 'en')).toBe('4.37 GB');
  });

  it('always gives a number under 1024 and a unit', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 50), (bytes) => {
        const text = nbsp(formatFileSize(bytes, 'ru'));
        const at = text.lastIndexOf(' ');
        const number = Number(text.slice(0, at).replace(/ /g, '').replace(',', '.'));
        expect(number).toBeLessThanOrEqual(1024);
        expect(['Б', 'КБ', 'МБ', 'ГБ', 'ТБ']).toContain(text.slice(at + 1));
      }),
    );
  });
});

it('shortHash keeps the start and the end', () => {
  expect(shortHash(`${'a'.repeat(8)}${'b'.repeat(52)}cdef`)).toBe('aaaaaaaa…cdef');
});
