import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleCode,
  encodeSerial,
  type ParseResult,
  parseArticle,
  parseSerial,
  SEED_CODE_TABLES,
  SerialCodecError,
  type SerialCodeTables,
  type SerialParts,
  validateForIssue,
  validateTableCode,
} from './index';

const SEED = '21-AO-19619913021-266-3388';
const SEED_PARTS = (parseSerial(SEED) as Extract<ParseResult, { ok: true }>).parts;

function errorsOf(input: string, tables?: SerialCodeTables) {
  const result = parseSerial(input, tables);
  if (result.ok) throw new Error(`expected errors, got ${result.serial}`);
  return result.errors.map(({ part, code, message }) => ({ part, code, message }));
}

describe('each part reports its own error', () => {
  it.each([
    [
      '21-ZZ-19619913021-266-3388',
      'product',
      'SERIAL_UNKNOWN_PRODUCT',
      'Неизвестный код продукта «ZZ» (таблица 1)',
    ],
    ['21-AO-09619913021-266-3388', 'version', 'SERIAL_UNKNOWN_VERSION', 'код версии «0» (таблица 2)'],
    ['21-AO-10619913021-266-3388', 'subscriptionType', 'SERIAL_UNKNOWN_SUBSCRIPTION_TYPE', '(таблица 7)'],
    ['21-AO-19019913021-266-3388', 'agreement', 'SERIAL_UNKNOWN_AGREEMENT', 'код соглашения «0» (таблица 6)'],
    ['21-AO-19659913021-266-3388', 'licenseType', 'SERIAL_UNKNOWN_LICENSE_TYPE', '«5» (таблица 5)'],
    ['21-AO-19611313021-266-3388', 'period', 'SERIAL_UNKNOWN_PERIOD', 'код периода «13» (таблица 8)'],
    ['21-AO-19619993021-266-3388', 'deliveryForm', 'SERIAL_UNKNOWN_DELIVERY_FORM', '«9» (таблица 3)'],
    ['21-AO-19619913321-266-3388', 'support', 'SERIAL_UNKNOWN_SUPPORT', 'код техподдержки «33» (таблица 4)'],
    ['2O-AO-19619913021-266-3388', 'year', 'SERIAL_LETTER_IN_DIGITS', 'найдена буква «O»'],
    [
      '21-AO-196199130O1-266-3388',
      'articleYear',
      'SERIAL_LETTER_IN_DIGITS',
      'Год добавления позиции (ZZ) «O1»',
    ],
    ['21-AO-19619913021-2б6-3388', 'dayOfYear', 'SERIAL_BAD_CHARACTERS', '«Б» (U+0411)'],
    ['21-AO-19619913021-266-33B8', 'sequence', 'SERIAL_LETTER_IN_DIGITS', 'Порядковый номер за день (NNNN)'],
    [
      '21-AO-19619913021-000-3388',
      'dayOfYear',
      'SERIAL_BAD_DAY',
      'День 0 невозможен: дни года нумеруются с 001',
    ],
    [
      '21-AO-19619913021-367-3388',
      'dayOfYear',
      'SERIAL_BAD_DAY',
      'День 367 невозможен: в году не более 366 дней',
    ],
    [
      '21-AO-19619913021-366-3388',
      'dayOfYear',
      'SERIAL_BAD_DAY',
      'День 366 невозможен: 2021 — невисокосный год',
    ],
    [
      '21-AO-19619913021-266-338',
      'sequence',
      'SERIAL_BAD_LENGTH',
      'должен содержать 4 цифры, а содержит 3 символа',
    ],
    ['21-AO-1961991302-266-3388', 'article', 'SERIAL_BAD_LENGTH', 'Артикул'],
    ['21-AOO-19619913021-266-3388', 'product', 'SERIAL_BAD_LENGTH', 'Код продукта (AA)'],
    ['21-AO-19619913021-266', 'format', 'SERIAL_BAD_FORMAT', 'введено знаков: 18, групп: 4'],
    ['21-AO-1961991-3021-266-3388', 'format', 'SERIAL_BAD_FORMAT', 'YY-AA-BCDEFFGHHZZ-DDD-NNNN'],
    ['21AO19619913021266338', 'format', 'SERIAL_BAD_FORMAT', 'введено знаков: 21'],
    [' \u00a0 ', 'format', 'SERIAL_EMPTY', 'Введите серийный номер'],
  ])('%s → %s', (input, part, code, text) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ part, code });
    expect(errors[0]?.message).toContain(text);
  });

  it('refuses input longer than 200 characters before any work', () => {
    expect(errorsOf('1'.repeat(500))).toEqual([expect.objectContaining({ code: 'SERIAL_BAD_LENGTH' })]);
  });

  it('accepts day 366 in a leap year', () => {
    expect(parseSerial('24-AO-19619913021-366-0000')).toMatchObject({ ok: true, parts: { dayOfYear: 366 } });
  });

  it('reports every error, not only the first', () => {
    const errors = errorsOf('2O-ZZ-X961991O0Q1-367-33#8');
    expect(errors.map((e) => e.part)).toEqual([
      'year',
      'product',
      'version',
      'support',
      'articleYear',
      'dayOfYear',
      'sequence',
    ]);
    expect(errors.find((e) => e.part === 'support')?.message).toContain('перепутаны буква O и цифра 0');
  });

  it('reports characters that cannot be read even when the structure cannot be cut', () => {
    const errors = errorsOf('21-AO-19619913021-266-3388.');
    expect(errors.map((e) => e.code)).toEqual(['SERIAL_BAD_LENGTH', 'SERIAL_BAD_CHARACTERS']);
    expect(errors[1]?.message).toContain('«.» (U+002E)');
    expect(errorsOf('серийный №21').map((e) => e.code)).toEqual([
      'SERIAL_BAD_FORMAT',
      'SERIAL_BAD_CHARACTERS',
    ]);
  });
});

describe('never throws', () => {
  const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
  const serialish = fc.constantFrom(...'0123456789AOZSFUаоОС-–— \u00a0#.'.split(''));
  it.each([
    ['printable ASCII', fc.string()],
    ['full Unicode', fc.string({ unit: 'binary' })],
    ['graphemes', fc.string({ unit: 'grapheme' })],
    ['UTF-16 code units incl. lone surrogates', fc.string({ unit: anyCodeUnit })],
    ['serial-like characters', fc.string({ unit: serialish, minLength: 18, maxLength: 30 })],
  ])('on %s, and what it accepts is stable', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = parseSerial(input);
        if (result.ok) expect(parseSerial(result.serial)).toEqual(result);
        else expect(result.errors.length).toBeGreaterThan(0);
        parseArticle(input);
      }),
      { numRuns: 300 },
    );
  });

  it('on single-character changes of a valid serial', () => {
    fc.assert(
      fc.property(
        fc.nat(SEED.length - 1),
        fc.string({ minLength: 0, maxLength: 2, unit: 'binary' }),
        (i, s) => {
          const result = parseSerial(SEED.slice(0, i) + s + SEED.slice(i + 1));
          if (!result.ok) for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('retired codes', () => {
  const tables: SerialCodeTables = {
    ...SEED_CODE_TABLES,
    product: SEED_CODE_TABLES.product.map((e) => (e.code === 'AO' ? { ...e, retired: true } : e)),
  };

  it('still decode: issued serials stay valid', () => {
    expect(parseSerial(SEED, tables)).toMatchObject({ ok: true, serial: SEED });
    expect(encodeSerial(SEED_PARTS, tables)).toBe(SEED);
  });

  it('are refused for new serials and articles', () => {
    expect(validateForIssue(SEED_PARTS, tables)).toEqual([
      expect.objectContaining({ code: 'SERIAL_RETIRED_CODE' }),
    ]);
    expect(() => encodeSerial(SEED_PARTS, tables, { forIssue: true })).toThrow(SerialCodecError);
    expect(() => articleCode(SEED_PARTS, tables, { forIssue: true })).toThrow(/выведен из употребления/);
    expect(validateForIssue(SEED_PARTS)).toEqual([]);
  });
});

describe('encodeSerial checks parts', () => {
  it('throws a typed error listing every bad part', () => {
    const bad = { ...SEED_PARTS, year: 1999, product: 'ao', dayOfYear: 366, sequence: 10000 } as SerialParts;
    try {
      encodeSerial(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SerialCodecError);
      const codes = (error as SerialCodecError).errors.map((e) => e.code);
      expect(codes).toEqual(['SERIAL_BAD_YEAR', 'SERIAL_UNKNOWN_PRODUCT', 'SERIAL_BAD_SEQUENCE']);
    }
    expect(() => encodeSerial({ ...SEED_PARTS, dayOfYear: 366 })).toThrow('2021 — невисокосный год');
    expect(() => encodeSerial(null as unknown as SerialParts)).toThrow(SerialCodecError);
  });

  it('checks codes the operator adds', () => {
    expect(validateTableCode('product', 'AX')).toEqual([]);
    expect(validateTableCode('product', 'AO').map((e) => e.code)).toEqual(['SERIAL_DUPLICATE_CODE']);
    expect(validateTableCode('version', 'ab').map((e) => e.code)).toEqual([
      'SERIAL_BAD_CHARACTERS',
      'SERIAL_BAD_LENGTH',
    ]);
  });
});
