import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderForActivation } from '../../src/server/modules/orders/create-order';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import type { ErrorBody, TestClient, TestResponse } from '../helpers/client';
import { createArticle, createOrg, createUser, organizationInput, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';
import {
  createCatalog,
  insertDoneActivation,
  LICENSE_NAME,
  makePartner,
  publishOffer,
} from '../helpers/partner-factories';

type Operation = { security?: Array<Record<string, string[]>> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

let t: TestApp;
/** Every operation of the live OpenAPI document, as `METHOD /path/{param}`, with its security schemes. */
let operations: Array<{ key: string; method: string; path: string; schemes: string[] }>;
beforeAll(async () => {
  t = await startTestApp();
  const doc = await t.client().get<OpenApiDocument>('/api/docs/json');
  expect(doc.status).toBe(200);
  operations = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        schemes: (op.security ?? []).flatMap((requirement) => Object.keys(requirement)),
      })),
  );
});
afterAll(async () => t?.close());

const METHODS = new Set(['get', 'head', 'post', 'put', 'patch', 'delete']);
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
 * Who an operation is for. The guards write the OpenAPI `security` of each route (src/server/http/auth.ts:
 * `session`, also `integrationToken` for the back office; the token routes name `productToken` or
 * `vendorToken`), and the path names the audience: `/api/v1/admin/…` is the back office (`staffOnly`),
 * `/api/v1/partner/…` the partner cabinet (`partnerOnly`), the rest of the session routes the customer
 * cabinet (`tenantOnly`).
 */
type Audience = 'public' | 'session' | 'member' | 'partner' | 'staff' | 'productToken' | 'vendorToken';

/**
 * The operations whose OpenAPI names no security, each with who it is for and why. A new operation without a
 * security marker fails the matrix until it gets a guard or a row here.
 */
const UNMARKED: Record<string, [Audience, string]> = {
  'GET /healthz': ['public', 'liveness probe'],
  'GET /readyz': ['public', 'readiness probe'],
  'GET /api/v1/portal-info': ['public', 'the operator’s contacts on the login page'],
  'POST /api/v1/auth/login': ['public', 'the way in'],
  'POST /api/v1/auth/login/two-factor': [
    'public',
    'second login step; a half-logged-in session is not a login',
  ],
  'POST /api/v1/auth/logout': ['public', 'idempotent: without a session there is nothing to end'],
  'POST /api/v1/auth/password/forgot': ['public', 'reset link by e-mail, answers alike for any address'],
  'GET /api/v1/auth/password/reset/{token}': ['public', 'the reset link itself is the credential'],
  'POST /api/v1/auth/password/reset': ['public', 'the reset token in the body is the credential'],
  'GET /api/v1/catalog/code-tables': ['public', 'reference data of the serial decoder (seed 000)'],
  'GET /api/v1/serial-numbers/{serial}': ['public', 'stable contract: the public serial decoder'],
  'GET /api/v1/license-keys': ['public', 'stable contract: the license-signing public keys'],
  // identity/routes.ts checks the session in the handler (requireAuth), so no guard documents it.
  'POST /api/v1/auth/logout-all': ['session', 'own sessions'],
  'GET /api/v1/auth/me': ['session', 'own account'],
  'PATCH /api/v1/auth/me': ['session', 'own account'],
  'POST /api/v1/auth/active-organization': ['session', 'own memberships'],
  'POST /api/v1/auth/password/change': ['session', 'own password'],
  'GET /api/v1/auth/sessions': ['session', 'own sessions'],
  'DELETE /api/v1/auth/sessions/{id}': ['session', 'own sessions'],
  'POST /api/v1/auth/two-factor/setup': ['session', 'own second factor'],
  'POST /api/v1/auth/two-factor/enable': ['session', 'own second factor'],
  'POST /api/v1/auth/two-factor/disable': ['session', 'own second factor'],
};

function audienceOf(op: { key: string; path: string; schemes: string[] }): Audience | undefined {
  if (op.schemes.length === 0) return UNMARKED[op.key]?.[0];
  if (op.schemes.includes('productToken')) return 'productToken';
  if (op.schemes.includes('vendorToken')) return 'vendorToken';
  if (!op.schemes.includes('session')) return undefined;
  if (op.path.startsWith('/api/v1/admin/')) return 'staff';
  if (op.path.startsWith('/api/v1/partner/')) return 'partner';
  return 'member';
}

/** Path parameters that pass validation; the security answers come before any lookup. */
const PARAMS: Record<string, string> = {
  id: NIL,
  organizationId: NIL,
  priceId: NIL,
  tokenId: NIL,
  userId: NIL,
  code: 'AD',
  table: 'product',
  kind: 'invoice',
  serial: '0124230115000230',
  token: 'x',
};

/**
 * Request bodies (and a query where one is required) that pass validation, so the only reason to refuse is
 * who asks. Operations not listed send none.
 */
const REQUESTS: Record<string, { body?: unknown; query?: string }> = {
  'PATCH /api/v1/auth/me': { body: { name: 'X' } },
  'POST /api/v1/auth/password/change': { body: { currentPassword: 'x', newPassword: 'new-password-1' } },
  'POST /api/v1/auth/active-organization': { body: { organizationId: NIL } },
  'POST /api/v1/auth/two-factor/enable': { body: { code: '123456' } },
  'POST /api/v1/auth/two-factor/disable': { body: { password: 'x' } },
  'PATCH /api/v1/organization': { body: { contactName: 'X' } },
  'POST /api/v1/admin/organizations': { body: organizationInput() },
  'PATCH /api/v1/admin/organizations/{id}': { body: { contactName: 'X' } },
  'POST /api/v1/admin/organizations/{id}/members': { body: { email: 'x@example.test', role: 'member' } },
  'PATCH /api/v1/admin/organizations/{id}/members/{userId}': { body: { role: 'member' } },
  'POST /api/v1/admin/users': { body: { email: 'x@example.test', name: 'X' } },
  'PATCH /api/v1/admin/users/{id}': { body: { name: 'X' } },
  'POST /api/v1/activation-reports': { body: { serial: 'x', activated: 1 } },
  'POST /api/v1/admin/orders/{id}/payments': { body: { paidOn: '2026-01-01', reference: 'X' } },
  'PUT /api/v1/admin/licensor': {
    body: {
      shortName: 'X',
      fullName: 'X',
      inn: '7701234567',
      kpp: '',
      ogrn: '1187746057322',
      address: 'X',
      phone: '',
      bankName: 'X',
      bik: '044525225',
      correspondentAccount: '30101810400000000225',
      settlementAccount: '40702810200000012345',
      director: 'X',
      accountant: 'X',
      invoicePrefix: 'ПГ-',
    },
  },
  'POST /api/v1/admin/vendors/{id}/tokens': { body: { name: 'X' } },
  'POST /api/v1/admin/vendors': {
    body: { name: 'X', fullName: 'X', ogrn: '1067746394792', installMethod: 'file' },
  },
  'PUT /api/v1/admin/vendors/{id}': {
    body: { name: 'X', fullName: 'X', ogrn: '1067746394792', installMethod: 'file' },
  },
  'POST /api/v1/admin/vendors/{id}/models': { body: { name: 'X' } },
  'PUT /api/v1/admin/device-models/{id}': { body: { name: 'X' } },
  'PATCH /api/v1/admin/devices/{id}': { body: { subscriptionEnd: null } },
  'POST /api/v1/admin/devices/imports': { body: {}, query: 'fileName=x.csv' },
  'POST /api/v1/admin/license-types': {
    body: { vendorId: NIL, name: 'X', termMonths: 12, vatMode: 'exempt' },
  },
  'PUT /api/v1/admin/license-types/{id}': {
    body: { vendorId: NIL, name: 'X', termMonths: 12, vatMode: 'exempt' },
  },
  'POST /api/v1/admin/license-types/{id}/prices': {
    body: { validFrom: '2030-01-01', partnerPriceKopecks: 1, retailPriceKopecks: 1 },
  },
  'POST /api/v1/admin/offers': { body: { title: 'X', url: 'https://example.com/oferta' } },
  'PUT /api/v1/admin/offers/{id}': { body: { title: 'X', url: 'https://example.com/oferta' } },
  'POST /api/v1/admin/offers/{id}/publish': { body: {} },
  'PUT /api/v1/admin/organizations/{id}/partner-terms': {
    body: { mayActivate: true, paymentMode: 'prepayment', postpaymentDays: null, accountId: null },
  },
  'POST /api/v1/admin/partner-accounts': { body: { name: 'X' } },
  'POST /api/v1/partner/organizations/{organizationId}/offer/accept': { body: { versionId: NIL } },
  'POST /api/v1/partner/activations/check': { body: { organizationId: NIL, serials: ['0124230115000230'] } },
  'POST /api/v1/partner/activations': { body: { organizationId: NIL, serials: ['0124230115000230'] } },
  'PUT /api/v1/partner/activations/{id}/comment': { body: { comment: 'X' } },
  'POST /api/v1/offers/current/accept': { body: { versionId: NIL } },
  'POST /api/v1/admin/licenses/issue': {
    body: { organizationId: NIL, articleId: NIL, quantity: 1, serialsCount: 1 },
  },
  'POST /api/v1/admin/licenses/{id}/activations': { body: { count: 1 } },
  'POST /api/v1/admin/licenses/import': { body: { csv: 'x' } },
  'POST /api/v1/admin/catalog/code-tables/{table}/codes': { body: { code: 'ZZ', name: 'X' } },
  'PATCH /api/v1/admin/catalog/code-tables/{table}/codes/{code}': { body: { name: 'X' } },
  'PUT /api/v1/admin/catalog/products/{code}': { body: { name: 'X' } },
  'POST /api/v1/admin/catalog/products/{code}/api-tokens': { body: { name: 'X' } },
  'POST /api/v1/admin/integration-tokens': { body: { name: 'X', permissions: ['issueLicenses'] } },
  'POST /api/v1/admin/catalog/articles': {
    body: { ...Object.fromEntries(ARTICLE_CODES), name: 'X', priceKopecks: 1 },
  },
  'PATCH /api/v1/admin/catalog/articles/{id}': { body: { name: 'X' } },
  'POST /api/v1/admin/catalog/products/{code}/files': { body: { kind: 'document', title: 'X' } },
  'PATCH /api/v1/admin/catalog/files/{id}': { body: { title: 'X' } },
  'POST /api/v1/support/tickets': {
    body: { serial: '21-AO-19619913021-266-3388', subject: 'X', body: 'X' },
  },
  'POST /api/v1/support/tickets/{id}/messages': { body: { body: 'X' } },
  'POST /api/v1/admin/support/tickets/{id}/messages': { body: { body: 'X' } },
  'PUT /api/v1/admin/portal-info': {
    body: {
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
  },
};

/** Sends the operation with its validating body, the path parameters taken from `params`. */
function send(
  client: TestClient,
  op: { key: string; method: string; path: string },
  params: Record<string, string> = PARAMS,
): Promise<TestResponse<ErrorBody>> {
  const request = REQUESTS[op.key];
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? PARAMS[name];
    if (value === undefined) throw new Error(`${op.key}: no test value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const url = request?.query ? `${path}?${request.query}` : path;
  return client.request<ErrorBody>(op.method, url, request?.body);
}

/** `[operation, answer]` for every operation whose answer differs from the expected one. */
async function mismatches(
  ops: Array<{ key: string; method: string; path: string }>,
  ask: (op: { key: string; method: string; path: string }) => Promise<TestResponse<ErrorBody>>,
  expected: (op: { key: string }) => string,
): Promise<Array<[string, string]>> {
  const wrong: Array<[string, string]> = [];
  for (const op of ops) {
    const res = await ask(op);
    // HEAD answers carry no body, so only their status is compared.
    const answer = op.key.startsWith('HEAD ') ? `${res.status}` : `${res.status} ${res.body?.error?.code}`;
    const want = expected(op);
    if (answer !== (op.key.startsWith('HEAD ') ? want.split(' ')[0] : want)) wrong.push([op.key, answer]);
  }
  return wrong;
}

const protectedOps = () => operations.filter((op) => audienceOf(op) !== 'public');

describe('the security matrix covers every operation of the OpenAPI document', () => {
  it('every operation is guarded or listed with a reason, and every listed one still exists', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.filter((op) => audienceOf(op) === undefined).map((op) => op.key)).toEqual([]);
    const keys = new Set(operations.map((op) => op.key));
    expect(Object.keys(UNMARKED).filter((key) => !keys.has(key))).toEqual([]);
    expect(Object.keys(REQUESTS).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('no credentials → 401 UNAUTHENTICATED on every protected operation', async () => {
    const anonymous = t.client();
    expect(
      await mismatches(
        protectedOps(),
        (op) => send(anonymous, op),
        () => '401 UNAUTHENTICATED',
      ),
    ).toEqual([]);
  });
});

describe('a customer session outside the customer cabinet', () => {
  it('customers get 403 on every back-office operation', async () => {
    const org = await createOrg(t.db);
    const owner = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const customer = await t.loginAs(owner.email, PASSWORD);
    const staffOps = operations.filter((op) => audienceOf(op) === 'staff');
    expect(
      await mismatches(
        staffOps,
        (op) => send(customer, op),
        () => '403 FORBIDDEN',
      ),
    ).toEqual([]);
  });

  it('a customer outside the partner program reaches no partner object', async () => {
    const org = await createOrg(t.db);
    const owner = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const customer = await t.loginAs(owner.email, PASSWORD);
    const partnerOps = operations.filter((op) => audienceOf(op) === 'partner');
    const lists: unknown[] = [];
    const ask = async (op: { key: string; method: string; path: string }) => {
      const res = await send(customer, op);
      if (EMPTY_LISTS.has(op.key)) lists.push(res.body);
      return res;
    };
    expect(
      await mismatches(partnerOps, ask, (op) => PARTNER_FOR_A_CUSTOMER[op.key]?.[0] ?? '404 NOT_FOUND'),
    ).toEqual([]);
    expect(lists).toHaveLength(3);
    for (const list of lists) expect(list).toMatchObject({ items: [] });
  });
});

/** The partner lists, empty for a scope without organizations. */
const EMPTY_LISTS = new Set([
  'GET /api/v1/partner/organizations',
  'GET /api/v1/partner/activations',
  'GET /api/v1/partner/orders',
]);

/**
 * What a customer outside the partner program gets in the partner cabinet where it is not 404 (auth.ts
 * `partnerOnly`): the scope has no organization, so lists are empty and every object or organization answers
 * 404 — the routes never tell a partner's objects from missing ones.
 */
const PARTNER_FOR_A_CUSTOMER: Record<string, [answer: string, reason: string]> = {
  'GET /api/v1/partner/organizations': ['200 undefined', 'the organizations of the scope: none'],
  'GET /api/v1/partner/activations': ['200 undefined', 'the activations of the scope: none'],
  'GET /api/v1/partner/orders': ['200 undefined', 'the orders of the scope: none'],
  'GET /api/v1/partner/activations/sample-file': ['200 undefined', 'the sample CSV holds no tenant data'],
  'GET /api/v1/partner/info': ['403 FORBIDDEN', 'the partner program’s page says who may use it'],
};

/**
 * Operations with an object in the path that the tenant check does not apply to, with the reason. Every other
 * operation of the customer or partner cabinet that names an object must answer 404 for another tenant's one.
 */
const NOT_TENANT_OBJECTS: Record<string, string> = {
  'GET /api/v1/files/{id}/download':
    'files belong to the operator’s products, not to a tenant: downloads.test.ts checks the 404 for an unlicensed organization',
  'HEAD /api/v1/files/{id}/download': 'as GET',
};

describe("another tenant's object in the path → 404", () => {
  /** Path parameters naming real objects of the other organization, by the path they appear in. */
  let foreign: Array<[prefix: string, params: Record<string, string>]>;
  let mine: TestClient;
  let theirs: TestClient;

  beforeAll(async () => {
    const staff = await t.loginAs((await createUser(t.db, { staffRole: 'admin' })).email, PASSWORD);
    const article = await createArticle(t.db);
    const catalog = await createCatalog(t.db);
    const offerId = await publishOffer(t.db);
    const [myOrg, theirOrg] = [
      await createOrg(t.db, { programs: ['licenses', 'partner'] }),
      await createOrg(t.db, { programs: ['licenses', 'partner'] }),
    ];
    for (const org of [myOrg, theirOrg]) await makePartner(t.db, { organizationId: org.id, offerId });
    const me = await createUser(t.db, { memberOf: [[myOrg.id, 'owner']] });
    const they = await createUser(t.db, { memberOf: [[theirOrg.id, 'owner']] });
    mine = await t.loginAs(me.email, PASSWORD);
    theirs = await t.loginAs(they.email, PASSWORD);

    const issued = await staff.post<LicenseIssueResponse>('/api/v1/admin/licenses/issue', {
      organizationId: theirOrg.id,
      articleId: article.id,
      quantity: 1,
      serialsCount: 1,
    });
    expect(issued.status).toBe(201);
    const license = issued.body.licenses[0];
    if (!license) throw new Error('no license issued');
    const ticket = await theirs.post<{ id: string }>('/api/v1/support/tickets', {
      serial: license.serial,
      subject: 'Не активируется',
      body: 'Ключ не принимается',
    });
    expect(ticket.status).toBe(201);
    const activation = await insertDoneActivation(t.db, {
      organizationId: theirOrg.id,
      userId: they.id,
      catalog,
      items: [
        {
          licenseTypeId: catalog.exemptTypeId,
          licenseTypeName: LICENSE_NAME,
          priceKopecks: 200_000,
          vat: null,
        },
      ],
    });
    const order = await t.db.transaction((tx) => createOrderForActivation(tx, activation.id, new Date()));
    const sessions = await theirs.get<{ items: Array<{ id: string }> }>('/api/v1/auth/sessions');
    const sessionId = sessions.body.items[0]?.id;
    if (!sessionId) throw new Error('no session listed');
    foreign = [
      ['/api/v1/licenses/{id}', { id: license.id }],
      ['/api/v1/support/tickets/{id}', { id: ticket.body.id }],
      ['/api/v1/partner/activations/{id}', { id: activation.id }],
      ['/api/v1/partner/orders/{id}', { id: order.orderId }],
      ['/api/v1/partner/organizations/{organizationId}', { organizationId: theirOrg.id }],
      ['/api/v1/auth/sessions/{id}', { id: sessionId }],
    ];
  });

  // The cabinet operations (own account, customer, partner) that name an object in the path. The back office
  // is left out on purpose: staff see every organization, and the staff matrix above keeps customers out.
  const naming = () =>
    operations.filter(
      (op) =>
        ['session', 'member', 'partner'].includes(audienceOf(op) ?? '') &&
        op.path.includes('{') &&
        !(op.key in NOT_TENANT_OBJECTS),
    );
  const paramsFor = (path: string) => foreign.find(([prefix]) => path.startsWith(prefix))?.[1];

  it('every cabinet operation that names an object has a real object of another organization to try', () => {
    expect(
      naming()
        .filter((op) => !paramsFor(op.path))
        .map((op) => op.key),
    ).toEqual([]);
    const keys = new Set(operations.map((op) => op.key));
    expect(Object.keys(NOT_TENANT_OBJECTS).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('the objects are real: their own organization reads them', async () => {
    const reads = naming().filter(
      (op) => op.method === 'GET' && op.path.endsWith('}') && !op.path.endsWith('{kind}'),
    );
    expect(reads.length).toBeGreaterThan(3);
    expect(
      await mismatches(
        reads,
        (op) => send(theirs, op, paramsFor(op.path)),
        () => '200 undefined',
      ),
    ).toEqual([]);
  });

  it('another organization gets 404 on every one of them, and the objects stay as they were', async () => {
    expect(
      await mismatches(
        naming(),
        (op) => send(mine, op, paramsFor(op.path)),
        () => '404 NOT_FOUND',
      ),
    ).toEqual([]);
    // The close, comment and session delete above changed nothing: the owner still has them as they were.
    expect((await theirs.get('/api/v1/auth/me')).status).toBe(200);
    const [ticket, activation] = [
      paramsFor('/api/v1/support/tickets/{id}'),
      paramsFor('/api/v1/partner/activations/{id}'),
    ];
    expect(
      (await theirs.get<{ status: string }>(`/api/v1/support/tickets/${ticket?.id}`)).body.status,
    ).not.toBe('closed');
    expect(
      (await theirs.get<{ comment: string | null }>(`/api/v1/partner/activations/${activation?.id}`)).body
        .comment,
    ).toBeNull();
  });
});

describe('tenancy', () => {
  it("another organization's objects answer 404, never their data", async () => {
    const mine = await createOrg(t.db);
    const theirs = await createOrg(t.db);
    const user = await createUser(t.db, { memberOf: [[mine.id, 'owner']] });
    const client = await t.loginAs(user.email, PASSWORD);
    const res = await client.post<ErrorBody>('/api/v1/auth/active-organization', {
      organizationId: theirs.id,
    });
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
      expect((await client.get<ErrorBody>('/api/v1/organization/members')).body.error.code).toBe('FORBIDDEN');
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
    expect((await client.get<ErrorBody>('/api/v1/organization')).body.error.code).toBe(
      'ORGANIZATION_BLOCKED',
    );
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
    const res = await m.post<ErrorBody>('/api/v1/admin/users', {
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
    const missing = await client.patch<ErrorBody>('/api/v1/auth/me', { name: 'Без токена' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_FAILED');
    const foreign = await client.request<ErrorBody>(
      'PATCH',
      '/api/v1/auth/me',
      { name: 'Чужой сайт' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(foreign.status).toBe(403);
    const login = await t
      .client()
      .post<ErrorBody>(
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
    expect(((await malformed.json()) as ErrorBody).error.code).toBe('BAD_REQUEST');
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
    expect((await s.post<ErrorBody>(`/api/v1/admin/users/${admin.id}/password-reset`)).status).toBe(403);
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
    const res = await client.request<ErrorBody>('POST', '/%61pi/v1/auth/logout-all', {}, { csrf: false });
    expect(res.status).toBe(403);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('wrong current passwords count towards the lockout', async () => {
    const user = await createUser(t.db);
    const client = await t.loginAs(user.email, PASSWORD);
    for (let i = 0; i < 5; i++) {
      const res = await client.post<ErrorBody>('/api/v1/auth/password/change', {
        currentPassword: `guess-${i}`,
        newPassword: 'new-password-1',
      });
      expect(res.body.error.code).toBe('WRONG_PASSWORD');
    }
    const locked = await client.post<ErrorBody>('/api/v1/auth/password/change', {
      currentPassword: PASSWORD,
      newPassword: 'new-password-1',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
  });
});
