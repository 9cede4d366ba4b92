import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInputDataError, loggableDatabaseError } from '../../src/server/http/database-errors';
import type { ErrorBody, TestClient, TestResponse } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';
import { corpus, type MalformedCase, NIL_UUID, type OpenApiDocument } from '../helpers/malformed-corpus';

let t: TestApp;
let staff: TestClient;
let customer: TestClient;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await createUser(t.db, { staffRole: 'admin' });
  const org = await createOrg(t.db, { programs: ['licenses', 'subscriptions', 'partner'] });
  const owner = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
  staff = await t.loginAs(admin.email, PASSWORD);
  customer = await t.loginAs(owner.email, PASSWORD);
  doc = (await t.client().get<OpenApiDocument>('/api/docs/json')).body;
});
afterAll(async () => t?.close());

/** Why an answer is wrong, or null: below 500, and a 4xx carries `{ error: { code, message, requestId } }`. */
function problemOf(res: TestResponse<unknown>): string | null {
  if (res.status >= 500) return `${res.status} ${res.text.slice(0, 200)}`;
  if (res.status < 400) return null;
  const error = (res.body as Partial<ErrorBody> | null)?.error;
  const shaped =
    typeof error?.code === 'string' &&
    typeof error.message === 'string' &&
    typeof error.requestId === 'string';
  return shaped ? null : `${res.status} not in the error shape: ${res.text.slice(0, 200)}`;
}

describe('the malformed-input corpus over the OpenAPI document', () => {
  it('no operation answers 5xx or leaves the error shape, whatever single defect its input has', async () => {
    const operations = corpus(doc);
    const cases = operations.flatMap(({ route, cases }) => cases.map((c) => ({ route, ...c })));
    // A corpus that shrinks to nothing would pass without testing anything.
    expect(operations.length).toBeGreaterThan(100);
    expect(cases.length).toBeGreaterThan(800);
    const failures: string[] = [];
    const send = async (c: MalformedCase & { route: string }) => {
      // Back-office routes as an operator admin; the cabinet and partner routes as the organization's owner.
      const client = c.url.startsWith('/api/v1/admin/') ? staff : customer;
      const res = await client.request(c.method, c.url, c.body);
      const problem = problemOf(res);
      if (problem) failures.push(`${c.route} — ${c.name}: ${problem}`);
    };
    const queue = [...cases];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) await send(c);
      }),
    );
    expect(failures).toEqual([]);
    // The sessions survived the corpus, so every case ran logged in.
    expect((await staff.get('/api/v1/auth/me')).status).toBe(200);
    expect((await customer.get('/api/v1/auth/me')).status).toBe(200);
  }, 120_000);
});

describe('NUL and lone surrogates (issue 8, items 6–7)', () => {
  it('a NUL in a profile name is 400 VALIDATION_ERROR naming the field', async () => {
    const res = await customer.patch<ErrorBody>('/api/v1/auth/me', { name: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/NUL.*\(name\)/);
    expect(res.body.error.details?.[0]?.path).toBe('name');
  });

  it('a NUL in the search `q` and in a path parameter is 400', async () => {
    const search = await customer.get<ErrorBody>('/api/v1/support/tickets?q=%00');
    expect(search.status).toBe(400);
    expect(search.body.error.details?.[0]?.path).toBe('q');
    const param = await staff.get<ErrorBody>(`/api/v1/admin/devices/${NIL_UUID}%00`);
    expect(param.status).toBe(400);
  });

  it('a lone surrogate in audited text is 400 and nothing is saved', async () => {
    const before = await customer.get<{ contactName: string }>('/api/v1/organization');
    const res = await customer.patch<ErrorBody>('/api/v1/organization', { contactName: 'Иван \ud800' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/суррогат.*\(contactName\)/);
    const after = await customer.get<{ contactName: string }>('/api/v1/organization');
    expect(after.body.contactName).toBe(before.body.contactName);
    // A well-formed pair (an emoji) is ordinary text.
    expect((await customer.patch('/api/v1/auth/me', { name: 'Иван 🙂' })).status).toBe(200);
  });

  it('the database refusing a NUL is recognised as input, and its log line holds no parameter', async () => {
    const secret = 'секрет-пользователя\u0000';
    const error = await t.db.execute(sql`select ${secret}::text as v`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isInputDataError(error)).toBe(true);
    expect(JSON.stringify(loggableDatabaseError(error))).not.toContain('секрет');
  });
});

describe('dates and URLs the schemas accept only when storable (issue 8, items 8, 11)', () => {
  it('year 0000 in the audit filter, a device and a product file is 400, never 500', async () => {
    const audit = await staff.get<ErrorBody>('/api/v1/admin/audit?from=0000-01-01');
    expect(audit.status).toBe(400);
    expect(audit.body.error.message).toMatch(/Год — от 1900 до 2999/);
    const device = await staff.patch<ErrorBody>(`/api/v1/admin/devices/${NIL_UUID}`, {
      subscriptionEnd: '0000-01-01',
    });
    expect(device.status).toBe(400);
    const file = await staff.patch<ErrorBody>(`/api/v1/admin/catalog/files/${NIL_UUID}`, {
      releasedOn: '0000-01-01',
    });
    expect(file.status).toBe(400);
    expect((await staff.get('/api/v1/admin/audit?from=2026-01-01&to=2026-12-31')).status).toBe(200);
  });

  it('an integrationUrl that is not a URL is 400 naming the field', async () => {
    for (const integrationUrl of ['http://[', 'не адрес', 'ftp://example.com']) {
      const res = await staff.post<ErrorBody>('/api/v1/admin/vendors', {
        name: 'Вендор',
        fullName: 'ООО «Вендор»',
        ogrn: '1067746394792',
        installMethod: 'automatic',
        integrationUrl,
      });
      expect(res.status, integrationUrl).toBe(400);
      expect(res.body.error.details?.map((d) => d.path)).toContain('integrationUrl');
    }
  });
});

describe('router and HTTP-parser errors in the one error shape (issue 8, item 12)', () => {
  it('a path parameter over the length limit is 414 URI_TOO_LONG', async () => {
    const res = await staff.get<ErrorBody>(`/api/v1/admin/devices/${'a'.repeat(2000)}`);
    expect(res.status).toBe(414);
    expect(res.body.error.code).toBe('URI_TOO_LONG');
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('a malformed percent-encoding in the path is 400 BAD_REQUEST', async () => {
    const res = await t.client().get<ErrorBody>('/api/v1/serial-numbers/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/кодировка/),
    });
  });

  it('an unknown route is 404 NOT_FOUND', async () => {
    const res = await t.client().get<ErrorBody>('/api/v1/no-such-route');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('oversized headers are 431 HEADERS_TOO_LARGE, answered on the raw socket', async () => {
    const { hostname, port } = new URL(t.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          `GET /api/v1/auth/me HTTP/1.1\r\nHost: ${hostname}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        );
      });
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    const parsed = JSON.parse(body) as ErrorBody;
    expect(parsed.error.code).toBe('HEADERS_TOO_LARGE');
    expect(parsed.error.message).toBe('Слишком большие заголовки запроса');
    expect(head.toLowerCase()).toContain(`x-request-id: ${parsed.error.requestId}`);
    expect(Buffer.byteLength(body)).toBe(Number(/content-length: (\d+)/i.exec(head)?.[1]));
  });
});
