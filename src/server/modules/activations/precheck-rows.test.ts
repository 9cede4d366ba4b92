import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegistryDevice } from '../devices/device-lookup';
import {
  type CandidateLicenseType,
  evaluateSerials,
  isValidEntry,
  licenseTypesByModel,
  type PrecheckFacts,
  splitByVendor,
} from './precheck-rows';

const PAY = '00000000-0000-4000-8000-00000000000a';
const RR = '00000000-0000-4000-8000-00000000000b';
const NETPAY = '00000000-0000-4000-8000-0000000000a1';
const RR04 = '00000000-0000-4000-8000-0000000000b1';
const ORPHAN = '00000000-0000-4000-8000-0000000000c1';

function device(serial: string, overrides: Partial<RegistryDevice> = {}): RegistryDevice {
  return {
    id: `00000000-0000-4000-8000-${serial.padStart(12, '0').slice(-12)}`,
    serial,
    modelId: NETPAY,
    modelName: 'NETPAY-ФС',
    vendorId: PAY,
    vendorName: 'Пэй Киоск',
    installMethod: 'automatic',
    subscriptionEnd: null,
    ...overrides,
  };
}

const payType: CandidateLicenseType = {
  id: '00000000-0000-4000-8000-0000000000d1',
  name: 'Лицензия, Пэй Киоск',
  vendorId: PAY,
  termMonths: 12,
  vatMode: 'exempt',
  vatRatePercent: null,
  modelIds: [NETPAY],
  price: { partnerPriceKopecks: 200_000, retailPriceKopecks: 250_000 },
};
const rrType: CandidateLicenseType = {
  ...payType,
  id: '00000000-0000-4000-8000-0000000000d2',
  name: 'Лицензия, РР-Электро',
  vendorId: RR,
  modelIds: [RR04],
  price: null,
};

function facts(overrides: Partial<PrecheckFacts> = {}): PrecheckFacts {
  const list = [
    device('0239110138900130', { subscriptionEnd: '2030-12-08' }),
    device('0085430138900121', { subscriptionEnd: '2036-12-14' }),
    device('1111222233334444', {
      modelId: RR04,
      modelName: 'РР-04Ф',
      vendorId: RR,
      vendorName: 'РР-Электро',
    }),
    device('5555666677778888', { modelId: ORPHAN, modelName: 'Без лицензии' }),
    device('9999000011112222'),
  ];
  return {
    today: '2026-04-13',
    devices: new Map(list.map((d) => [d.serial, d])),
    licenseTypes: [payType, rrType],
    pending: new Map(),
    vendorIds: null,
    ...overrides,
  };
}

const codes = (inputs: string[], f = facts()) =>
  evaluateSerials(inputs, f).map((e) => e.row.error?.code ?? 'OK');

describe('evaluateSerials', () => {
  it('answers a row per input in order, normalized, with the seed’s columns', () => {
    const [row] = evaluateSerials([' 0239 1101 3890 0130 '], facts()).map((e) => e.row);
    expect(row).toMatchObject({
      input: ' 0239 1101 3890 0130 ',
      serial: '0239110138900130',
      error: null,
      model: 'NETPAY-ФС',
      vendorName: 'Пэй Киоск',
      licenseTypeName: 'Лицензия, Пэй Киоск',
      currentEnd: '2030-12-08',
      newEnd: '2031-12-08',
      priceKopecks: 200_000,
      retailPriceKopecks: 250_000,
      longSubscription: true,
    });
  });

  it('names every error kind', () => {
    const pending = new Map([[device('9999000011112222').id, 287]]);
    const rows = evaluateSerials(
      [
        '0239110138900130',
        'плохой!',
        '0124230115000230',
        '0239110138900130',
        '1111222233334444',
        '5555666677778888',
        '9999000011112222',
      ],
      facts({ pending }),
    ).map((e) => e.row);
    expect(rows.map((r) => r.error?.code ?? 'OK')).toEqual([
      'OK',
      'INVALID_FORMAT',
      'NOT_FOUND',
      'DUPLICATE',
      'NO_PRICE',
      'NO_LICENSE_TYPE',
      'IN_PROGRESS',
    ]);
    expect(rows[2]?.error?.message).toBe('Серийный номер не найден');
    expect(rows[6]?.error?.message).toContain('№ 287');
    // Another organization's activation is not named.
    const foreign = evaluateSerials(
      ['9999000011112222'],
      facts({ pending: new Map([[device('9999000011112222').id, null]]) }),
    ).map((e) => e.row);
    expect(foreign[0]?.error).toEqual({
      code: 'IN_PROGRESS',
      message: 'Устройство уже в другой активации, которая выполняется',
    });
    // A row with an error still shows what is known about the device.
    expect(rows[4]).toMatchObject({ model: 'РР-04Ф', vendorName: 'РР-Электро', priceKopecks: null });
  });

  it('refuses vendors the organization may not activate', () => {
    expect(codes(['0239110138900130', '1111222233334444'], facts({ vendorIds: [RR] }))).toEqual([
      'VENDOR_NOT_ALLOWED',
      'NO_PRICE',
    ]);
    expect(codes(['0239110138900130'], facts({ vendorIds: [] }))).toEqual(['VENDOR_NOT_ALLOWED']);
  });

  it('counts the term from today when the subscription has run out', () => {
    const f = facts({
      devices: new Map([['0239110138900130', device('0239110138900130', { subscriptionEnd: '2025-01-31' })]]),
    });
    const [entry] = evaluateSerials(['0239110138900130'], f);
    expect(entry?.row).toMatchObject({ newEnd: '2027-04-13', longSubscription: false });
  });

  it('flags only the second and later repeats of a serial, whatever its spelling', () => {
    expect(codes(['0239110138900130', '0239 1101 3890 0130', '0239110138900130'])).toEqual([
      'OK',
      'DUPLICATE',
      'DUPLICATE',
    ]);
  });
});

describe('licenseTypesByModel', () => {
  it('prefers a type with a price, then the name', () => {
    const unpriced = { ...payType, id: 'x', name: 'А без цены', price: null };
    const other = { ...payType, id: 'y', name: 'Б с ценой' };
    expect(licenseTypesByModel([unpriced, other]).get(NETPAY)?.id).toBe('y');
    expect(licenseTypesByModel([other, { ...other, id: 'z', name: 'А с ценой' }]).get(NETPAY)?.id).toBe('z');
  });
});

describe('splitByVendor', () => {
  it('makes one group per vendor, vendors by first appearance, devices in input order', () => {
    const entries = evaluateSerials(
      ['1111222233334444', '0239110138900130', '9999000011112222'],
      facts({ licenseTypes: [payType, { ...rrType, price: payType.price }] }),
    ).filter(isValidEntry);
    const groups = splitByVendor(entries);
    expect(groups.map((g) => [g.vendorId, g.entries.map((e) => e.row.serial)])).toEqual([
      [RR, ['1111222233334444']],
      [PAY, ['0239110138900130', '9999000011112222']],
    ]);
  });

  it('keeps every entry exactly once and each group single-vendor', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 50 }), (vendors) => {
        const entries = vendors.map((vendorId, i) => ({ i, device: { vendorId } }));
        const groups = splitByVendor(entries);
        expect(groups.flatMap((g) => g.entries.map((e) => e.i)).sort((x, y) => x - y)).toEqual(
          entries.map((e) => e.i),
        );
        for (const group of groups)
          expect(group.entries.every((e) => e.device.vendorId === group.vendorId)).toBe(true);
        expect(new Set(groups.map((g) => g.vendorId)).size).toBe(groups.length);
      }),
    );
  });
});
