import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminProductFileList } from '../../src/shared/api/files';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
const URL_PATH = '/api/v1/admin/catalog/products/AO/files';
const BOUNDARY = '----kabinet-test-boundary-7f3a';
const FIELDS = { kind: 'distribution', title: 'AlterOffice', version: '3.2.0' };
const BYTES = randomBytes(512 * 1024);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
  await createProductCard(t.db, 'AO', 'AlterOffice');
});
afterAll(async () => t?.close());

/** A multipart/form-data body written by hand (RFC 7578), so tests can break it on purpose. */
function multipart(boundary: string, fields: Record<string, string>, file?: Buffer, fileName = 'ao.pkg') {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

async function post(contentType: string, body: Buffer) {
  const res = await fetch(`${t.url}${URL_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      cookie: staff.cookieHeader,
      'x-csrf-token': staff.csrfToken ?? '',
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

/** Every file the storage holds, temporary ones included. */
async function storedFiles(): Promise<number> {
  const entries = await readdir(t.deps.config.storageDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

async function fileRows(): Promise<number> {
  return (await staff.get<AdminProductFileList>(URL_PATH)).body.items.length;
}

/** The storage settles asynchronously after a dropped connection; wait until it holds `expected` files. */
async function settledFiles(expected: number): Promise<number> {
  let files = await storedFiles();
  for (let i = 0; i < 50 && files !== expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    files = await storedFiles();
  }
  return files;
}

const withBoundary = (boundary: string) => `multipart/form-data; boundary=${boundary}`;

describe('product-file upload: a broken multipart body is a 400, and nothing stays behind', () => {
  it('a well-formed hand-written body is accepted (the broken cases below differ only in what they break)', async () => {
    const before = await fileRows();
    const res = await post(withBoundary(BOUNDARY), multipart(BOUNDARY, FIELDS, BYTES));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await fileRows()).toBe(before + 1);
  });

  const cases: Array<[string, string, () => Buffer]> = [
    ['no boundary in Content-Type', 'multipart/form-data', () => multipart(BOUNDARY, FIELDS, BYTES)],
    ['an empty boundary', 'multipart/form-data; boundary=""', () => multipart(BOUNDARY, FIELDS, BYTES)],
    [
      'a boundary longer than RFC 2046 allows',
      withBoundary('b'.repeat(300)),
      () => multipart('b'.repeat(300), FIELDS, BYTES),
    ],
    ['a wrong boundary', withBoundary('not-the-one-in-the-body'), () => multipart(BOUNDARY, FIELDS, BYTES)],
    [
      'a body cut in the middle of the file',
      withBoundary(BOUNDARY),
      () => {
        const whole = multipart(BOUNDARY, FIELDS, BYTES);
        return whole.subarray(0, Math.floor(whole.length / 2));
      },
    ],
    [
      'a body cut in the fields, before the file',
      withBoundary(BOUNDARY),
      () => multipart(BOUNDARY, FIELDS, BYTES).subarray(0, 120),
    ],
    [
      'a body without its closing boundary',
      withBoundary(BOUNDARY),
      () => {
        const whole = multipart(BOUNDARY, FIELDS, BYTES);
        return whole.subarray(0, whole.length - `--${BOUNDARY}--\r\n`.length);
      },
    ],
  ];
  for (const [name, contentType, body] of cases)
    it(`${name}: 400 UPLOAD_MALFORMED with a Russian message; no bytes, no row`, async () => {
      const [files, rows] = [await storedFiles(), await fileRows()];
      const res = await post(contentType, body());
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('UPLOAD_MALFORMED');
      expect(res.body.error.message).toMatch(/[а-яё]/i);
      expect(res.body.error.requestId).toBeTruthy();
      expect(await settledFiles(files)).toBe(files);
      expect(await fileRows()).toBe(rows);
    });

  it('parallel broken uploads all get 400, none a 500, and leave no file', async () => {
    const files = await storedFiles();
    const whole = multipart(BOUNDARY, FIELDS, BYTES);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(withBoundary(BOUNDARY), whole.subarray(0, 1000 + i * 50_000))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(400));
    expect(await settledFiles(files)).toBe(files);
  });

  it('a client that drops the connection mid-file leaves no file, not even a temporary one', async () => {
    const [files, rows] = [await storedFiles(), await fileRows()];
    const whole = multipart(BOUNDARY, FIELDS, BYTES);
    await new Promise<void>((resolve) => {
      const req = request(`${t.url}${URL_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': withBoundary(BOUNDARY),
          'content-length': String(whole.length),
          cookie: staff.cookieHeader,
          'x-csrf-token': staff.csrfToken ?? '',
        },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(whole.subarray(0, Math.floor(whole.length / 2)), () => setTimeout(() => req.destroy(), 200));
    });
    expect(await settledFiles(files)).toBe(files);
    expect(await fileRows()).toBe(rows);
  });

  it('a field holding NUL or a control character is refused by name before the file is kept', async () => {
    const files = await storedFiles();
    for (const title of ['Alter\u0000Office', 'Alter\u0007Office']) {
      const res = await post(withBoundary(BOUNDARY), multipart(BOUNDARY, { ...FIELDS, title }, BYTES));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details?.map((d) => d.path)).toEqual(['title']);
    }
    expect(await settledFiles(files)).toBe(files);
  });

  it('a file name with NUL or control characters is kept without them', async () => {
    const res = await post(
      withBoundary(BOUNDARY),
      multipart(BOUNDARY, { ...FIELDS, version: '3.2.1' }, BYTES, 'ao\u0000\u0001-3.2.1.pkg'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as unknown as { fileName: string }).fileName).toBe('ao-3.2.1.pkg');
  });
});
