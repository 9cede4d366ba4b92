import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../src/server/modules/api-tokens/schema';
import { users } from '../../src/server/modules/identity/schema';
import { licenses } from '../../src/server/modules/licenses/schema';
import type { AuditList } from '../../src/shared/api/admin';
import type { IntegrationTokenCreated, IntegrationTokenList } from '../../src/shared/api/integration-tokens';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createArticle, createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let admin: { id: string; email: string };
let staff: TestClient;
let org: { id: string };
let article: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  admin = await createUser(t.db, { staffRole: 'admin', name: 'Админ Интеграций' });
  staff = await t.loginAs(admin.email, PASSWORD);
  org = await createOrg(t.db);
  article = await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
});
afterAll(async () => t?.close());

async function createToken(permissions: string[], name = 'ERP'): Promise<IntegrationTokenCreated> {
  const res = await staff.post<IntegrationTokenCreated & ErrorBody>('/api/v1/admin/integration-tokens', {
    name,
    permissions,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A bare request over real HTTP: no cookie jar, no CSRF token, only the bearer header. */
async function bearer<T = unknown>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const issueBody = () => ({ organizationId: org.id, articleId: article.id, quantity: 2, serialsCount: 3 });

async function licenseTotal(): Promise<number> {
  return (await t.db.select({ id: licenses.id }).from(licenses).where(eq(licenses.organizationId, org.id)))
    .length;
}

describe('managing integration tokens', () => {
  it('an administrator creates a kbt_ token shown once, lists it without the secret, and the audit records it', async () => {
    const created = await createToken(['issueLicenses', 'readDirectory'], 'ERP «Склад»');
    expect(created.token).toMatch(/^kbt_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    expect(created.permissions).toEqual(['issueLicenses', 'readDirectory']);
    expect(created.createdBy).toEqual({ id: admin.id, name: 'Админ Интеграций', email: admin.email });

    const list = await staff.get<IntegrationTokenList>('/api/v1/admin/integration-tokens');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((item) => item.id === created.id);
    expect(listed).toMatchObject({ name: 'ERP «Склад»', prefix: created.prefix, revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.token);

    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(created.token.slice(4));

    const audit = await staff.get<AuditList>('/api/v1/admin/audit?action=integration_token.created');
    expect(audit.body.items.find((e) => e.entityId === created.id)).toMatchObject({
      actorEmail: admin.email,
      details: { name: 'ERP «Склад»', permissions: ['issueLicenses', 'readDirectory'] },
    });
  });

  it('validates the permissions in Russian: unknown ones, manageStaff, none at all', async () => {
    for (const permissions of [['issueLicenses', 'launchRockets'], ['manageStaff'], []]) {
      const res = await staff.post<ErrorBody>('/api/v1/admin/integration-tokens', { name: 'X', permissions });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(JSON.stringify(res.body.error.details)).toMatch(/[А-Яа-я]/);
    }
    const noName = await staff.post<ErrorBody>('/api/v1/admin/integration-tokens', {
      name: '  ',
      permissions: ['readDirectory'],
    });
    expect(JSON.stringify(noName.body.error.details)).toContain('Введите название токена');
  });

  it('only an administrator manages tokens: a manager gets 403', async () => {
    const manager = await createUser(t.db, { staffRole: 'manager' });
    const client = await t.loginAs(manager.email, PASSWORD);
    expect((await client.get('/api/v1/admin/integration-tokens')).status).toBe(403);
    const res = await client.post('/api/v1/admin/integration-tokens', {
      name: 'X',
      permissions: ['issueLicenses'],
    });
    expect(res.status).toBe(403);
  });
});

describe('Authorization: Bearer kbt_…', () => {
  it('issues licenses over real HTTP without a cookie or CSRF token; the audit shows the creator and the token', async () => {
    const created = await createToken(['issueLicenses']);
    const before = await licenseTotal();
    const res = await bearer<LicenseIssueResponse>(
      created.token,
      'POST',
      '/api/v1/admin/licenses/issue',
      issueBody(),
    );
    expect(res.status).toBe(201);
    expect(res.body.licenses).toHaveLength(3);
    expect(await licenseTotal()).toBe(before + 3);

    const audit = await staff.get<AuditList>(
      `/api/v1/admin/audit?action=licenses.issued&organizationId=${org.id}`,
    );
    const event = audit.body.items.find((e) => e.entityId === res.body.shipmentId);
    expect(event).toMatchObject({
      actorUserId: admin.id,
      actorEmail: admin.email,
      details: { serialsCount: 3, integrationToken: { id: created.id, name: 'ERP' } },
    });
  });

  it('a token without issueLicenses gets 403 on issuance, and its own permission still works', async () => {
    const reader = await createToken(['readDirectory']);
    const before = await licenseTotal();
    const res = await bearer<ErrorBody>(reader.token, 'POST', '/api/v1/admin/licenses/issue', issueBody());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.error.message).toContain('У токена интеграции нет нужного права');
    expect(await licenseTotal()).toBe(before);
    expect((await bearer(reader.token, 'GET', '/api/v1/admin/licenses')).status).toBe(200);
  });

  it('reaches nothing outside its permissions: other staff routes, the cabinet, the session, token management', async () => {
    const issuer = await createToken(['issueLicenses']);
    const refused: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/organizations'],
      ['GET', '/api/v1/admin/audit'],
      ['PATCH', `/api/v1/admin/users/${admin.id}`, { name: 'Взлом' }],
      ['GET', '/api/v1/licenses'],
      ['GET', '/api/v1/organization'],
      ['GET', '/api/v1/auth/me'],
      ['POST', '/api/v1/auth/password/change', { currentPassword: 'x', newPassword: 'new-password-1' }],
      ['GET', '/api/v1/admin/integration-tokens'],
      ['POST', '/api/v1/admin/integration-tokens', { name: 'Ещё', permissions: ['issueLicenses'] }],
      ['POST', `/api/v1/admin/integration-tokens/${issuer.id}/revoke`],
    ];
    for (const [method, path, body] of refused) {
      const res = await bearer<ErrorBody>(issuer.token, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const [user] = await t.db.select({ name: users.name }).from(users).where(eq(users.id, admin.id));
    expect(user?.name).toBe('Админ Интеграций');
    // Even a token that holds every grantable permission cannot act on staff accounts or mint tokens.
    const broad = await createToken(['readDirectory', 'editUsers', 'readAudit', 'issueLicenses']);
    expect((await bearer(broad.token, 'GET', '/api/v1/admin/users')).status).toBe(200);
    const staffEdit = await bearer<ErrorBody>(broad.token, 'PATCH', `/api/v1/admin/users/${admin.id}`, {
      name: 'Взлом',
    });
    expect(staffEdit.status).toBe(403);
    const mint = await bearer(broad.token, 'POST', '/api/v1/admin/integration-tokens', {
      name: 'Ещё',
      permissions: ['issueLicenses'],
    });
    expect(mint.status).toBe(403);
  });

  it('a revoked or unknown token answers 401 with a Russian message', async () => {
    const created = await createToken(['issueLicenses']);
    expect((await bearer(created.token, 'GET', '/api/v1/admin/licenses')).status).toBe(403);
    const revoked = await staff.post<{ revokedAt: string | null }>(
      `/api/v1/admin/integration-tokens/${created.id}/revoke`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const again = await staff.post<ErrorBody>(`/api/v1/admin/integration-tokens/${created.id}/revoke`);
    expect(again.body.error.code).toBe('CONFLICT');

    const before = await licenseTotal();
    const res = await bearer<ErrorBody>(created.token, 'POST', '/api/v1/admin/licenses/issue', issueBody());
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Токен интеграции недействителен или отозван',
    });
    expect(await licenseTotal()).toBe(before);

    for (const token of [`kbt_${'A'.repeat(43)}`, 'kbt_', `kbt_${'x'.repeat(500)}`]) {
      const unknown = await bearer<ErrorBody>(token, 'GET', '/api/v1/admin/licenses');
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.message).toBe('Токен интеграции недействителен или отозван');
    }
    const audit = await staff.get<AuditList>('/api/v1/admin/audit?action=integration_token.revoked');
    expect(audit.body.items.some((e) => e.entityId === created.id && e.actorEmail === admin.email)).toBe(
      true,
    );
  });

  it('a token stops working when its creator is blocked, and loses what a demoted creator lost', async () => {
    const creator = await createUser(t.db, { staffRole: 'admin' });
    const client = await t.loginAs(creator.email, PASSWORD);
    const res = await client.post<IntegrationTokenCreated>('/api/v1/admin/integration-tokens', {
      name: 'Аудит',
      permissions: ['readAudit', 'issueLicenses'],
    });
    const { token } = res.body;
    expect((await bearer(token, 'GET', '/api/v1/admin/audit')).status).toBe(200);
    await t.db.update(users).set({ staffRole: 'manager' }).where(eq(users.id, creator.id));
    expect((await bearer(token, 'GET', '/api/v1/admin/audit')).status).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/admin/licenses')).status).toBe(403);
    await t.db.update(users).set({ status: 'blocked' }).where(eq(users.id, creator.id));
    const blocked = await bearer<ErrorBody>(token, 'GET', '/api/v1/admin/audit');
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.message).toMatch(/создатель заблокирован/);
  });

  it('a session cookie with a bearer token is still held to CSRF, and the pair is refused', async () => {
    const created = await createToken(['issueLicenses']);
    const before = await licenseTotal();
    for (const token of [created.token, `kbt_${'F'.repeat(43)}`]) {
      const noCsrf = await staff.post<ErrorBody>('/api/v1/admin/licenses/issue', issueBody(), {
        csrf: false,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(noCsrf.status).toBe(403);
      expect(noCsrf.body.error.code).toBe('CSRF_FAILED');
      const withCsrf = await staff.post<ErrorBody>('/api/v1/admin/licenses/issue', issueBody(), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withCsrf.status).toBe(400);
      expect(withCsrf.body.error.message).toContain('cookie');
    }
    // A stale or forged cookie next to a valid token is refused too, CSRF or not.
    const forgedCookie = await bearer<ErrorBody>(
      created.token,
      'POST',
      '/api/v1/admin/licenses/issue',
      issueBody(),
      {
        cookie: 'kabinet_session=forged',
      },
    );
    expect(forgedCookie.status).toBe(400);
    expect(await licenseTotal()).toBe(before);
  });

  it('last use is recorded at most once a minute', async () => {
    const created = await createToken(['readDirectory']);
    const lastUsed = async () =>
      (await t.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, created.id)))[0]
        ?.at ?? null;
    expect(await lastUsed()).toBeNull();
    await bearer(created.token, 'GET', '/api/v1/admin/licenses');
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await bearer(created.token, 'GET', '/api/v1/admin/licenses');
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await t.db.update(apiTokens).set({ lastUsedAt: longAgo }).where(eq(apiTokens.id, created.id));
    await bearer(created.token, 'GET', '/api/v1/admin/licenses');
    expect((await lastUsed())?.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
  });

  it('product activation tokens (kbp_) stay separate: a kbt_ token is not one, nor the other way round', async () => {
    const created = await createToken(['issueLicenses']);
    const report = await bearer<ErrorBody>(created.token, 'POST', '/api/v1/activation-reports', {
      serial: '21-AO-19619913021-266-0001',
      activated: 1,
    });
    expect(report.status).toBe(401);
    const productToken = await staff.post<{ token: string }>('/api/v1/admin/catalog/products/AO/api-tokens', {
      name: 'Сервер активации',
    });
    expect(productToken.status).toBe(201);
    const asStaff = await bearer<ErrorBody>(productToken.body.token, 'GET', '/api/v1/admin/licenses');
    expect(asStaff.status).toBe(401);
  });
});
