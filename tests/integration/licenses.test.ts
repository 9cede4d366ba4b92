import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialCounterName } from '../../src/server/modules/licenses/sequences';
import { counters } from '../../src/server/modules/system/schema';
import type { AuditList } from '../../src/shared/api/admin';
import type {
  AdminLicenseList,
  LicenseDetail,
  LicenseIssueResponse,
  LicenseList,
  SerialDecodeResponse,
} from '../../src/shared/api/licenses';
import { serialDateOf } from '../../src/shared/serial-number';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
let ao: { id: string; code: string };
let ad: { id: string; code: string };
const today = serialDateOf(new Date());
const yy = String(today.year % 100).padStart(2, '0');
const ddd = String(today.dayOfYear).padStart(3, '0');
const dayCounter = serialCounterName(today.year, today.dayOfYear);
const SERIAL = /^(\d{2})-([A-Z0-9]{2})-([A-Z0-9]{11})-(\d{3})-(\d{4})$/;

beforeAll(async () => {
  t = await startTestApp({ smtp: true });
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
  ao = await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
  ad = await createArticle(t.db, 'AD-19629913021', { name: 'AlterOS Стандартная' });
  await createProductCard(t.db, 'AO', 'AlterOffice');
  await createProductCard(t.db, 'AD', 'AlterOS');
});
afterAll(async () => t?.close());

const sequenceOf = (serial: string) => Number(SERIAL.exec(serial)?.[5]);
const issue = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  staff.post<LicenseIssueResponse & ErrorBody>(
    '/api/v1/admin/licenses/issue',
    body,
    headers ? { headers } : undefined,
  );

async function counterValue(): Promise<number> {
  const [row] = await t.db.select().from(counters).where(eq(counters.name, dayCounter));
  return row?.value ?? 0;
}

async function setCounter(value: number): Promise<void> {
  await t.db
    .insert(counters)
    .values({ name: dayCounter, value })
    .onConflictDoUpdate({ target: counters.name, set: { value } });
}

async function orgWithOwner() {
  const org = await createOrg(t.db);
  const user = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
  return { org, user, client: await t.loginAs(user.email, PASSWORD) };
}

async function licenseCount(organizationId: string): Promise<number> {
  return (await staff.get<AdminLicenseList>(`/api/v1/admin/licenses?organizationId=${organizationId}`)).body
    .total;
}

describe('issuing licenses', () => {
  it('issues serials YY-AA-BCDEFFGHHZZ-DDD-NNNN of today (Moscow), numbered 1, 2, 3 per organization', async () => {
    const { org, user } = await orgWithOwner();
    const before = await counterValue();
    const res = await issue({
      organizationId: org.id,
      articleId: ao.id,
      quantity: 5,
      serialsCount: 3,
      reference: 'Договор № 7',
    });
    expect(res.status).toBe(201);
    expect(res.body.invitedEmail).toBeNull();
    expect(res.body.licenses.map((l) => l.number)).toEqual([1, 2, 3]);
    for (const [i, l] of res.body.licenses.entries()) {
      expect(l.serial).toBe(`${yy}-AO-19619913021-${ddd}-${String(before + i).padStart(4, '0')}`);
    }
    const mail = await t.mailbox.waitForMail((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Новые лицензии в личном кабинете');
    expect(mail.text).toContain(res.body.licenses[0]?.serial);
    const audit = await staff.get<AuditList>(
      `/api/v1/admin/audit?action=licenses.issued&organizationId=${org.id}`,
    );
    expect(audit.body.items[0]?.details).toMatchObject({
      articleCode: 'AO-19619913021',
      serialsCount: 3,
      quantity: 5,
    });
  });

  it("first shipment: creates the organization's owner, who sets a password from the mail and sees the licenses", async () => {
    const org = await createOrg(t.db, { contactEmail: 'first-owner@example.test', programs: [] });
    const first = await issue({ organizationId: org.id, articleId: ad.id, quantity: 10, serialsCount: 1 });
    expect(first.body.invitedEmail).toBe('first-owner@example.test');
    const mail = await t.mailbox.waitForMail((m) => m.to.includes('first-owner@example.test'));
    expect(mail.subject).toBe('Доступ к личному кабинету и ваши лицензии');
    expect(mail.text).toContain('Логин: first-owner@example.test');
    expect(mail.text).toContain(first.body.licenses[0]?.serial);
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    const reset = await t
      .client()
      .post('/api/v1/auth/password/reset', { token, newPassword: 'first-owner-pass' });
    expect(reset.status).toBe(200);
    const owner = await t.loginAs('first-owner@example.test', 'first-owner-pass');
    const list = await owner.get<LicenseList>('/api/v1/licenses');
    expect(list.body.items.map((l) => l.serial)).toEqual([first.body.licenses[0]?.serial]);

    const second = await issue({ organizationId: org.id, articleId: ao.id, quantity: 1, serialsCount: 1 });
    expect(second.body.invitedEmail).toBeNull();
    await t.mailbox.waitForMail(
      (m) => m.to.includes('first-owner@example.test') && m.subject === 'Новые лицензии в личном кабинете',
    );
    expect((await owner.get<LicenseList>('/api/v1/licenses')).body.total).toBe(2);
  });

  it('20 parallel issues take unique, gap-free sequences of the day and per-organization numbers', async () => {
    const a = await orgWithOwner();
    const b = await orgWithOwner();
    const before = await counterValue();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        issue({
          organizationId: (i % 2 ? a : b).org.id,
          articleId: i % 3 ? ao.id : ad.id,
          quantity: 1,
          serialsCount: (i % 3) + 1,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const all = results.flatMap((r) => r.body.licenses);
    const sequences = all.map((l) => sequenceOf(l.serial)).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: all.length }, (_, i) => before + i));
    expect(await counterValue()).toBe(before + all.length);
    for (const { org } of [a, b]) {
      const numbers = results
        .filter((r) => r.body.organizationId === org.id)
        .flatMap((r) => r.body.licenses.map((l) => l.number))
        .sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    }
  });

  it('Idempotency-Key: a retry returns the same result without issuing twice, even when sent in parallel', async () => {
    const { org } = await orgWithOwner();
    const body = { organizationId: org.id, articleId: ao.id, quantity: 2, serialsCount: 2 };
    const key = randomUUID();
    const first = await issue(body, { 'idempotency-key': key });
    const retry = await issue(body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await licenseCount(org.id)).toBe(2);
    const other = await issue({ ...body, serialsCount: 3 }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const parallelKey = randomUUID();
    const pair = await Promise.all([1, 2].map(() => issue(body, { 'idempotency-key': parallelKey })));
    expect(pair.map((r) => r.status)).toEqual([201, 201]);
    expect(pair[0]?.body).toEqual(pair[1]?.body);
    expect(await licenseCount(org.id)).toBe(4);
  });

  it('refuses once the day used 0000–9999, issuing nothing', async () => {
    const { org } = await orgWithOwner();
    const previous = await counterValue();
    await setCounter(9999);
    try {
      const two = await issue({ organizationId: org.id, articleId: ao.id, quantity: 1, serialsCount: 2 });
      expect(two.status).toBe(409);
      expect(two.body.error.code).toBe('SERIAL_DAY_EXHAUSTED');
      expect(two.body.error.message).toContain('осталось серийных номеров: 1');
      expect(await licenseCount(org.id)).toBe(0);
      expect(await counterValue()).toBe(9999);
      const last = await issue({ organizationId: org.id, articleId: ao.id, quantity: 1, serialsCount: 1 });
      expect(last.body.licenses[0]?.serial).toMatch(/-9999$/);
      const none = await issue({ organizationId: org.id, articleId: ao.id, quantity: 1, serialsCount: 1 });
      expect(none.body.error.code).toBe('SERIAL_DAY_EXHAUSTED');
      expect(await licenseCount(org.id)).toBe(1);
    } finally {
      await setCounter(previous);
    }
  });

  it('refuses unknown organizations and articles, archived articles and retired codes', async () => {
    const { org } = await orgWithOwner();
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect(
      (await issue({ organizationId: ghost, articleId: ao.id, quantity: 1, serialsCount: 1 })).status,
    ).toBe(404);
    expect(
      (await issue({ organizationId: org.id, articleId: ghost, quantity: 1, serialsCount: 1 })).status,
    ).toBe(404);
    expect(
      (await issue({ organizationId: org.id, articleId: ao.id, quantity: 0, serialsCount: 1 })).status,
    ).toBe(400);
    const tv = await createArticle(t.db, 'TV-19629913024');
    await staff.post('/api/v1/admin/catalog/code-tables/product/codes/TV/retire');
    const retired = await issue({ organizationId: org.id, articleId: tv.id, quantity: 1, serialsCount: 1 });
    expect(retired.status).toBe(400);
    expect(retired.body.error.details).toContainEqual(
      expect.objectContaining({ part: 'product', code: 'SERIAL_RETIRED_CODE' }),
    );
    await staff.post('/api/v1/admin/catalog/code-tables/product/codes/TV/unretire');
    await staff.patch(`/api/v1/admin/catalog/articles/${tv.id}`, { archived: true });
    expect(
      (await issue({ organizationId: org.id, articleId: tv.id, quantity: 1, serialsCount: 1 })).status,
    ).toBe(409);
    expect(await licenseCount(org.id)).toBe(0);
  });
});

describe('the cabinet: license table and detail', () => {
  let customer: TestClient;
  let issued: LicenseIssueResponse['licenses'];
  beforeAll(async () => {
    const owner = await orgWithOwner();
    customer = owner.client;
    const one = await issue({
      organizationId: owner.org.id,
      articleId: ao.id,
      quantity: 10,
      serialsCount: 2,
    });
    const two = await issue({ organizationId: owner.org.id, articleId: ad.id, quantity: 3, serialsCount: 1 });
    issued = [...one.body.licenses, ...two.body.licenses];
    await staff.post(`/api/v1/admin/licenses/${issued[1]?.id}/activations`, { count: 7 });
  });

  it('lists ID, Лицензия, Серийный номер, Продукт, Количество, Активировано; sorts and pages', async () => {
    const list = await customer.get<LicenseList>('/api/v1/licenses');
    expect(list.body.total).toBe(3);
    expect(list.body.items[0]).toMatchObject({
      number: 1,
      name: 'AlterOffice Стандартная',
      product: 'AlterOffice',
      quantity: 10,
      activated: 0,
    });
    // The order of «AlterOS» and «AlterOffice» is the database collation's; grouping and reversal are ours.
    const ascending = (await customer.get<LicenseList>('/api/v1/licenses?sort=product')).body.items;
    const descending = (await customer.get<LicenseList>('/api/v1/licenses?sort=product&order=desc')).body
      .items;
    expect(ascending.map((l) => l.product)).toEqual(descending.map((l) => l.product).reverse());
    expect(ascending[1]?.product).toBe('AlterOffice');
    const byActivated = await customer.get<LicenseList>('/api/v1/licenses?sort=activated&order=desc');
    expect(byActivated.body.items[0]?.activated).toBe(7);
    const byQuantity = await customer.get<LicenseList>('/api/v1/licenses?sort=quantity');
    expect(byQuantity.body.items.map((l) => l.quantity)).toEqual([3, 10, 10]);
    const page = await customer.get<LicenseList>('/api/v1/licenses?pageSize=2&page=2');
    expect(page.body.items.map((l) => l.number)).toEqual([3]);
    expect((await customer.get<ErrorBody>('/api/v1/licenses?sort=price')).status).toBe(400);
  });

  it('searches by serial in any spelling the codec repairs, or by product', async () => {
    const serial = issued[2]?.serial ?? '';
    // Cyrillic «А» typed for the Latin A, spaces for dashes, lower case: the codec's normalisation repairs it.
    const typed = ` ${serial.replace('AD', '\u0410D').replaceAll('-', ' ').toLowerCase()} `;
    const hit = await customer.get<LicenseList>(`/api/v1/licenses?q=${encodeURIComponent(typed)}`);
    expect(hit.body.items.map((l) => l.serial)).toEqual([serial]);
    const fragment = serial.slice(-8).replace('-', '—');
    expect(
      (await customer.get<LicenseList>(`/api/v1/licenses?q=${encodeURIComponent(fragment)}`)).body.items.map(
        (l) => l.serial,
      ),
    ).toContain(serial);
    const product = await customer.get<LicenseList>('/api/v1/licenses?q=alterofF');
    expect(product.body.items.map((l) => l.product)).toEqual(['AlterOffice', 'AlterOffice']);
  });

  it('shows a license with its serial decoded; another organization’s license is 404', async () => {
    const detail = await customer.get<LicenseDetail>(`/api/v1/licenses/${issued[0]?.id}`);
    expect(detail.body.decoded.items.find((i) => i.part === 'product')?.meaning).toBe('AlterOffice');
    expect(detail.body.decoded.generatedOnIso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stranger = await orgWithOwner();
    const res = await stranger.client.get<ErrorBody>(`/api/v1/licenses/${issued[0]?.id}`);
    expect(res.status).toBe(404);
    expect((await stranger.client.get<LicenseList>('/api/v1/licenses')).body.total).toBe(0);
  });

  it('no session → 401; customers → 403 in the back office; organizations without «Лицензии» → 403', async () => {
    const anonymous = t.client();
    expect((await anonymous.get<ErrorBody>('/api/v1/licenses')).status).toBe(401);
    expect((await anonymous.get<ErrorBody>(`/api/v1/licenses/${issued[0]?.id}`)).status).toBe(401);
    expect((await customer.get('/api/v1/admin/licenses')).status).toBe(403);
    const org = await createOrg(t.db);
    const body = { organizationId: org.id, articleId: ao.id, quantity: 1, serialsCount: 1 };
    expect((await customer.post<ErrorBody>('/api/v1/admin/licenses/issue', body)).status).toBe(403);
    expect((await customer.post('/api/v1/admin/licenses/import', { csv: 'x' })).status).toBe(403);
    expect(
      (await customer.post(`/api/v1/admin/licenses/${issued[0]?.id}/activations`, { count: 1 })).status,
    ).toBe(403);
    const partner = await createOrg(t.db, { programs: ['partner'] });
    const user = await createUser(t.db, { memberOf: [[partner.id, 'owner']] });
    const client = await t.loginAs(user.email, PASSWORD);
    expect((await client.get<ErrorBody>('/api/v1/licenses')).body.error.code).toBe('FORBIDDEN');
  });

  it('«Активировано»: by hand and from the activation server with its product token', async () => {
    const id = issued[0]?.id;
    const over = await staff.post<ErrorBody>(`/api/v1/admin/licenses/${id}/activations`, { count: 11 });
    expect(over.status).toBe(400);
    const created = await staff.post<{ token: string; id: string }>(
      '/api/v1/admin/catalog/products/AO/api-tokens',
      { name: 'Сервер активации' },
    );
    const report = (body: unknown, token = created.body.token) =>
      t.client().post<ErrorBody & { activated: number }>('/api/v1/activation-reports', body, {
        headers: { authorization: `Bearer ${token}` },
      });
    const spelled = (issued[0]?.serial ?? '').toLowerCase().replaceAll('-', ' ');
    for (let i = 0; i < 2; i++)
      expect((await report({ serial: spelled, activated: 6 })).body.activated).toBe(6);
    const audit = await staff.get<AuditList>('/api/v1/admin/audit?action=licenses.activations_set');
    expect(audit.body.items.filter((e) => e.entityId === id)).toHaveLength(1);
    expect((await report({ serial: issued[2]?.serial, activated: 1 })).status).toBe(404);
    expect((await report({ serial: 'nonsense', activated: 1 })).body.error.code).toBe('SERIAL_INVALID');
    expect(
      (await t.client().post('/api/v1/activation-reports', { serial: spelled, activated: 1 })).status,
    ).toBe(401);
    await staff.post(`/api/v1/admin/catalog/api-tokens/${created.body.id}/revoke`);
    expect((await report({ serial: spelled, activated: 1 })).status).toBe(401);
    expect((await customer.get<LicenseDetail>(`/api/v1/licenses/${id}`)).body.activated).toBe(6);
  });
});

describe('public decoder GET /api/v1/serial-numbers/{serial}', () => {
  const decode = (serial: string) =>
    t.client().get<SerialDecodeResponse & ErrorBody>(`/api/v1/serial-numbers/${encodeURIComponent(serial)}`);

  it('decodes the seed example into words and the generation date, without a login', async () => {
    const res = await decode('21-AO-19619913021-266-3388');
    expect(res.status).toBe(200);
    expect(res.body.generatedOn).toBe('23.09.2021');
    const meaning = Object.fromEntries(res.body.items.map((i) => [i.part, i.meaning]));
    expect(meaning).toMatchObject({
      product: 'AlterOffice',
      version: 'Стандартная',
      subscriptionType: 'Не подписка',
      agreement: 'Бессрочная лицензия',
      licenseType: 'Государственная',
      period: 'Бессрочная',
      deliveryForm: 'ESD',
      support: 'Базовая',
      articleYear: '2021',
      sequence: '3388',
    });
    expect(res.body.product?.name).toBe('AlterOffice');
    expect((await decode('24-AO-19619913021-366-0001')).body.generatedOn).toBe('31.12.2024');
  });

  it.each([
    ['unknown product', '21-QQ-19619913021-266-3388', 'product', 'SERIAL_UNKNOWN_PRODUCT'],
    ['day 367', '21-AO-19619913021-367-3388', 'dayOfYear', 'SERIAL_BAD_DAY'],
    ['day 366 of 2021', '21-AO-19619913021-366-3388', 'dayOfYear', 'SERIAL_BAD_DAY'],
    ['a short article', '21-AO-1961991302-266-3388', 'article', 'SERIAL_BAD_LENGTH'],
    ['a long sequence', '21-AO-19619913021-266-33888', 'sequence', 'SERIAL_BAD_LENGTH'],
  ])('400 SERIAL_INVALID naming the part: %s', async (_name, serial, part, code) => {
    const res = await decode(serial);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SERIAL_INVALID');
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ part, code }));
  });

  it('explains a leap-day mistake and survives very long input', async () => {
    expect((await decode('21-AO-19619913021-366-3388')).body.error.message).toContain(
      '2021 — невисокосный год',
    );
    for (const length of [250, 900]) {
      const long = await decode('9'.repeat(length));
      expect(long.status).toBe(400);
      expect(long.body.error.details[0]).toMatchObject({ part: 'format', code: 'SERIAL_BAD_LENGTH' });
    }
  });
});

describe('CSV import of existing licenses', () => {
  it('rejects a file with bad rows as a whole, reporting each row; then imports a good file', async () => {
    const { org, client } = await orgWithOwner();
    const existing = (await issue({ organizationId: org.id, articleId: ao.id, quantity: 1, serialsCount: 1 }))
      .body.licenses[0]?.serial;
    const bad = [
      'ИНН;Серийный номер;Артикул;Количество;Активировано',
      `${org.inn};21-AO-19619913021-266-3388;AO-19619913021;10;7`,
      '7700000001;21-AO-19619913021-266-3389;AO-19619913021;10;0',
      `${org.inn};21-AO-19619913021-367-3390;AO-19619913021;10;0`,
      `${org.inn};21-AO-19619913021-266-3391;AD-19629913021;10;0`,
      `${org.inn};21-AO-19619913021-266-3392;AO-19619913021;0;0`,
      `${org.inn};21-AO-19619913021-266-3393;AO-19619913021;2;5`,
      `${org.inn};21 ао 19619913021 266 3388;;1;0`,
      `${org.inn};${existing};AO-19619913021;1;0`,
    ].join('\r\n');
    const res = await staff.postText<ErrorBody>('/api/v1/admin/licenses/import', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    const rows = res.body.error.details.map((d) => [d.row, d.column]);
    expect(rows).toEqual([
      [3, 'ИНН'],
      [4, 'Серийный номер'],
      [5, 'Артикул'],
      [6, 'Количество'],
      [7, 'Активировано'],
      [8, 'Серийный номер'],
      [9, 'Серийный номер'],
    ]);
    expect(res.body.error.details.find((d) => d.row === 8)?.message).toContain('уже есть в строке 2');
    expect(await licenseCount(org.id)).toBe(1);

    const todaySerial = `${yy}-AD-19629913021-${ddd}-9000`;
    const good = `"${org.inn}","21-AO-19619913021-266-3388","AO-19619913021","10","7"\n${org.inn},${todaySerial},AD-19629913021,3,\n`;
    const ok = await staff.post<{ imported: number }>('/api/v1/admin/licenses/import', { csv: good });
    expect(ok.status).toBe(201);
    expect(ok.body.imported).toBe(2);
    const seen = await client.get<LicenseList>('/api/v1/licenses?q=266-3388');
    expect(seen.body.items[0]).toMatchObject({
      number: 2,
      quantity: 10,
      activated: 7,
      product: 'AlterOffice',
    });
    // Serials generated later today never repeat an imported one.
    expect(await counterValue()).toBeGreaterThanOrEqual(9001);
    const again = await staff.post<ErrorBody>('/api/v1/admin/licenses/import', { csv: good });
    expect(again.body.error.details.map((d) => d.row)).toEqual([1, 2]);
  });
});
