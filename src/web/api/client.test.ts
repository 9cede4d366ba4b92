import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser, PASSWORD } from '../../../tests/helpers/factories';
import { startTestApp, type TestApp } from '../../../tests/helpers/harness';
import { ApiError, createApiClient, data, onUnauthenticated, setCsrfToken, toQueryString } from './client';

// The web's typed client against the real server: generated paths reach the routes, and what the old
// hand-typed client did (CSRF header and its one retry, the error shape, the 401 hook) still holds.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** A browser's part: one cookie jar for the session, and the requests as they left, for the assertions. */
function browser() {
  const cookies = new Map<string, string>();
  const sent: Request[] = [];
  const transport = async (url: string, init: RequestInit): Promise<Response> => {
    const request = new Request(url, init);
    sent.push(request.clone());
    if (cookies.size > 0) request.headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(request);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    return response;
  };
  return { ...createApiClient({ baseUrl: t.url, fetch: transport }), sent };
}

async function loggedIn() {
  const org = await createOrg(t.db);
  const user = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
  const client = browser();
  const login = await data(
    client.api.POST('/api/v1/auth/login', { body: { email: user.email, password: PASSWORD } }),
  );
  if (login.status !== 'ok') throw new Error('login asked for a second factor');
  setCsrfToken(login.me.csrfToken);
  return { ...client, org, me: login.me };
}

describe('web api client', () => {
  it('answers a failure as ApiError with code, message and field details', async () => {
    const { api } = browser();
    const error = await data(
      api.POST('/api/v1/auth/login', { body: { email: 'not-an-email', password: '' } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION_ERROR');
    expect(apiError.message).toMatch(/[а-я]/i);
    expect(apiError.requestId).toEqual(expect.any(String));
    expect(apiError.issues.map((issue) => issue.path)).toContain('email');
  });

  it('calls the 401 hook unless the call is QUIET', async () => {
    let calls = 0;
    onUnauthenticated(() => {
      calls += 1;
    });
    const { api, QUIET } = browser();
    await expect(data(api.GET('/api/v1/auth/me', { ...QUIET }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
    expect(calls).toBe(0);
    await expect(data(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls).toBe(1);
  });

  it('fills path parameters and drops empty query values, as withQuery did', async () => {
    const { api, sent, me } = await loggedIn();
    const list = await data(
      api.GET('/api/v1/licenses', { params: { query: { q: '', page: 1, pageSize: 5 } } }),
    );
    expect(list).toMatchObject({ items: [], total: 0, page: 1, pageSize: 5 });
    expect(new URL(sent.at(-1)?.url ?? '').search).toBe('?page=1&pageSize=5');

    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(
      data(api.GET('/api/v1/licenses/{id}', { params: { path: { id: missing } } })),
    ).rejects.toMatchObject({ status: 404 });
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe(`/api/v1/licenses/${missing}`);
    expect(me.user.email).toContain('@');
  });

  it('sends the CSRF token on writes and, when it is stale, fetches the current one and retries once', async () => {
    const { api, sent, org, me } = await loggedIn();
    setCsrfToken('stale-token');
    const before = sent.length;
    const updated = await data(
      api.POST('/api/v1/auth/active-organization', { body: { organizationId: org.id } }),
    );
    expect(updated.activeOrganizationId).toBe(org.id);
    const tried = sent.slice(before);
    expect(tried.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /api/v1/auth/active-organization',
      'GET /api/v1/auth/me',
      'POST /api/v1/auth/active-organization',
    ]);
    expect(tried[0]?.headers.get('x-csrf-token')).toBe('stale-token');
    expect(tried[2]?.headers.get('x-csrf-token')).toBe(me.csrfToken);
    expect(tried[1]?.headers.get('x-csrf-token')).toBeNull();
    // The retry sends the same JSON body again.
    expect(await tried[0]?.json()).toEqual({ organizationId: org.id });
    expect(await tried[2]?.json()).toEqual({ organizationId: org.id });
  });

  it('passes request headers such as Idempotency-Key through', async () => {
    const { api, sent } = await loggedIn();
    await data(api.POST('/api/v1/auth/logout', { headers: { 'idempotency-key': 'key-1' } }));
    expect(sent.at(-1)?.headers.get('idempotency-key')).toBe('key-1');
    expect(sent.at(-1)?.headers.get('accept')).toBe('application/json');
  });

  it('answers NETWORK_ERROR when the server cannot be reached', async () => {
    const { api } = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    await expect(data(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
    });
  });

  it('serializes queries like the old withQuery', () => {
    expect(toQueryString({ q: 'ив', page: 2, status: undefined, empty: '', flag: false })).toBe(
      'q=%D0%B8%D0%B2&page=2&flag=false',
    );
  });
});
