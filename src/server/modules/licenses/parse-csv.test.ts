import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import { readImportRows } from './read-import-rows';

describe('parseCsv', () => {
  it('reads what Excel writes in a Russian locale: BOM, «;», CRLF, quoted cells', () => {
    const text = '\uFEFFИНН;Серийный номер\r\n"7701234560";"21-AO-19619913021-266-3388"\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['ИНН', 'Серийный номер'] },
      { line: 2, cells: ['7701234560', '21-AO-19619913021-266-3388'] },
    ]);
  });

  it('takes «,» or a tab when the first line has them; quotes hold delimiters, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c"\n1,2').map((r) => r.cells)).toEqual([
      ['a', 'b,c'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\tb').map((r) => r.cells)).toEqual([['a', 'b']]);
    const records = parseCsv('x;"say ""hi""\nthere"\n\n  \ny;z');
    expect(records).toEqual([
      { line: 1, cells: ['x', 'say "hi"\nthere'] },
      { line: 5, cells: ['y', 'z'] },
    ]);
  });

  it('round-trips any cells written with RFC 4180 quoting', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.trim());
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const nonBlank = rows.filter((r) => r.some((c) => c !== ''));
          const text = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(';')).join('\r\n');
          expect(parseCsv(text).map((r) => r.cells)).toEqual(nonBlank);
        },
      ),
    );
  });
});

describe('readImportRows', () => {
  it('maps a header in any order and language; without a header the columns go in the default order', () => {
    const withHeader = readImportRows(parseCsv('Quantity;ИНН;serial\n5;7701234560;S'));
    expect(withHeader.rows).toEqual([
      { row: 2, inn: '7701234560', serial: 'S', article: '', quantity: '5', activated: '' },
    ]);
    const plain = readImportRows(parseCsv('7701234560;S;A;5;1'));
    expect(plain.rows[0]).toMatchObject({ row: 1, article: 'A', activated: '1' });
  });

  it('names missing columns and empty files', () => {
    expect(readImportRows(parseCsv('ИНН;Активировано\n1;2')).errors[0]?.message).toContain(
      '«Серийный номер»',
    );
    expect(readImportRows([]).errors[0]?.message).toContain('пуст');
    expect(readImportRows(parseCsv('ИНН;Серийный номер;Количество')).errors[0]?.message).toContain(
      'нет строк',
    );
  });
});
