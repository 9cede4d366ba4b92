import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

type Err = { error: { code: string } };

const NIL = '00000000-0000-4000-8000-000000000000';
const ARTICLE_CODES = Object.entries({
  product: 'AO',
  version: '1',
  subscriptionType: '9',
  agreement: '6',
  licenseType: '1',
  period: '99',
  deliveryForm: '1',
  support: '30',
});

/**
 * Every route behind a login, with a body that passes validation, so the only reason to refuse is who asks.
 * Later modules add their routes to this table.
 */
const AUTHENTICATED_ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', '/api/v1/auth/me'],
  ['PATCH', '/api/v1/auth/me', { name: 'X' }],
  ['GET', '/api/v1/auth/sessions'],
  ['POST', '/api/v1/auth/logout-all'],
  ['POST', '/api/v1/auth/password/change', { currentPassword: 'x', newPassword: 'new-password-1' }],
  ['POST', '/api/v1/auth/two-factor/setup'],
  ['POST', '/api/v1/auth/active-organization', { organizationId: '00000000-0000-4000-8000-000000000000' }],
  ['GET', '/api/v1/organization'],
  ['PATCH', '/api/v1/organization', { contactName: 'X' }],
  ['GET', '/api/v1/organization/members'],
  ['GET', '/api/v1/admin/organizations'],
  ['GET', '/api/v1/admin/users'],
  ['GET', '/api/v1/admin/audit'],
  ['GET', '/api/v1/admin/mail'],
  // Partner reference data (seed 002): vendors, registry, license types, offer, partner terms.
  ['GET', '/api/v1/admin/vendors'],
  [
    'POST',
    '/api/v1/admin/vendors',
    { name: 'X', fullName: 'X', ogrn: '1067746394792', installMethod: 'file' },
  ],
  ['GET', `/api/v1/admin/vendors/${NIL}`],
  [
    'PUT',
    `/api/v1/admin/vendors/${NIL}`,
    { name: 'X', fullName: 'X', ogrn: '1067746394792', installMethod: 'file' },
  ],
  ['POST', `/api/v1/admin/vendors/${NIL}/models`, { name: 'X' }],
  ['PUT', `/api/v1/admin/device-models/${NIL}`, { name: 'X' }],
  ['GET', '/api/v1/admin/devices'],
  ['GET', `/api/v1/admin/devices/${NIL}`],
  ['PATCH', `/api/v1/admin/devices/${NIL}`, { subscriptionEnd: null }],
  ['POST', '/api/v1/admin/devices/imports?fileName=x.csv', {}],
  ['GET', '/api/v1/admin/devices/imports'],
  ['GET', `/api/v1/admin/devices/imports/${NIL}`],
  ['GET', '/api/v1/admin/license-types'],
  ['POST', '/api/v1/admin/license-types', { vendorId: NIL, name: 'X', termMonths: 12, vatMode: 'exempt' }],
  ['GET', `/api/v1/admin/license-types/${NIL}`],
  [
    'PUT',
    `/api/v1/admin/license-types/${NIL}`,
    { vendorId: NIL, name: 'X', termMonths: 12, vatMode: 'exempt' },
  ],
  [
    'POST',
    `/api/v1/admin/license-types/${NIL}/prices`,
    { validFrom: '2030-01-01', partnerPriceKopecks: 1, retailPriceKopecks: 1 },
  ],
  ['DELETE', `/api/v1/admin/license-types/${NIL}/prices/${NIL}`],
  ['GET', '/api/v1/admin/offers'],
  ['POST', '/api/v1/admin/offers', { title: 'X', url: 'https://example.com/oferta' }],
  ['GET', `/api/v1/admin/offers/${NIL}`],
  ['PUT', `/api/v1/admin/offers/${NIL}`, { title: 'X', url: 'https://example.com/oferta' }],
  ['POST', `/api/v1/admin/offers/${NIL}/publish`, {}],
  ['GET', `/api/v1/admin/offers/${NIL}/acceptances`],
  ['GET', `/api/v1/admin/organizations/${NIL}/partner-terms`],
  [
    'PUT',
    `/api/v1/admin/organizations/${NIL}/partner-terms`,
    { mayActivate: true, paymentMode: 'prepayment', postpaymentDays: null, accountId: null },
  ],
  ['GET', '/api/v1/admin/partner-accounts'],
  ['POST', '/api/v1/admin/partner-accounts', { name: 'X' }],
  // Partner activations (seed 002, 2.1–2.5) and their back office.
  ['GET', '/api/v1/partner/organizations'],
  ['GET', `/api/v1/partner/organizations/${NIL}/offer`],
  ['POST', `/api/v1/partner/organizations/${NIL}/offer/accept`, { versionId: NIL }],
  ['GET', '/api/v1/partner/info'],
  ['POST', '/api/v1/partner/activations/check', { organizationId: NIL, serials: ['0124230115000230'] }],
  ['POST', '/api/v1/partner/activations', { organizationId: NIL, serials: ['0124230115000230'] }],
  ['GET', '/api/v1/partner/activations'],
  ['GET', '/api/v1/partner/activations/sample-file'],
  ['GET', `/api/v1/partner/activations/${NIL}`],
  ['GET', `/api/v1/partner/activations/${NIL}/items`],
  ['GET', `/api/v1/partner/activations/${NIL}/license-file`],
  ['POST', `/api/v1/partner/activations/${NIL}/retry`],
  ['PUT', `/api/v1/partner/activations/${NIL}/comment`, { comment: 'X' }],
  ['GET', '/api/v1/admin/activations'],
  ['GET', `/api/v1/admin/activations/${NIL}`],
  ['GET', `/api/v1/admin/activations/${NIL}/items`],
  ['POST', `/api/v1/admin/activations/${NIL}/retry`],
  ['GET', '/api/v1/offers/current'],
  ['POST', '/api/v1/offers/current/accept', { versionId: NIL }],
  ['GET', '/api/v1/licenses'],
  ['GET', `/api/v1/licenses/${NIL}`],
  ['GET', '/api/v1/products'],
  ['GET', '/api/v1/admin/licenses'],
  ['GET', `/api/v1/admin/licenses/${NIL}`],
  [
    'POST',
    '/api/v1/admin/licenses/issue',
    { organizationId: NIL, articleId: NIL, quantity: 1, serialsCount: 1 },
  ],
  ['POST', `/api/v1/admin/licenses/${NIL}/activations`, { count: 1 }],
  ['POST', '/api/v1/admin/licenses/import', { csv: 'x' }],
  ['GET', '/api/v1/admin/catalog/code-tables'],
  ['POST', '/api/v1/admin/catalog/code-tables/product/codes', { code: 'ZZ', name: 'X' }],
  ['PATCH', '/api/v1/admin/catalog/code-tables/product/codes/AD', { name: 'X' }],
  ['POST', '/api/v1/admin/catalog/code-tables/product/codes/AD/retire'],
  ['GET', '/api/v1/admin/catalog/products'],
  ['PUT', '/api/v1/admin/catalog/products/AD', { name: 'X' }],
  ['GET', '/api/v1/admin/catalog/products/AD/api-tokens'],
  ['POST', '/api/v1/admin/catalog/products/AD/api-tokens', { name: 'X' }],
  ['POST', `/api/v1/admin/catalog/api-tokens/${NIL}/revoke`],
  ['GET', '/api/v1/admin/integration-tokens'],
  ['POST', '/api/v1/admin/integration-tokens', { name: 'X', permissions: ['issueLicenses'] }],
  ['POST', `/api/v1/admin/integration-tokens/${NIL}/revoke`],
  ['GET', '/api/v1/admin/catalog/articles'],
  [
    'POST',
    '/api/v1/admin/catalog/articles',
    { ...Object.fromEntries(ARTICLE_CODES), name: 'X', priceKopecks: 1 },
  ],
  ['PATCH', `/api/v1/admin/catalog/articles/${NIL}`, { name: 'X' }],
  ['DELETE', `/api/v1/admin/catalog/articles/${NIL}`],
  ['GET', '/api/v1/admin/catalog/products/AD/files'],
  ['POST', '/api/v1/admin/catalog/products/AD/files', { kind: 'document', title: 'X' }],
  ['PATCH', `/api/v1/admin/catalog/files/${NIL}`, { title: 'X' }],
  ['POST', `/api/v1/admin/catalog/files/${NIL}/withdraw`],
  ['POST', `/api/v1/admin/catalog/files/${NIL}/restore`],
  ['GET', `/api/v1/admin/catalog/files/${NIL}/download`],
  ['GET', '/api/v1/downloads'],
  ['GET', '/api/v1/information'],
  ['GET', `/api/v1/files/${NIL}/download`],
  ['GET', '/api/v1/support/contacts'],
  ['GET', '/api/v1/support/tickets'],
  ['POST', '/api/v1/support/tickets', { serial: '21-AO-19619913021-266-3388', subject: 'X', body: 'X' }],
  ['GET', `/api/v1/support/tickets/${NIL}`],
  ['POST', `/api/v1/support/tickets/${NIL}/messages`, { body: 'X' }],
  ['POST', `/api/v1/support/tickets/${NIL}/close`],
  ['GET', '/api/v1/admin/support/tickets'],
  ['GET', `/api/v1/admin/support/tickets/${NIL}`],
  ['POST', `/api/v1/admin/support/tickets/${NIL}/messages`, { body: 'X' }],
  ['POST', `/api/v1/admin/support/tickets/${NIL}/assign`],
  ['POST', `/api/v1/admin/support/tickets/${NIL}/close`],
  ['POST', `/api/v1/admin/support/tickets/${NIL}/reopen`],
  [
    'PUT',
    '/api/v1/admin/portal-info',
    {
      operatorName: 'X',
      about: '',
      phone: '',
      email: '',
      address: '',
      website: '',
      techLeadName: '',
      techLeadPhone: '',
      techLeadEmail: '',
    },
  ],
];

describe('no session → 401', () => {
  it.each(AUTHENTICATED_ROUTES)('%s %s', async (method, path, body) => {
    const res = await t.client().request<Err>(method, path, body);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('tenancy', () => {
  it("another organization's objects answer 404, never their data", async () => {
    const mine = await createOrg(t.db);
    const theirs = await createOrg(t.db);
    const user = await createUser(t.db, { memberOf: [[mine.id, 'owner']] });
    const client = await t.loginAs(user.email, PASSWORD);
    const res = await client.post<Err>('/api/v1/auth/active-organization', { organizationId: theirs.id });
    expect(res.status).toBe(404);
    const org = await client.get<{ id: string; inn: string }>('/api/v1/organization');
    expect(org.body.id).toBe(mine.id);
    // Customers never reach the back office, where other tenants live.
    expect((await client.get(`/api/v1/admin/organizations/${theirs.id}`)).status).toBe(403);
  });

  it('a member without the role gets 403 on role-gated routes', async () => {
    const org = await createOrg(t.db);
    for (const role of ['member', 'viewer', 'accountant'] as const) {
      const user = await createUser(t.db, { memberOf: [[org.id, role]] });
      const client = await t.loginAs(user.email, PASSWORD);
      expect((await client.get<Err>('/api/v1/organization/members')).body.error.code).toBe('FORBIDDEN');
      expect((await client.patch('/api/v1/organization', { contactName: 'Взломщик' })).status).toBe(403);
      expect((await client.get('/api/v1/organization')).status).toBe(200);
    }
  });

  it('a blocked organization shuts its cabinet but not the user account', async () => {
    const org = await createOrg(t.db);
    const user = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const client = await t.loginAs(user.email, PASSWORD);
    const staff = await t.loginAs(admin.email, PASSWORD);
    expect((await staff.post(`/api/v1/admin/organizations/${org.id}/block`)).status).toBe(200);
    expect((await client.get<Err>('/api/v1/organization')).body.error.code).toBe('ORGANIZATION_BLOCKED');
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await staff.post(`/api/v1/admin/organizations/${org.id}/unblock`)).status).toBe(200);
    expect((await client.get('/api/v1/organization')).status).toBe(200);
  });
});

describe('staff roles', () => {
  it('customers get 403 in the back office; support reads but cannot edit', async () => {
    const org = await createOrg(t.db);
    const customer = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const support = await createUser(t.db, { staffRole: 'support' });
    const c = await t.loginAs(customer.email, PASSWORD);
    const s = await t.loginAs(support.email, PASSWORD);
    expect((await c.get('/api/v1/admin/organizations')).status).toBe(403);
    expect((await s.get('/api/v1/admin/organizations')).status).toBe(200);
    expect((await s.patch(`/api/v1/admin/organizations/${org.id}`, { contactName: 'X' })).status).toBe(403);
    expect((await s.get('/api/v1/admin/audit')).status).toBe(403);
    expect((await s.post(`/api/v1/admin/users/${customer.id}/password-reset`)).status).toBe(200);
  });

  it('only an admin creates or changes operator staff', async () => {
    const manager = await createUser(t.db, { staffRole: 'manager' });
    const m = await t.loginAs(manager.email, PASSWORD);
    const res = await m.post<Err>('/api/v1/admin/users', {
      email: 'new-staff@example.test',
      name: 'Новый',
      staffRole: 'admin',
      password: 'long-password-1',
    });
    expect(res.status).toBe(403);
    expect((await m.patch(`/api/v1/admin/users/${manager.id}`, { staffRole: 'admin' })).status).toBe(403);
  });
});

describe('CSRF and Origin', () => {
  it('refuses a state-changing request without the CSRF token or from a foreign origin', async () => {
    const user = await createUser(t.db);
    const client = await t.loginAs(user.email, PASSWORD);
    const missing = await client.patch<Err>('/api/v1/auth/me', { name: 'Без токена' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_FAILED');
    const foreign = await client.request<Err>(
      'PATCH',
      '/api/v1/auth/me',
      { name: 'Чужой сайт' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(foreign.status).toBe(403);
    const login = await t
      .client()
      .post<Err>(
        '/api/v1/auth/login',
        { email: user.email, password: PASSWORD },
        { headers: { origin: 'https://evil.example' } },
      );
    expect(login.status).toBe(403);
    expect((await client.patch('/api/v1/auth/me', { name: 'С токеном' })).status).toBe(200);
  });
});

describe('errors', () => {
  it('answers unknown API paths, malformed JSON and bad input in the one error shape', async () => {
    const unknown = await t
      .client()
      .get<{ error: { code: string; message: string; requestId: string } }>('/api/v1/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.requestId).toBe(unknown.headers.get('x-request-id'));
    const malformed = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Err).error.code).toBe('BAD_REQUEST');
    const invalid = await t
      .client()
      .post<{ error: { code: string; details: Array<{ path: string }> } }>('/api/v1/auth/login', {
        email: 'not-an-email',
        password: 'x',
      });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0]?.path).toBe('email');
  });
});

describe('review findings', () => {
  it('support cannot send a reset link to operator staff, and sees reset links masked in «Почта»', async () => {
    const support = await createUser(t.db, { staffRole: 'support' });
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const customer = await createUser(t.db);
    const s = await t.loginAs(support.email, PASSWORD);
    expect((await s.post<Err>(`/api/v1/admin/users/${admin.id}/password-reset`)).status).toBe(403);
    expect((await s.post(`/api/v1/admin/users/${customer.id}/password-reset`)).status).toBe(200);
    const list = await s.get<{ items: Array<{ id: string; to: string[] }> }>(
      `/api/v1/admin/mail?q=${encodeURIComponent(customer.email)}`,
    );
    const mailId = list.body.items[0]?.id;
    const asSupport = await s.get<{ text: string; html: string }>(`/api/v1/admin/mail/${mailId}`);
    expect(asSupport.body.text).toContain('token=••••••');
    expect(asSupport.body.html).not.toMatch(/token=[\w-]{20,}/);
    const a = await t.loginAs(admin.email, PASSWORD);
    expect((await a.get<{ text: string }>(`/api/v1/admin/mail/${mailId}`)).body.text).toMatch(
      /token=[\w-]{20,}/,
    );
  });

  it('a percent-encoded path does not skip the CSRF check', async () => {
    const user = await createUser(t.db);
    const client = await t.loginAs(user.email, PASSWORD);
    const res = await client.request<Err>('POST', '/%61pi/v1/auth/logout-all', {}, { csrf: false });
    expect(res.status).toBe(403);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('wrong current passwords count towards the lockout', async () => {
    const user = await createUser(t.db);
    const client = await t.loginAs(user.email, PASSWORD);
    for (let i = 0; i < 5; i++) {
      const res = await client.post<Err>('/api/v1/auth/password/change', {
        currentPassword: `guess-${i}`,
        newPassword: 'new-password-1',
      });
      expect(res.body.error.code).toBe('WRONG_PASSWORD');
    }
    const locked = await client.post<Err>('/api/v1/auth/password/change', {
      currentPassword: PASSWORD,
      newPassword: 'new-password-1',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
  });
});
