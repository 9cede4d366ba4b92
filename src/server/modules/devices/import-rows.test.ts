import { describe, expect, it } from 'vitest';
import { DeviceRowChecker, type ModelCatalog, parseSubscriptionEnd, readLayout } from './import-rows';
import type { Cell } from './xlsx-stream';

const PAY = '00000000-0000-4000-8000-00000000000a';
const RR = '00000000-0000-4000-8000-00000000000b';
const CATALOG: ModelCatalog = {
  vendors: [
    { id: PAY, name: 'Пэй Киоск', fullName: 'ООО «Пэй Киоск»' },
    { id: RR, name: 'РР-Электро', fullName: 'ООО «РР-Электро»' },
  ],
  models: [
    { id: 'm-netpay', name: 'NETPAY-ФС', vendorId: PAY },
    { id: 'm-rr', name: 'РР-04Ф', vendorId: RR },
    { id: 'm-pay-t', name: 'Терминал', vendorId: PAY },
    { id: 'm-rr-t', name: 'Терминал', vendorId: RR },
  ],
};

const record = (line: number, cells: Cell[]) => ({ line, cells });

function checker(header: Cell[] = ['Серийный номер', 'Модель', 'Вендор', 'Подписка до']) {
  const layout = readLayout(record(1, header));
  if ('message' in layout) throw new Error(layout.message);
  return new DeviceRowChecker(CATALOG, layout);
}

describe('readLayout', () => {
  it('takes columns by their header names in any order, and the default order without a header', () => {
    const named = readLayout(
      record(1, ['Вендор', 'Подписка до', 'серийный  номер', 'МОДЕЛЬ', 'Комментарий']),
    );
    expect(named).toEqual({
      hasHeader: true,
      positions: new Map([
        ['vendor', 0],
        ['subscriptionEnd', 1],
        ['serial', 2],
        ['model', 3],
      ]),
    });
    const plain = readLayout(record(1, ['0124230115000230', 'NETPAY-ФС']));
    expect(plain).toMatchObject({ hasHeader: false });
  });

  it('names the required columns a header lacks', () => {
    expect(readLayout(record(1, ['Вендор', 'Подписка до']))).toEqual({
      row: 1,
      column: null,
      message: 'В заголовке нет столбцов «Серийный номер», «Модель»',
    });
  });
});

describe('parseSubscriptionEnd', () => {
  it('reads dd.mm.yyyy, «До dd.mm.yyyy», ISO, Excel dates and serial day numbers; empty is «no license yet»', () => {
    expect(parseSubscriptionEnd('08.12.2030')).toEqual({ ok: true, value: '2030-12-08' });
    expect(parseSubscriptionEnd('До 8.12.2030')).toEqual({ ok: true, value: '2030-12-08' });
    expect(parseSubscriptionEnd('2031-12-07')).toEqual({ ok: true, value: '2031-12-07' });
    expect(parseSubscriptionEnd(new Date(Date.UTC(2027, 0, 2)))).toEqual({ ok: true, value: '2027-01-02' });
    expect(parseSubscriptionEnd(46023)).toEqual({ ok: true, value: '2026-01-01' });
    expect(parseSubscriptionEnd('')).toEqual({ ok: true, value: null });
    expect(parseSubscriptionEnd(null)).toEqual({ ok: true, value: null });
  });

  it('says what is wrong with a date in Russian', () => {
    expect(parseSubscriptionEnd('31.02.2027')).toEqual({
      ok: false,
      message: 'Даты 31.02.2027 не существует',
    });
    expect(parseSubscriptionEnd('завтра')).toEqual({
      ok: false,
      message: 'Дата «завтра» не распознана: укажите дату как дд.мм.гггг',
    });
    expect(parseSubscriptionEnd('01.01.1999')).toEqual({
      ok: false,
      message: 'Дата 01.01.1999 вне диапазона 2000–2100 годов',
    });
  });
});

describe('DeviceRowChecker', () => {
  it('accepts a good row: serial without spaces, vendor and model in any case and quotes', () => {
    const result = checker().check(
      record(2, ['0124 2301 1500 0230', 'netpay-фс', 'ООО "Пэй Киоск"', '08.12.2030']),
    );
    expect(result).toEqual({
      line: { row: 2, serial: '0124230115000230', modelId: 'm-netpay', subscriptionEnd: '2030-12-08' },
      errors: [],
    });
  });

  it('finds the model without a vendor column when only one vendor has it', () => {
    const c = checker(['Серийный номер', 'Модель']);
    expect(c.check(record(2, ['AB1234', 'РР-04Ф'])).line?.modelId).toBe('m-rr');
    expect(c.check(record(3, ['AB1235', 'Терминал'])).errors).toEqual([
      {
        row: 3,
        column: 'Вендор',
        message: 'Модель «Терминал» есть у нескольких вендоров («Пэй Киоск», «РР-Электро»): укажите вендора',
      },
    ]);
  });

  it('reports every problem of a row with its column, and a serial repeated in the file with the first row', () => {
    const c = checker();
    expect(c.check(record(2, ['0001', 'NETPAY-ФС', 'Пэй Киоск', ''])).errors).toEqual([]);
    expect(c.check(record(3, ['0001', 'X-1', 'Пэй Киоск', '32.01.2027'])).errors).toEqual([
      { row: 3, column: 'Серийный номер', message: 'Серийный номер 0001 уже есть в строке 2' },
      {
        row: 3,
        column: 'Модель',
        message: 'У вендора «Пэй Киоск» нет модели «X-1»: добавьте её в разделе «Вендоры»',
      },
      { row: 3, column: 'Подписка до', message: 'Даты 32.01.2027 не существует' },
    ]);
    expect(c.check(record(4, ['', 'NETPAY-ФС', 'Атол', ''])).errors).toEqual([
      { row: 4, column: 'Серийный номер', message: 'Серийный номер не заполнен' },
      { row: 4, column: 'Вендор', message: 'Вендор «Атол» не найден: заведите его в разделе «Вендоры»' },
    ]);
  });

  it('refuses a serial stored as a number: Excel may have dropped its leading zeros', () => {
    const [error] = checker().check(record(2, [124230115000230, 'NETPAY-ФС', 'Пэй Киоск', null])).errors;
    expect(error?.column).toBe('Серийный номер');
    expect(error?.message).toContain('Excel мог отбросить ведущие нули');
  });

  it('refuses serials with characters a device serial never has', () => {
    expect(checker().check(record(2, ['12№3', 'NETPAY-ФС', '', ''])).errors[0]?.message).toContain(
      'допустимы цифры, латинские буквы',
    );
  });
});
