import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceImport } from '../../src/server/modules/devices/create-import';
import { runDeviceImport } from '../../src/server/modules/devices/run-import';
import { deviceImportRows, deviceImports, devices } from '../../src/server/modules/devices/schema';
import { requireOfferAccepted } from '../../src/server/modules/offers/accept-offer';
import {
  accountOrganizationIds,
  requirePartnerMayActivate,
} from '../../src/server/modules/offers/partner-terms';
import { priceAt } from '../../src/server/modules/vendors/price-at';
import { licenseTypePrices } from '../../src/server/modules/vendors/schema';
import type { AuditList } from '../../src/shared/api/admin';
import type { DeviceImport, DeviceList, LicenseType, Vendor } from '../../src/shared/api/devices';
import type {
  CurrentOfferResponse,
  OfferAcceptanceList,
  OfferVersion,
  PartnerTerms,
} from '../../src/shared/api/offers';
import { addCalendarDays, moscowIsoDate } from '../../src/shared/dates';
import type { ErrorBody, TestClient, TestResponse } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
let pay: Vendor;
let rr: Vendor;
const SYSTEM = { userId: null, email: 'test', ip: null };

const PAY_KIOSK = {
  name: 'Пэй Киоск',
  fullName: 'Общество с ограниченной ответственностью «Пэй Киоск»',
  ogrn: '1067746394792',
  installMethod: 'automatic',
  installNote: 'происходит автоматически',
  instructionLinks: [{ title: 'Инструкция по подготовке ККТ', url: 'https://example.com/aqsi' }],
};

beforeAll(async () => {
  t = await startTestApp();
  const manager = await createUser(t.db, { staffRole: 'manager' });
  staff = await t.loginAs(manager.email, PASSWORD);
  pay = (await staff.post<Vendor>('/api/v1/admin/vendors', PAY_KIOSK)).body;
  rr = (
    await staff.post<Vendor>('/api/v1/admin/vendors', {
      name: 'РР-Электро',
      fullName: 'ООО «РР-Электро»',
      ogrn: '1137746317830',
      installMethod: 'file',
      installNote: 'скачайте файл лицензий в формате .slf и установите на устройство согласно инструкции',
    })
  ).body;
  for (const name of ['NETPAY-ФС', 'aQsi 5'])
    await staff.post(`/api/v1/admin/vendors/${pay.id}/models`, { name });
  await staff.post(`/api/v1/admin/vendors/${rr.id}/models`, { name: 'РР-04Ф' });
  pay = (await staff.get<Vendor>(`/api/v1/admin/vendors/${pay.id}`)).body;
  rr = (await staff.get<Vendor>(`/api/v1/admin/vendors/${rr.id}`)).body;
});
afterAll(async () => t?.close());

/** Sends a file as the back office does: its bytes as the body, the name in the query. */
async function upload(
  client: TestClient,
  fileName: string,
  body: Buffer | string,
): Promise<TestResponse<DeviceImport & ErrorBody>> {
  const res = await fetch(`${t.url}/api/v1/admin/devices/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      cookie: client.cookieHeader,
      'x-csrf-token': client.csrfToken ?? '',
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), headers: res.headers, text };
}

/** Polls the import as the UI does until it finishes; every answer's percent must never go down. */
async function finished(id: string): Promise<DeviceImport> {
  let last = -1;
  for (let i = 0; i < 200; i++) {
    const res = await staff.get<DeviceImport>(`/api/v1/admin/devices/imports/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.percent).toBeGreaterThanOrEqual(last);
    last = res.body.percent;
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

async function importFile(fileName: string, body: Buffer | string): Promise<DeviceImport> {
  const res = await upload(staff, fileName, body);
  expect(res.status, res.text).toBe(202);
  expect(res.body.status).toBe('queued');
  return finished(res.body.id);
}

async function registrySize(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(devices);
  return Number(row?.n ?? 0);
}

const device = async (serial: string) =>
  (await staff.get<DeviceList>(`/api/v1/admin/devices?q=${serial}`)).body.items.find(
    (d) => d.serial === serial,
  );

async function xlsx(rows: unknown[][], prepare?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Реестр');
  for (const row of rows) sheet.addRow(row);
  prepare?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('vendors and models', () => {
  it('keeps requisites, install method and instruction links; checks ОГРН/ИНН like organizations', async () => {
    expect(pay).toMatchObject({
      name: 'Пэй Киоск',
      ogrn: '1067746394792',
      installMethod: 'automatic',
      instructionLinks: [{ title: 'Инструкция по подготовке ККТ', url: 'https://example.com/aqsi' }],
    });
    const bad = await staff.post<ErrorBody>('/api/v1/admin/vendors', {
      ...PAY_KIOSK,
      name: 'X',
      ogrn: '1067746394791',
      inn: '7707083894',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['ogrn', 'inn']));
    const dup = await staff.post<ErrorBody>('/api/v1/admin/vendors', { ...PAY_KIOSK, name: 'пэй киоск' });
    expect(dup.status).toBe(409);
    const dupModel = await staff.post<ErrorBody>(`/api/v1/admin/vendors/${pay.id}/models`, {
      name: 'netpay-фс',
    });
    expect(dupModel.status).toBe(409);
    const list = await staff.get<{ items: Vendor[] }>('/api/v1/admin/vendors');
    expect(list.body.items.map((v) => v.name)).toEqual(['Пэй Киоск', 'РР-Электро']);
    expect(list.body.items[0]?.models.map((m) => m.name)).toEqual(['aQsi 5', 'NETPAY-ФС']);
  });
});

describe('registry import', () => {
  it("imports a CSV (Excel's «;», BOM, CRLF) in a job; progress reaches 100 %; search and filters find the rows", async () => {
    const csv =
      '\uFEFFСерийный номер;Модель;Вендор;Подписка до\r\n' +
      '0124230115000230;NETPAY-ФС;Пэй Киоск;\r\n' +
      '0239 1101 3890 0130;NETPAY-ФС;Пэй Киоск;08.12.2030\r\n' +
      'RR0000000001;РР-04Ф;РР-Электро;13.04.2027\r\n';
    const before = await registrySize();
    const done = await importFile('registry.csv', csv);
    expect(done).toMatchObject({
      status: 'completed',
      format: 'csv',
      percent: 100,
      processedRows: 3,
      totalRows: 3,
      inserted: 3,
      updated: 0,
      errorCount: 0,
      errors: [],
    });
    expect(await registrySize()).toBe(before + 3);
    expect(await device('0239110138900130')).toMatchObject({
      modelName: 'NETPAY-ФС',
      vendorName: 'Пэй Киоск',
      subscriptionEnd: '2030-12-08',
    });
    const byVendor = await staff.get<DeviceList>(`/api/v1/admin/devices?vendorId=${rr.id}`);
    expect(byVendor.body.items.map((d) => d.serial)).toEqual(['RR0000000001']);
    const prefix = await staff.get<DeviceList>('/api/v1/admin/devices?q=0124%202301');
    expect(prefix.body.items.map((d) => d.serial)).toEqual(['0124230115000230']);
    // The uploaded file is removed from storage once the import is over.
    const [row] = await t.db.select().from(deviceImports).where(eq(deviceImports.id, done.id));
    expect(row?.storageKey).toBeNull();
    const audit = await (
      await t.loginAs((await createUser(t.db, { staffRole: 'admin' })).email, PASSWORD)
    ).get<AuditList>('/api/v1/admin/audit?action=devices.imported');
    expect(audit.body.items[0]?.details).toMatchObject({ fileName: 'registry.csv', rows: 3, inserted: 3 });
  });

  it('imports an XLSX: header in another order, date cells, rich text', async () => {
    const file = await xlsx(
      [
        ['Вендор', 'Серийный номер', 'Модель', 'Текущая подписка'],
        ['Пэй Киоск', 'X-0001', 'aQsi 5', new Date(Date.UTC(2027, 0, 2))],
        ['ООО «РР-Электро»', 'X-0002', 'РР-04Ф', null],
        ['Пэй Киоск', 'X-0003', 'aQsi 5', '31.12.2027'],
      ],
      (sheet) => {
        sheet.getCell('B4').value = { richText: [{ text: 'X-' }, { text: '0003' }] };
        sheet.getColumn(4).numFmt = 'dd.mm.yyyy';
      },
    );
    const done = await importFile('registry.xlsx', file);
    expect(done).toMatchObject({
      status: 'completed',
      format: 'xlsx',
      totalRows: 3,
      inserted: 3,
      percent: 100,
    });
    expect(await device('X-0001')).toMatchObject({ modelName: 'aQsi 5', subscriptionEnd: '2027-01-02' });
    expect(await device('X-0002')).toMatchObject({ vendorName: 'РР-Электро', subscriptionEnd: null });
    expect(await device('X-0003')).toMatchObject({ subscriptionEnd: '2027-12-31' });
  });

  it('a file with wrong rows imports nothing and reports every row, column and reason', async () => {
    const before = await registrySize();
    const csv = [
      'Серийный номер;Модель;Вендор;Подписка до',
      'BAD-0001;NETPAY-ФС;Пэй Киоск;01.01.2028',
      'BAD-0002;NETPAY-ФС;Атол;',
      'BAD-0003;Нет такой;РР-Электро;',
      'BAD-0001;aQsi 5;Пэй Киоск;',
      ';NETPAY-ФС;Пэй Киоск;',
      'BAD-0004;NETPAY-ФС;Пэй Киоск;30.02.2028',
    ].join('\n');
    const done = await importFile('bad.csv', csv);
    expect(done.status).toBe('failed');
    expect(done.errorCount).toBe(5);
    expect(done.errors).toEqual([
      { row: 3, column: 'Вендор', message: 'Вендор «Атол» не найден: заведите его в разделе «Вендоры»' },
      {
        row: 4,
        column: 'Модель',
        message: 'У вендора «РР-Электро» нет модели «Нет такой»: добавьте её в разделе «Вендоры»',
      },
      { row: 5, column: 'Серийный номер', message: 'Серийный номер BAD-0001 уже есть в строке 2' },
      { row: 6, column: 'Серийный номер', message: 'Серийный номер не заполнен' },
      { row: 7, column: 'Подписка до', message: 'Даты 30.02.2028 не существует' },
    ]);
    expect(await registrySize()).toBe(before);
    expect(await device('BAD-0001')).toBeUndefined();
    expect(await t.db.select().from(deviceImportRows)).toEqual([]);
  });

  it('refuses an XLSX serial stored as a number, a broken XLSX and an old .xls with clear messages', async () => {
    const numeric = await importFile(
      'numbers.xlsx',
      await xlsx([[124230115000230, 'NETPAY-ФС', 'Пэй Киоск']]),
    );
    expect(numeric.status).toBe('failed');
    expect(numeric.errors[0]).toMatchObject({ row: 1, column: 'Серийный номер' });
    expect(numeric.errors[0]?.message).toContain('ведущие нули');

    const broken = await importFile(
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]),
    );
    expect(broken.status).toBe('failed');
    expect(broken.message).toContain('Файл не читается как XLSX');

    const header = await importFile(
      'header.xlsx',
      await xlsx([
        ['Вендор', 'Подписка до'],
        ['Пэй Киоск', null],
      ]),
    );
    expect(header.errors).toEqual([
      { row: 1, column: null, message: 'В заголовке нет столбцов «Серийный номер», «Модель»' },
    ]);

    const xls = await upload(staff, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(xls.status).toBe(400);
    expect(xls.body.error.message).toContain('Формат .xls не поддерживается');
    const empty = await upload(staff, 'empty.csv', '');
    expect(empty.status).toBe(400);
    const onlyHeader = await importFile('header.csv', 'Серийный номер;Модель\n');
    expect(onlyHeader).toMatchObject({
      status: 'failed',
      message: 'В файле нет строк с устройствами: реестр не изменён',
    });
  });

  it("re-import: new model, a later end moves forward, an earlier or empty end keeps the registry's", async () => {
    await importFile(
      'first.csv',
      'UP-1;NETPAY-ФС;Пэй Киоск;01.06.2027\nUP-2;NETPAY-ФС;Пэй Киоск;01.06.2027\nUP-3;NETPAY-ФС;Пэй Киоск;01.06.2027\nUP-4;NETPAY-ФС;Пэй Киоск;01.06.2027\n',
    );
    const again = await importFile(
      'second.csv',
      'UP-1;aQsi 5;Пэй Киоск;01.06.2027\nUP-2;NETPAY-ФС;Пэй Киоск;01.06.2028\nUP-3;NETPAY-ФС;Пэй Киоск;01.01.2026\nUP-4;NETPAY-ФС;Пэй Киоск;\nUP-5;NETPAY-ФС;Пэй Киоск;\n',
    );
    expect(again).toMatchObject({ status: 'completed', totalRows: 5, inserted: 1, updated: 2, unchanged: 2 });
    expect(await device('UP-1')).toMatchObject({ modelName: 'aQsi 5', subscriptionEnd: '2027-06-01' });
    expect((await device('UP-2'))?.subscriptionEnd).toBe('2028-06-01');
    expect((await device('UP-3'))?.subscriptionEnd).toBe('2027-06-01');
    expect((await device('UP-4'))?.subscriptionEnd).toBe('2027-06-01');
    // The device card corrects by hand what the import never does: an earlier end.
    const up3 = await device('UP-3');
    const fixed = await staff.patch<{ subscriptionEnd: string }>(`/api/v1/admin/devices/${up3?.id}`, {
      subscriptionEnd: '2026-01-01',
    });
    expect(fixed.body.subscriptionEnd).toBe('2026-01-01');
    const foreign = await staff.patch<ErrorBody>(`/api/v1/admin/devices/${up3?.id}`, {
      modelId: rr.models[0]?.id,
    });
    expect(foreign.status).toBe(400);
  });

  it('a crashed attempt leaves only staging rows; the retry drops them and applies once; running again changes nothing', async () => {
    const before = await registrySize();
    const created = await createDeviceImport(t.db, t.deps.storage, {
      source: Readable.from([Buffer.from('CR-1;NETPAY-ФС;Пэй Киоск;\nCR-2;РР-04Ф;РР-Электро;\n')]),
      fileName: 'crash.csv',
      actor: SYSTEM,
    });
    // What a worker that died while reading leaves behind: attempt 1 «reading», half of its rows staged.
    await t.db
      .update(deviceImports)
      .set({ status: 'reading', attempt: 1 })
      .where(eq(deviceImports.id, created.id));
    await t.db.insert(deviceImportRows).values({
      importId: created.id,
      attempt: 1,
      row: 1,
      serial: 'CR-1',
      modelId: pay.models[0]?.id ?? '',
    });
    expect(await registrySize()).toBe(before);
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, created.id);
    const [row] = await t.db.select().from(deviceImports).where(eq(deviceImports.id, created.id));
    expect(row).toMatchObject({ status: 'completed', attempt: 2, inserted: 2 });
    expect(await registrySize()).toBe(before + 2);
    expect(await t.db.select().from(deviceImportRows)).toEqual([]);
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, created.id);
    const [after] = await t.db.select().from(deviceImports).where(eq(deviceImports.id, created.id));
    expect(after).toMatchObject({ status: 'completed', attempt: 2 });
    expect(await registrySize()).toBe(before + 2);
  });

  it('imports a few thousand rows in batches and lists recent imports', async () => {
    const lines = ['Серийный номер;Модель;Вендор;Подписка до'];
    for (let i = 0; i < 12_000; i++)
      lines.push(`BULK${String(i).padStart(8, '0')};NETPAY-ФС;Пэй Киоск;01.01.2028`);
    const done = await importFile('bulk.csv', lines.join('\n'));
    expect(done).toMatchObject({ status: 'completed', totalRows: 12_000, inserted: 12_000, percent: 100 });
    const page = await staff.get<DeviceList>(`/api/v1/admin/devices?q=BULK&pageSize=10&page=3`);
    expect(page.body.total).toBe(12_000);
    expect(page.body.items[0]?.serial).toBe('BULK00000020');
    const list = await staff.get<{ items: DeviceImport[] }>('/api/v1/admin/devices/imports');
    expect(list.body.items[0]).toMatchObject({ id: done.id, fileName: 'bulk.csv' });
  });
});

describe('license types and prices', () => {
  let type: LicenseType;
  const today = moscowIsoDate(new Date());

  beforeAll(async () => {
    const res = await staff.post<LicenseType>('/api/v1/admin/license-types', {
      vendorId: pay.id,
      name: 'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), Пэй Киоск',
      termMonths: 12,
      vatMode: 'exempt',
      vatRatePercent: null,
      modelIds: pay.models.map((m) => m.id),
    });
    expect(res.status).toBe(201);
    type = res.body;
  });

  it("keeps term, VAT and models; refuses another vendor's models and a VAT rate without «rate»", async () => {
    expect(type).toMatchObject({ termMonths: 12, vatMode: 'exempt', currentPrice: null });
    expect(type.models.map((m) => m.name).sort()).toEqual(['NETPAY-ФС', 'aQsi 5'].sort());
    const foreign = await staff.post<ErrorBody>('/api/v1/admin/license-types', {
      vendorId: pay.id,
      name: 'X',
      termMonths: 12,
      vatMode: 'exempt',
      modelIds: [rr.models[0]?.id],
    });
    expect(foreign.status).toBe(400);
    const vat = await staff.post<ErrorBody>('/api/v1/admin/license-types', {
      vendorId: pay.id,
      name: 'X',
      termMonths: 12,
      vatMode: 'rate',
      vatRatePercent: null,
    });
    expect(vat.body.error.details?.[0]).toMatchObject({ path: 'vatRatePercent' });
  });

  it('the first price may start today; after that only from tomorrow; future prices may be withdrawn, current ones not', async () => {
    const prices = `/api/v1/admin/license-types/${type.id}/prices`;
    const first = await staff.post<LicenseType>(prices, {
      validFrom: today,
      partnerPriceKopecks: 200_000,
      retailPriceKopecks: 250_000,
    });
    expect(first.status).toBe(201);
    expect(first.body.currentPrice).toMatchObject({
      validFrom: today,
      partnerPriceKopecks: 200_000,
      state: 'current',
    });
    const retro = await staff.post<ErrorBody>(prices, {
      validFrom: today,
      partnerPriceKopecks: 1,
      retailPriceKopecks: 1,
    });
    expect(retro.status).toBe(400);
    expect(retro.body.error.message).toContain('задним числом');
    const tomorrow = addCalendarDays(today, 1);
    const next = await staff.post<LicenseType>(prices, {
      validFrom: tomorrow,
      partnerPriceKopecks: 220_000,
      retailPriceKopecks: 270_000,
    });
    expect(next.body.prices.map((p) => [p.validFrom, p.state])).toEqual([
      [tomorrow, 'future'],
      [today, 'current'],
    ]);
    const same = await staff.post<ErrorBody>(prices, {
      validFrom: tomorrow,
      partnerPriceKopecks: 1,
      retailPriceKopecks: 1,
    });
    expect(same.status).toBe(409);
    const current = next.body.prices.find((p) => p.state === 'current');
    expect((await staff.delete<ErrorBody>(`${prices}/${current?.id}`)).status).toBe(409);
    const future = next.body.prices.find((p) => p.state === 'future');
    const withdrawn = await staff.delete<LicenseType>(`${prices}/${future?.id}`);
    expect(withdrawn.body.prices.map((p) => p.validFrom)).toEqual([today]);
  });

  it('priceAt answers the price of the Moscow day of an instant, VAT and term included', async () => {
    const created = await staff.post<LicenseType>('/api/v1/admin/license-types', {
      vendorId: rr.id,
      name: 'Лицензия РР-Электро',
      termMonths: 12,
      vatMode: 'rate',
      vatRatePercent: 22,
      modelIds: rr.models.map((m) => m.id),
    });
    const id = created.body.id;
    // History written directly: the API refuses dates in the past, which is the point.
    await t.db.insert(licenseTypePrices).values([
      {
        licenseTypeId: id,
        validFrom: '2026-01-01',
        partnerPriceKopecks: 180_000,
        retailPriceKopecks: 200_000,
      },
      {
        licenseTypeId: id,
        validFrom: '2026-05-01',
        partnerPriceKopecks: 190_000,
        retailPriceKopecks: 210_000,
      },
    ]);
    expect(await priceAt(t.db, id, new Date('2025-12-31T20:59:59Z'))).toBeNull();
    expect(await priceAt(t.db, id, new Date('2026-04-30T20:59:59Z'))).toMatchObject({
      partnerPriceKopecks: 180_000,
    });
    expect(await priceAt(t.db, id, new Date('2026-04-30T21:00:00Z'))).toMatchObject({
      partnerPriceKopecks: 190_000,
      retailPriceKopecks: 210_000,
      validFrom: '2026-05-01',
      vatMode: 'rate',
      vatRatePercent: 22,
      termMonths: 12,
      vendorId: rr.id,
    });
  });
});

describe('offer and partner terms', () => {
  let partner: TestClient;
  let member: TestClient;
  let orgId: string;
  let secondOrgId: string;

  beforeAll(async () => {
    const org = await createOrg(t.db, { programs: ['partner'] });
    const second = await createOrg(t.db, { programs: ['partner'] });
    orgId = org.id;
    secondOrgId = second.id;
    const owner = await createUser(t.db, {
      memberOf: [
        [org.id, 'owner'],
        [second.id, 'admin'],
      ],
    });
    partner = await t.loginAs(owner.email, PASSWORD);
    await partner.post('/api/v1/auth/active-organization', { organizationId: org.id });
    const plain = await createUser(t.db, { memberOf: [[org.id, 'member']] });
    member = await t.loginAs(plain.email, PASSWORD);
  });

  it('before any version is published there is nothing to accept and activation is closed', async () => {
    const current = await partner.get<CurrentOfferResponse>('/api/v1/offers/current');
    expect(current.body).toEqual({ offer: null, accepted: false, acceptedAt: null, acceptedByEmail: null });
    await expect(requireOfferAccepted(t.db, orgId)).rejects.toMatchObject({ code: 'OFFER_NOT_ACCEPTED' });
  });

  it('records the acceptance (user, time, IP, version); a new version must be accepted again', async () => {
    const draft = await staff.post<OfferVersion>('/api/v1/admin/offers', {
      title: 'Сублицензионный договор, редакция 1',
      url: 'https://aqsi.ru/lkp-oferta/',
    });
    expect(draft.body.publishedAt).toBeNull();
    expect((await partner.get<CurrentOfferResponse>('/api/v1/offers/current')).body.offer).toBeNull();
    const published = await staff.post<OfferVersion>(`/api/v1/admin/offers/${draft.body.id}/publish`, {});
    expect(published.body.isCurrent).toBe(true);
    expect(
      (
        await staff.put<ErrorBody>(`/api/v1/admin/offers/${draft.body.id}`, {
          title: 'X',
          url: 'https://x.ru',
        })
      ).status,
    ).toBe(409);

    const current = await partner.get<CurrentOfferResponse>('/api/v1/offers/current');
    expect(current.body).toMatchObject({ offer: { id: draft.body.id }, accepted: false });
    await expect(requireOfferAccepted(t.db, orgId)).rejects.toMatchObject({
      code: 'OFFER_NOT_ACCEPTED',
      details: { offerVersionId: draft.body.id },
    });
    expect(
      (await member.post<ErrorBody>('/api/v1/offers/current/accept', { versionId: draft.body.id })).status,
    ).toBe(403);
    const accepted = await partner.post<CurrentOfferResponse>('/api/v1/offers/current/accept', {
      versionId: draft.body.id,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.accepted).toBe(true);
    expect((await partner.post('/api/v1/offers/current/accept', { versionId: draft.body.id })).status).toBe(
      200,
    );
    const who = await staff.get<OfferAcceptanceList>(`/api/v1/admin/offers/${draft.body.id}/acceptances`);
    expect(who.body.items).toHaveLength(1);
    expect(who.body.items[0]).toMatchObject({ organizationId: orgId, ip: '127.0.0.1' });
    expect(who.body.items[0]?.userEmail).toBe(accepted.body.acceptedByEmail);
    expect(await requireOfferAccepted(t.db, orgId)).toMatchObject({ offerVersionId: draft.body.id });
    // The other organization of the same person has not accepted.
    await expect(requireOfferAccepted(t.db, secondOrgId)).rejects.toMatchObject({
      code: 'OFFER_NOT_ACCEPTED',
    });

    const second = await staff.post<OfferVersion>('/api/v1/admin/offers', {
      title: 'Редакция 2',
      text: 'Текст договора',
    });
    await staff.post(`/api/v1/admin/offers/${second.body.id}/publish`, {});
    const stale = await partner.post<ErrorBody>('/api/v1/offers/current/accept', {
      versionId: draft.body.id,
    });
    expect(stale.status).toBe(409);
    expect((await partner.get<CurrentOfferResponse>('/api/v1/offers/current')).body).toMatchObject({
      offer: { id: second.body.id, text: 'Текст договора' },
      accepted: false,
    });
    await expect(requireOfferAccepted(t.db, orgId)).rejects.toMatchObject({ code: 'OFFER_NOT_ACCEPTED' });
  });

  it('only partner organizations see the offer', async () => {
    const org = await createOrg(t.db, { programs: ['licenses'] });
    const user = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const customer = await t.loginAs(user.email, PASSWORD);
    expect((await customer.get<ErrorBody>('/api/v1/offers/current')).status).toBe(403);
  });

  it('terms: activation closed and prepayment by default; postpayment and one account for two organizations', async () => {
    const initial = await staff.get<PartnerTerms>(`/api/v1/admin/organizations/${orgId}/partner-terms`);
    expect(initial.body).toMatchObject({
      mayActivate: false,
      paymentTermsLabel: 'Предоплата 100%',
      accountId: null,
    });
    await expect(requirePartnerMayActivate(t.db, orgId)).rejects.toMatchObject({
      code: 'ACTIVATION_NOT_ALLOWED',
    });
    const account = await staff.post<{ id: string }>('/api/v1/admin/partner-accounts', {
      name: 'Золотой стандарт',
    });
    const body = {
      mayActivate: true,
      paymentMode: 'postpayment',
      postpaymentDays: 5,
      accountId: account.body.id,
    };
    const saved = await staff.put<PartnerTerms>(`/api/v1/admin/organizations/${orgId}/partner-terms`, body);
    expect(saved.body).toMatchObject({
      mayActivate: true,
      paymentTermsLabel: 'Постоплата 5 дней',
      accountName: 'Золотой стандарт',
    });
    await staff.put(`/api/v1/admin/organizations/${secondOrgId}/partner-terms`, {
      ...body,
      mayActivate: false,
      paymentMode: 'prepayment',
      postpaymentDays: null,
    });
    expect((await accountOrganizationIds(t.db, orgId)).sort()).toEqual([orgId, secondOrgId].sort());
    expect(await requirePartnerMayActivate(t.db, orgId)).toMatchObject({
      paymentMode: 'postpayment',
      postpaymentDays: 5,
    });
    const invalid = await staff.put<ErrorBody>(`/api/v1/admin/organizations/${orgId}/partner-terms`, {
      ...body,
      postpaymentDays: null,
    });
    expect(invalid.body.error.details?.[0]).toMatchObject({ path: 'postpaymentDays' });
  });
});

describe('staff only', () => {
  it('customers get 403 on every back-office route of this module; support reads but cannot change', async () => {
    const org = await createOrg(t.db, { programs: ['partner'] });
    const customer = await t.loginAs(
      (await createUser(t.db, { memberOf: [[org.id, 'owner']] })).email,
      PASSWORD,
    );
    const support = await t.loginAs((await createUser(t.db, { staffRole: 'support' })).email, PASSWORD);
    const reads = [
      '/api/v1/admin/vendors',
      '/api/v1/admin/devices',
      '/api/v1/admin/devices/imports',
      '/api/v1/admin/license-types',
      '/api/v1/admin/offers',
      '/api/v1/admin/partner-accounts',
      `/api/v1/admin/organizations/${org.id}/partner-terms`,
    ];
    for (const path of reads) {
      expect((await customer.get(path)).status, path).toBe(403);
      expect((await support.get(path)).status, path).toBe(200);
    }
    expect((await upload(customer, 'x.csv', 'A;NETPAY-ФС')).status).toBe(403);
    expect((await upload(support, 'x.csv', 'A;NETPAY-ФС')).status).toBe(403);
    expect((await support.post('/api/v1/admin/vendors', { ...PAY_KIOSK, name: 'Другой' })).status).toBe(403);
    expect((await support.post('/api/v1/admin/offers', { title: 'X', url: 'https://x.ru' })).status).toBe(
      403,
    );
  });
});
