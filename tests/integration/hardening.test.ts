import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { App } from '../../src/server/http/types';
import type { IntegrationTokenCreated } from '../../src/shared/api/integration-tokens';
import type { ErrorBody } from '../helpers/client';
import { createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

let t: TestApp;
/** A second app on the same database whose /metrics is open only to 10.0.0.0/8 or the token. */
let guarded: App;
let guardedUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  guarded = await buildApp({
    deps: {
      ...t.deps,
      config: { ...t.deps.config, metricsAllow: '10.0.0.0/8', metricsToken: METRICS_TOKEN },
    },
    webDir: null,
    logger: false,
  });
  guardedUrl = (await guarded.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
});
afterAll(async () => {
  await guarded?.close();
  await t?.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as ErrorBody };
}

describe('GET /metrics is for the operator only (issue 8, item 13)', () => {
  it('answers a scraper on this machine (default METRICS_ALLOW: loopback)', async () => {
    const res = await get(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('kabinet_http_request_duration_seconds');
  });

  it('refuses a request a local reverse proxy relays from outside (X-Forwarded-For / X-Real-IP)', async () => {
    const relayed: Array<Record<string, string>> = [
      { 'x-forwarded-for': '203.0.113.7' },
      { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' },
      { 'x-real-ip': '198.51.100.1' },
    ];
    for (const headers of relayed) {
      const res = await get(`${t.url}/metrics`, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
      expect(res.json().error.message).toContain('METRICS_ALLOW');
      expect(res.text).not.toContain('kabinet_');
    }
    // A proxied request from an allowed address still passes.
    expect((await get(`${t.url}/metrics`, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(200);
  });

  it('outside METRICS_ALLOW: 401 without the right Bearer token, 200 with it', async () => {
    const none = await get(`${guardedUrl}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    const wrong = await get(`${guardedUrl}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('kabinet_');
    const right = await get(`${guardedUrl}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.text).toContain('kabinet_');
    // The rest of the app is not affected by the guard.
    expect((await get(`${guardedUrl}/healthz`)).status).toBe(200);
  });
});

describe('Cache-Control: no-store on API answers (issue 8, item 15)', () => {
  it('session answers, token answers and error answers are not stored; routes with their own policy keep it', async () => {
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const staff = await t.loginAs(admin.email, PASSWORD);
    const me = await staff.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect((await staff.get('/api/v1/admin/organizations')).headers.get('cache-control')).toBe('no-store');

    const created = await staff.post<IntegrationTokenCreated>('/api/v1/admin/integration-tokens', {
      name: 'ERP',
      permissions: ['readDirectory'],
    });
    expect(created.status).toBe(201);
    const byToken = await get(`${t.url}/api/v1/admin/licenses`, {
      authorization: `Bearer ${created.body.token}`,
    });
    expect(byToken.status).toBe(200);
    expect(byToken.headers.get('cache-control')).toBe('no-store');

    const anonymous = await get(`${t.url}/api/v1/auth/me`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');

    // The public signing keys are meant to be cached by verifiers.
    const keys = await get(`${t.url}/api/v1/license-keys`);
    expect(keys.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  });
});
