import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleCode,
  describeSerial,
  encodeSerial,
  parseArticle,
  parseSerial,
  SEED_CODE_TABLES,
  SERIAL_TABLE_KEYS,
  SERIAL_TABLES,
  type SerialCodeTables,
  type SerialParts,
  serialDateOf,
} from './index';

const SEED = '21-AO-19619913021-266-3388';
const SEED_PARTS: SerialParts = {
  year: 2021,
  product: 'AO',
  version: '1',
  subscriptionType: '9',
  agreement: '6',
  licenseType: '1',
  period: '99',
  deliveryForm: '1',
  support: '30',
  articleYear: 2021,
  dayOfYear: 266,
  sequence: 3388,
};

function codes(key: keyof SerialCodeTables): string[] {
  return SEED_CODE_TABLES[key].map((e) => e.code);
}

/** Every valid parts object the seed tables allow. */
const validParts: fc.Arbitrary<SerialParts> = fc
  .record({
    year: fc.integer({ min: 2000, max: 2099 }),
    product: fc.constantFrom(...codes('product')),
    version: fc.constantFrom(...codes('version')),
    subscriptionType: fc.constantFrom(...codes('subscriptionType')),
    agreement: fc.constantFrom(...codes('agreement')),
    licenseType: fc.constantFrom(...codes('licenseType')),
    period: fc.constantFrom(...codes('period')),
    deliveryForm: fc.constantFrom(...codes('deliveryForm')),
    support: fc.constantFrom(...codes('support')),
    articleYear: fc.integer({ min: 2000, max: 2099 }),
    dayOfYear: fc.integer({ min: 1, max: 366 }),
    sequence: fc.integer({ min: 0, max: 9999 }),
  })
  .map((p) => (p.dayOfYear === 366 && p.year % 4 !== 0 ? { ...p, dayOfYear: 365 } : p));

describe('seed tables (seed 000, Приложение 1)', () => {
  it('holds the 8 tables with well-formed, unique codes of the table width', () => {
    expect(SERIAL_TABLE_KEYS.map((k) => SERIAL_TABLES[k].entries.length)).toEqual([
      12, 8, 5, 16, 3, 7, 10, 6,
    ]);
    for (const key of SERIAL_TABLE_KEYS) {
      const table = SERIAL_TABLES[key];
      expect(table.title).toMatch(new RegExp(`^Таблица ${table.number} `));
      for (const { code } of table.entries) expect(code).toMatch(new RegExp(`^[A-Z0-9]{${table.width}}$`));
      expect(new Set(codes(key)).size).toBe(table.entries.length);
    }
    expect(codes('version')).toEqual(expect.arrayContaining(['F', 'S']));
    expect(codes('subscriptionType')).toContain('U');
    expect(SERIAL_TABLES.deliveryForm.entries.map((e) => e.name)).toEqual([
      'ОЕМ',
      'ESD',
      'ОЛП',
      'OV',
      'Услуга',
    ]);
    expect(SERIAL_TABLES.deliveryForm.entries[0]?.name).toMatch(/^[\u0400-\u04ff]+$/);
  });
});

describe('seed example 21-AO-19619913021-266-3388', () => {
  it('decodes exactly', () => {
    expect(parseSerial(SEED)).toEqual({ ok: true, serial: SEED, parts: SEED_PARTS });
  });

  it('reads in words', () => {
    const d = describeSerial(SEED_PARTS);
    expect(d).toMatchObject({ serial: SEED, article: 'AO-19619913021', generatedOn: '23.09.2021' });
    expect(Object.fromEntries(d.items.map((i) => [i.label, i.meaning]))).toEqual({
      'Год генерации': '2021',
      Продукт: 'AlterOffice',
      Версия: 'Стандартная',
      'Тип подписки': 'Не подписка',
      Соглашение: 'Бессрочная лицензия',
      'Тип лицензии': 'Государственная',
      Период: 'Бессрочная',
      'Форма поставки': 'ESD',
      Техподдержка: 'Базовая',
      'Год добавления позиции': '2021',
      'День генерации': '23.09.2021',
      'Порядковый номер за день': '3388',
    });
    expect(d.items.map((i) => i.code).join('')).toBe(SEED.replace(/-/g, ''));
  });

  it('encodes back, and the article round-trips', () => {
    expect(encodeSerial(SEED_PARTS)).toBe(SEED);
    expect(articleCode(SEED_PARTS)).toBe('AO-19619913021');
    const article = parseArticle('ао19619913021');
    expect(article.ok && article.article).toBe('AO-19619913021');
  });

  it('takes YY and DDD from the Moscow calendar', () => {
    expect(serialDateOf('2021-09-22T21:30:00Z')).toEqual({ year: 2021, dayOfYear: 266 });
    expect(serialDateOf('2024-12-31T20:59:59Z')).toEqual({ year: 2024, dayOfYear: 366 });
  });
});

describe('round trips', () => {
  it('decode(encode(x)) = x', () => {
    fc.assert(
      fc.property(validParts, (parts) => {
        expect(parseSerial(encodeSerial(parts))).toEqual({ ok: true, serial: encodeSerial(parts), parts });
      }),
    );
  });

  it('encode(decode(s)) = s for canonical serials', () => {
    fc.assert(
      fc.property(validParts.map(encodeSerial), (serial) => {
        const result = parseSerial(serial);
        expect(result.ok && encodeSerial(result.parts)).toBe(serial);
      }),
    );
  });
});

const TO_CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
};
Object.assign(TO_CYRILLIC, { C: 'С', T: 'Т', X: 'Х', Y: 'У' });

describe('normalisation of pasted input', () => {
  it.each([
    ['lower case', '21-ao-19619913021-266-3388'],
    ['Cyrillic А and О', '21-АО-19619913021-266-3388'],
    ['Cyrillic lower case', '21-ао-19619913021-266-3388'],
    ['spaces around dashes, NBSP, tabs', ' 21 - AO\u00a0-\u00a019619913021\t-266 -  3388 \n'],
    ['no dashes', '21AO196199130212663388'],
    ['some dashes', '21AO19619913021-266-3388'],
    ['em and en dashes', '21—AO–19619913021‑266−3388'],
    ['full-width', '２１－ＡＯ－１９６１９９１３０２１－２６６－３３８８'],
    ['doubled dashes', '21--AO-19619913021-266-3388-'],
  ])('accepts %s', (_name, input) => {
    expect(parseSerial(input)).toEqual({ ok: true, serial: SEED, parts: SEED_PARTS });
  });

  it('maps Cyrillic С, Е, Т to Latin in codes', () => {
    const tables = {
      ...SEED_CODE_TABLES,
      product: [...SEED_CODE_TABLES.product, { code: 'TE', name: 'Тест' }],
    };
    const result = parseSerial('21-ТЕ-19619913021-266-3388', tables);
    expect(result.ok && result.parts.product).toBe('TE');
    expect(parseSerial('21-ас-19619913021-266-3388')).toMatchObject({ ok: true, parts: { product: 'AC' } });
  });

  it('accepts any presentation of any valid serial', () => {
    const style = fc.record({
      lower: fc.boolean(),
      cyrillic: fc.boolean(),
      dash: fc.constantFrom('-', '–', '—', ' - ', '', '\u00a0-\u00a0', '‑', '−', '--'),
    });
    fc.assert(
      fc.property(validParts, style, (parts, { lower, cyrillic, dash }) => {
        const serial = encodeSerial(parts);
        let text = serial.split('-').join(dash);
        if (cyrillic) text = text.replace(/[A-Z]/g, (c) => TO_CYRILLIC[c] ?? c);
        if (lower) text = text.toLowerCase();
        expect(parseSerial(`  ${text} `)).toEqual({ ok: true, serial, parts });
      }),
    );
  });
});
