import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceImports } from '../../src/server/modules/devices/schema';
import type { DeviceImport, Vendor } from '../../src/shared/api/devices';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
let inn: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.loginAs((await createUser(t.db, { staffRole: 'admin' })).email, PASSWORD);
  await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
  await createProductCard(t.db, 'AO', 'AlterOffice');
  inn = (await createOrg(t.db)).inn;
  const vendor = await staff.post<Vendor>('/api/v1/admin/vendors', {
    name: 'Пэй Киоск',
    fullName: 'ООО «Пэй Киоск»',
    ogrn: '1067746394792',
    installMethod: 'automatic',
    installNote: 'происходит автоматически',
  });
  await staff.post(`/api/v1/admin/vendors/${vendor.body.id}/models`, { name: 'NETPAY-ФС' });
});
afterAll(async () => t?.close());

/** UTF-16 LE bytes of `text`, with the BOM Excel's «Юникод-текст» writes unless told otherwise. */
const utf16le = (text: string, bom = true) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);

/** Windows-1251 for Cyrillic А–я and ASCII: enough for these headers. */
const cp1251 = (text: string) =>
  Buffer.from(Array.from(text, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : c.charCodeAt(0) - 0x350)));

async function postBytes(path: string, bytes: Buffer, contentType: string) {
  const res = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      cookie: staff.cookieHeader,
      'x-csrf-token': staff.csrfToken ?? '',
    },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as ErrorBody & DeviceImport & { imported: number } };
}

describe('license CSV import: the file’s encoding', () => {
  const licenseCsv = (serial: string, delimiter = ';') =>
    [
      ['ИНН', 'Серийный номер', 'Артикул', 'Количество'],
      [inn, serial, 'AO-19619913021', '5'],
    ]
      .map((r) => r.join(delimiter))
      .join('\r\n');
  const importCsv = (bytes: Buffer) => postBytes('/api/v1/admin/licenses/import', bytes, 'text/csv');

  it('reads UTF-16 LE with a BOM (Excel «Юникод-текст», tab-separated) and Windows-1251', async () => {
    const utf16 = await importCsv(utf16le(licenseCsv('21-AO-19619913021-266-3388', '\t')));
    expect(utf16.status, JSON.stringify(utf16.body)).toBe(201);
    expect(utf16.body.imported).toBe(1);
    const ansi = await importCsv(cp1251(licenseCsv('21-AO-19619913021-266-3389')));
    expect(ansi.status, JSON.stringify(ansi.body)).toBe(201);
  });

  const refused: Array<[string, () => Buffer, RegExp]> = [
    ['UTF-16 without a BOM', () => utf16le(licenseCsv('21-AO-19619913021-266-3390'), false), /UTF-16/],
    ['UTF-32', () => Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32/],
    ['a binary file', () => Buffer.concat([Buffer.from('PK\x05\x06'), randomBytes(4096)]), /не похож на CSV/],
    ['a NUL byte in line 2', () => Buffer.from(`${licenseCsv('21-AO-19619913021-266-3391')}\0`), /строке 2/],
    ['a control character', () => Buffer.from(`ИНН;x\u0007;y\r\n${inn};1;2`), /U\+0007/],
  ];
  for (const [name, bytes, message] of refused)
    it(`${name}: 422 FILE_ENCODING_UNSUPPORTED saying what is wrong; nothing imported`, async () => {
      const res = await importCsv(bytes());
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.code).toBe('FILE_ENCODING_UNSUPPORTED');
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).toMatch(/UTF-8 или Windows-1251/);
    });

  it('NUL inside the JSON form `{ csv }` is a 4xx too, never a 500', async () => {
    const res = await staff.post<ErrorBody>('/api/v1/admin/licenses/import', {
      csv: `${licenseCsv('x')}\u0000`,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('device registry upload: the file’s encoding and name', () => {
  const header = 'Серийный номер;Модель;Вендор;Подписка до\r\n';
  const row = (n: number) => `RR${String(n).padStart(10, '0')};NETPAY-ФС;Пэй Киоск;\r\n`;
  const upload = (bytes: Buffer, fileName = 'registry.csv') =>
    postBytes(
      `/api/v1/admin/devices/imports?fileName=${encodeURIComponent(fileName)}`,
      bytes,
      'application/octet-stream',
    );
  const storedFiles = async () =>
    (await readdir(t.deps.config.storageDir, { recursive: true, withFileTypes: true })).filter((e) =>
      e.isFile(),
    ).length;
  const importRows = async () => Number((await t.db.select({ n: count() }).from(deviceImports))[0]?.n);

  async function finished(id: string): Promise<DeviceImport> {
    for (let i = 0; i < 200; i++) {
      const res = await staff.get<DeviceImport>(`/api/v1/admin/devices/imports/${id}`);
      if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }

  it('a UTF-16 LE file with a BOM is read like UTF-8', async () => {
    const res = await upload(utf16le(header + row(1) + row(2)));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(await finished(res.body.id)).toMatchObject({ status: 'completed', inserted: 2, message: null });
  });

  const refused: Array<[string, () => Buffer, RegExp]> = [
    ['UTF-16 without a BOM', () => utf16le(header + row(3), false), /UTF-16/],
    ['a binary file', () => randomBytes(100_000), /не похож на CSV/],
    ['NUL bytes', () => Buffer.from(`${header}${row(4)}RR\0\0\0;NETPAY-ФС;Пэй Киоск;\r\n`), /строке 3.*NUL/],
  ];
  for (const [name, bytes, message] of refused)
    it(`${name}: 422 at upload with the reason; no file kept, no import recorded`, async () => {
      const [files, imports] = [await storedFiles(), await importRows()];
      const res = await upload(bytes());
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.code).toBe('FILE_ENCODING_UNSUPPORTED');
      expect(res.body.error.message).toMatch(message);
      expect([await storedFiles(), await importRows()]).toEqual([files, imports]);
    });

  const late: Array<[string, Buffer, RegExp]> = [
    ['a NUL byte', Buffer.from('RR\0;NETPAY-ФС;Пэй Киоск;\r\n'), /строке 2003.*NUL/],
    [
      'bytes of another encoding',
      Buffer.from([0x52, 0x52, 0xc0, 0xc1, 0x3b, 0x0d, 0x0a]),
      /не в одной кодировке/,
    ],
  ];
  for (const [name, tail, message] of late)
    it(`${name} past the first 64 KiB: the import fails at once, in one attempt, saying why; the file is removed`, async () => {
      const body = Buffer.concat([
        Buffer.from(header + Array.from({ length: 2000 }, (_, i) => row(i)).join('')),
        Buffer.from(row(9999)),
        tail,
      ]);
      expect(body.length).toBeGreaterThan(64 * 1024);
      const files = await storedFiles();
      const res = await upload(body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const started = Date.now();
      const done = await finished(res.body.id);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(done.status).toBe('failed');
      expect(done.message).toMatch(message);
      expect(done.message).not.toMatch(/внутренн/i);
      // The job removes the file just after it marks the import failed.
      const stored = async () =>
        (await t.db.select().from(deviceImports).where(eq(deviceImports.id, done.id)))[0];
      for (let i = 0; i < 40 && (await stored())?.storageKey; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await stored()).toMatchObject({ attempt: 1, storageKey: null });
      expect(await storedFiles()).toBe(files);
    });

  it('a file name with NUL or control characters: 4xx before anything is written', async () => {
    for (const fileName of ['reg\u0000istry.csv', 'registry\u0001.csv', 'a\nb.csv']) {
      const [files, imports] = [await storedFiles(), await importRows()];
      const res = await upload(Buffer.from(header + row(5)), fileName);
      expect(res.status, `${JSON.stringify(fileName)}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message).toMatch(/[а-яё]/i);
      expect([await storedFiles(), await importRows()]).toEqual([files, imports]);
    }
  });
});
