import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '../../src/shared/api/admin';
import type {
  AdminProductFile,
  AdminProductFileList,
  DownloadsResponse,
  InformationResponse,
} from '../../src/shared/api/files';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
/** Owner of an organization with an AlterOffice license. */
let licensed: TestClient;
/** Owner of an organization with an AlterOS license only. */
let other: TestClient;
/** Owner of an organization in the licenses program without licenses. */
let none: TestClient;
/** A member of both: switching organizations switches what they may download. */
let both: { client: TestClient; licensedId: string; otherId: string };

const BYTES = randomBytes(1024 * 1024 + 123);
const SHA = createHash('sha256').update(BYTES).digest('hex');
const FILE_NAME = 'AlterOffice 3.1 — дистрибутив.pkg';
let file: AdminProductFile;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
  const ao = await createArticle(t.db, 'AO-19619913021');
  const ad = await createArticle(t.db, 'AD-19629913021');
  await createProductCard(t.db, 'AO', 'AlterOffice');
  await createProductCard(t.db, 'AD', 'AlterOS');
  const [orgA, orgB, orgC] = [await createOrg(t.db), await createOrg(t.db), await createOrg(t.db)];
  for (const [organizationId, articleId] of [
    [orgA.id, ao.id],
    [orgB.id, ad.id],
  ] as const) {
    const res = await staff.post<LicenseIssueResponse>('/api/v1/admin/licenses/issue', {
      organizationId,
      articleId,
      quantity: 3,
      serialsCount: 1,
    });
    expect(res.status).toBe(201);
  }
  const owner = async (organizationId: string) => {
    const user = await createUser(t.db, { memberOf: [[organizationId, 'viewer']] });
    return t.loginAs(user.email, PASSWORD);
  };
  licensed = await owner(orgA.id);
  other = await owner(orgB.id);
  none = await owner(orgC.id);
  const member = await createUser(t.db, {
    memberOf: [
      [orgA.id, 'member'],
      [orgB.id, 'member'],
    ],
  });
  both = { client: await t.loginAs(member.email, PASSWORD), licensedId: orgA.id, otherId: orgB.id };

  const res = await upload(
    staff,
    'AO',
    {
      kind: 'distribution',
      title: 'AlterOffice',
      version: '3.1.0',
      releasedOn: '2025-02-03',
      notes: 'Новое',
    },
    { bytes: BYTES, name: FILE_NAME },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  file = res.body as AdminProductFile;
});
afterAll(async () => t?.close());

/** A real multipart request, as the back office's XMLHttpRequest sends it: the fields, then the file. */
async function upload(
  client: TestClient,
  productCode: string,
  fields: Record<string, string>,
  part?: { bytes: Buffer; name: string; type?: string },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (part)
    form.append(
      'file',
      new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/octet-stream' }),
      part.name,
    );
  const res = await fetch(`${t.url}/api/v1/admin/catalog/products/${productCode}/files`, {
    method: 'POST',
    headers: { cookie: client.cookieHeader, 'x-csrf-token': client.csrfToken ?? '' },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as AdminProductFile & ErrorBody };
}

async function download(
  client: TestClient,
  id: string,
  headers: Record<string, string> = {},
  options: { method?: string; path?: string } = {},
) {
  const res = await fetch(`${t.url}${options.path ?? `/api/v1/files/${id}/download`}`, {
    method: options.method ?? 'GET',
    headers: { cookie: client.cookieHeader, ...headers },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every file the storage holds, temporary ones included. */
async function storedFiles(): Promise<number> {
  const entries = await readdir(t.deps.config.storageDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

const errorOf = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as ErrorBody;

describe('uploading (back office)', () => {
  it('streams the file to the storage: size and SHA-256 match the bytes; the upload is audited', async () => {
    expect(file).toMatchObject({
      productCode: 'AO',
      kind: 'distribution',
      title: 'AlterOffice',
      version: '3.1.0',
      releasedOn: '2025-02-03',
      notes: 'Новое',
      fileName: FILE_NAME,
      sizeBytes: BYTES.length,
      sha256: SHA,
      withdrawnAt: null,
    });
    const list = await staff.get<AdminProductFileList>('/api/v1/admin/catalog/products/AO/files');
    expect(list.body.items.map((f) => f.id)).toContain(file.id);
    const audit = await staff.get<AuditList>('/api/v1/admin/audit?action=catalog.file_uploaded');
    expect(audit.body.items.find((e) => e.entityId === file.id)?.details).toMatchObject({
      productCode: 'AO',
      sha256: SHA,
      sizeBytes: BYTES.length,
    });
  });

  it('refuses bad metadata in Russian with a code, before keeping a byte', async () => {
    const before = await storedFiles();
    const bytes = { bytes: randomBytes(1000), name: 'x.bin' };
    const noVersion = await upload(staff, 'AO', { kind: 'distribution', title: 'Без версии' }, bytes);
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.code).toBe('VALIDATION_ERROR');
    expect(noVersion.body.error.message).toBe('Укажите версию дистрибутива (version)');
    expect(noVersion.body.error.details).toEqual([
      { path: 'version', message: 'Укажите версию дистрибутива' },
    ]);

    const noTitle = await upload(staff, 'AO', { kind: 'document', title: ' ' }, bytes);
    expect(noTitle.body.error.details?.[0]).toEqual({ path: 'title', message: 'Введите название файла' });
    const badKind = await upload(staff, 'AO', { kind: 'iso', title: 'X', version: '1' }, bytes);
    expect(badKind.body.error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(badKind.body.error.details?.[0]?.path).toBe('kind');
    const badDate = await upload(
      staff,
      'AO',
      { kind: 'document', title: 'X', releasedOn: '03.02.2025' },
      bytes,
    );
    expect(badDate.body.error.details?.[0]).toEqual({
      path: 'releasedOn',
      message: 'Дата выпуска — в формате ГГГГ-ММ-ДД',
    });

    const unknown = await upload(staff, 'ZZ', { kind: 'document', title: 'X' }, bytes);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Кода продукта «ZZ» нет в таблице 1',
    });

    const noFile = await upload(staff, 'AO', { kind: 'document', title: 'Без файла' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details).toEqual([{ path: 'file', message: 'Выберите файл для загрузки' }]);
    const empty = await upload(
      staff,
      'AO',
      { kind: 'document', title: 'Пустой' },
      { bytes: Buffer.alloc(0), name: 'e.txt' },
    );
    expect(empty.body.error.details).toEqual([{ path: 'file', message: 'Файл пуст' }]);

    const json = await staff.post<ErrorBody>('/api/v1/admin/catalog/products/AO/files', { kind: 'document' });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toContain('multipart/form-data');
    expect(await storedFiles()).toBe(before);
  });

  it('a file over UPLOAD_LIMIT_MB answers 413 FILE_TOO_LARGE and leaves nothing in the storage', async () => {
    const before = await storedFiles();
    const big = { bytes: Buffer.alloc(t.deps.config.uploadLimitBytes + 1024, 7), name: 'big.img' };
    const res = await upload(staff, 'AO', { kind: 'distribution', title: 'Большой', version: '9' }, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
    expect(res.body.error.message).toBe('Файл больше 8 МБ и не загружен');
    expect(await storedFiles()).toBe(before);
    const list = await staff.get<AdminProductFileList>('/api/v1/admin/catalog/products/AO/files');
    expect(list.body.items.some((f) => f.title === 'Большой')).toBe(false);
  });

  it('customers and support staff cannot upload, edit or withdraw (403)', async () => {
    const support = await createUser(t.db, { staffRole: 'support' });
    const supportClient = await t.loginAs(support.email, PASSWORD);
    for (const client of [licensed, supportClient]) {
      const res = await upload(
        client,
        'AO',
        { kind: 'document', title: 'Чужой' },
        {
          bytes: Buffer.from('x'),
          name: 'x.txt',
        },
      );
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect((await client.patch(`/api/v1/admin/catalog/files/${file.id}`, { title: 'X' })).status).toBe(403);
      expect((await client.post(`/api/v1/admin/catalog/files/${file.id}/withdraw`)).status).toBe(403);
      expect((await client.get('/api/v1/admin/catalog/products/AO/files')).status).toBe(403);
    }
  });

  it('edits metadata (audited); a distribution keeps its version', async () => {
    const created = await upload(
      staff,
      'AO',
      { kind: 'distribution', title: 'Старое имя', version: '1.0' },
      { bytes: randomBytes(500), name: 'old.bin' },
    );
    const id = created.body.id;
    const res = await staff.patch<AdminProductFile>(`/api/v1/admin/catalog/files/${id}`, {
      title: 'Новое имя',
      releasedOn: '2020-01-31',
      notes: 'Исправлено',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Новое имя',
      releasedOn: '2020-01-31',
      notes: 'Исправлено',
      version: '1.0',
    });
    const noVersion = await staff.patch<ErrorBody>(`/api/v1/admin/catalog/files/${id}`, { version: null });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.details).toEqual([
      { path: 'version', message: 'Укажите версию дистрибутива' },
    ]);
    const audit = await staff.get<AuditList>('/api/v1/admin/audit?action=catalog.file_updated');
    expect(audit.body.items.find((e) => e.entityId === id)?.details).toMatchObject({
      changed: { title: { from: 'Старое имя', to: 'Новое имя' } },
    });
    expect(
      (await staff.patch<ErrorBody>(`/api/v1/admin/catalog/files/${randomUUID()}`, { title: 'X' })).status,
    ).toBe(404);
  });
});

describe('«Скачать» and «Информация» (customers)', () => {
  it('lists distributions of licensed products only, newest first', async () => {
    const older = await upload(
      staff,
      'AO',
      { kind: 'distribution', title: 'AlterOffice', version: '3.0.4', releasedOn: '2024-10-15' },
      { bytes: randomBytes(2000), name: 'alteroffice-3.0.4.pkg' },
    );
    expect(older.status).toBe(201);
    const mine = await licensed.get<DownloadsResponse>('/api/v1/downloads');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((p) => p.code)).toEqual(['AO']);
    const versions = mine.body.items[0]?.files.map((f) => f.releasedOn) ?? [];
    expect(versions).toEqual([...versions].sort().reverse());
    expect(mine.body.items[0]?.files.find((f) => f.id === file.id)).toEqual({
      id: file.id,
      title: 'AlterOffice',
      version: '3.1.0',
      releasedOn: '2025-02-03',
      notes: 'Новое',
      fileName: FILE_NAME,
      contentType: 'application/octet-stream',
      sizeBytes: BYTES.length,
      sha256: SHA,
    });
    const theirs = await other.get<DownloadsResponse>('/api/v1/downloads');
    expect(theirs.body.items).toEqual([{ code: 'AD', name: 'AlterOS', files: [] }]);
    expect((await none.get<DownloadsResponse>('/api/v1/downloads')).body.items).toEqual([]);
  });

  it('downloads the whole file: the same bytes, length, ETag and a Cyrillic attachment name', async () => {
    const res = await download(licensed, file.id);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(BYTES)).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(BYTES.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${SHA}"`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(FILE_NAME);
  });

  it('serves single ranges with 206: first bytes, the middle, the last 100; 416 past the end', async () => {
    const size = BYTES.length;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=500000-600000', 500_000, 600_000],
      ['bytes=-100', size - 100, size - 1],
      [`bytes=${size - 10}-`, size - 10, size - 1],
    ] as const) {
      const res = await download(licensed, file.id, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(res.bytes.equals(BYTES.subarray(start, end + 1)), range).toBe(true);
    }
    const past = await download(licensed, file.id, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(errorOf(past.bytes).error.code).toBe('RANGE_NOT_SATISFIABLE');
    // A range for another copy of the file (If-Range) gets the whole file instead.
    const stale = await download(licensed, file.id, { range: 'bytes=0-9', 'if-range': '"stale"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.length).toBe(size);
  });

  it('If-None-Match with the ETag answers 304 without a body; HEAD answers headers only', async () => {
    const cached = await download(licensed, file.id, { 'if-none-match': `"${SHA}"` });
    expect(cached.status).toBe(304);
    expect(cached.bytes.length).toBe(0);
    expect((await download(licensed, file.id, { 'if-none-match': '"other"' })).status).toBe(200);
    const head = await download(licensed, file.id, {}, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(BYTES.length));
    expect(head.bytes.length).toBe(0);
  });

  it('unlicensed organization, another tenant, unknown id → 404, never the bytes', async () => {
    for (const client of [other, none]) {
      const res = await download(client, file.id);
      expect(res.status).toBe(404);
      expect(errorOf(res.bytes).error).toMatchObject({ code: 'NOT_FOUND', message: 'Файл не найден' });
    }
    expect((await download(licensed, randomUUID())).status).toBe(404);
    // The same person: with the licensed organization active they may, with the other one they may not.
    const { client, licensedId, otherId } = both;
    await client.post('/api/v1/auth/active-organization', { organizationId: licensedId });
    expect((await download(client, file.id)).status).toBe(200);
    await client.post('/api/v1/auth/active-organization', { organizationId: otherId });
    expect((await download(client, file.id)).status).toBe(404);
    expect((await t.client().get(`/api/v1/files/${file.id}/download`)).status).toBe(401);
  });

  it('a withdrawn file disappears for customers (404) and stays for staff; restoring brings it back', async () => {
    const created = await upload(
      staff,
      'AO',
      { kind: 'distribution', title: 'Отзываемый', version: '0.9' },
      { bytes: randomBytes(4096), name: 'beta.pkg' },
    );
    const id = created.body.id;
    const withdrawn = await staff.post<AdminProductFile>(`/api/v1/admin/catalog/files/${id}/withdraw`);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const visible = await licensed.get<DownloadsResponse>('/api/v1/downloads');
    expect(visible.body.items[0]?.files.some((f) => f.id === id)).toBe(false);
    expect((await download(licensed, id)).status).toBe(404);
    const list = await staff.get<AdminProductFileList>('/api/v1/admin/catalog/products/AO/files');
    expect(list.body.items.find((f) => f.id === id)?.withdrawnAt).not.toBeNull();
    const staffCopy = await download(staff, id, {}, { path: `/api/v1/admin/catalog/files/${id}/download` });
    expect(staffCopy.status).toBe(200);
    expect(staffCopy.bytes.length).toBe(4096);
    const audit = await staff.get<AuditList>('/api/v1/admin/audit?action=catalog.file_withdrawn');
    expect(audit.body.items.some((e) => e.entityId === id)).toBe(true);
    await staff.post(`/api/v1/admin/catalog/files/${id}/restore`);
    expect((await download(licensed, id)).status).toBe(200);
  });

  it('«Информация»: per licensed product the wiki, the site and documentation files', async () => {
    const text = '# Руководство\n\nУстановка и активация.\n';
    const doc = await upload(
      staff,
      'AO',
      { kind: 'document', title: 'Руководство пользователя' },
      { bytes: Buffer.from(text), name: 'Руководство пользователя.md', type: 'text/markdown' },
    );
    expect(doc.status).toBe(201);
    expect(doc.body.version).toBeNull();
    const info = await licensed.get<InformationResponse>('/api/v1/information');
    expect(info.body.items).toHaveLength(1);
    expect(info.body.items[0]).toMatchObject({
      code: 'AO',
      name: 'AlterOffice',
      websiteUrl: 'https://ao.example/',
      wikiUrl: null,
    });
    expect(info.body.items[0]?.documents.map((d) => d.title)).toEqual(['Руководство пользователя']);
    const res = await download(licensed, doc.body.id);
    expect(res.bytes.toString('utf8')).toBe(text);
    expect(res.headers.get('content-type')).toBe('text/markdown');
    // Documents stay out of «Скачать», and another organization does not see them.
    const downloads = await licensed.get<DownloadsResponse>('/api/v1/downloads');
    expect(downloads.body.items[0]?.files.some((f) => f.id === doc.body.id)).toBe(false);
    expect((await other.get<InformationResponse>('/api/v1/information')).body.items[0]?.documents).toEqual(
      [],
    );
    expect((await download(other, doc.body.id)).status).toBe(404);
  });

  it('an organization without the licenses program gets 403 on both sections', async () => {
    const org = await createOrg(t.db, { programs: ['subscriptions'] });
    const user = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const client = await t.loginAs(user.email, PASSWORD);
    for (const path of ['/api/v1/downloads', '/api/v1/information', `/api/v1/files/${file.id}/download`])
      expect((await client.get<ErrorBody>(path)).status, path).toBe(403);
  });
});
