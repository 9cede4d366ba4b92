import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness';

type Operation = { tags?: string[]; summary?: string; security?: Array<Record<string, string[]>> };
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string; description?: string }> };
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await startTestApp();
  const res = await t.client().get<OpenApiDocument>('/api/docs/json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => t?.close());

function operations(prefix: string): Array<{ route: string; op: Operation }> {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
}

const schemesOf = (op: Operation | undefined) => (op?.security ?? []).flatMap((s) => Object.keys(s));

describe('GET /api/docs/json', () => {
  it('every route under /api/v1 has tags and a summary', () => {
    const all = operations('/api/v1/');
    expect(all.length).toBeGreaterThan(50);
    const missing = all
      .filter(({ op }) => !op.tags?.length || !op.tags.every(Boolean) || !op.summary?.trim())
      .map(({ route }) => route);
    expect(missing).toEqual([]);
  });

  it('describes the bearer schemes: kbt_ integration tokens and kbp_ product tokens', () => {
    const { integrationToken, productToken, session } = doc.components.securitySchemes;
    expect(integrationToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(integrationToken?.description).toContain('kbt_');
    expect(productToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(productToken?.description).toContain('kbp_');
    expect(session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'kabinet_session' });
  });

  it('names on each route what it accepts', () => {
    expect(schemesOf(doc.paths['/api/v1/admin/licenses/issue']?.post)).toEqual([
      'session',
      'integrationToken',
    ]);
    expect(schemesOf(doc.paths['/api/v1/activation-reports']?.post)).toEqual(['productToken']);
    // The cabinet and token management are for sessions only.
    expect(schemesOf(doc.paths['/api/v1/licenses']?.get)).toEqual(['session']);
    expect(schemesOf(doc.paths['/api/v1/admin/integration-tokens']?.post)).toEqual(['session']);
  });

  it('every back-office route documents its security; all but token management accept integration tokens', () => {
    const admin = operations('/api/v1/admin/');
    expect(admin.filter(({ op }) => schemesOf(op).length === 0).map(({ route }) => route)).toEqual([]);
    const refusing = admin
      .filter(({ op }) => !schemesOf(op).includes('integrationToken'))
      .map(({ route }) => route);
    expect(refusing.every((route) => route.includes('/api/v1/admin/integration-tokens'))).toBe(true);
    expect(refusing).toHaveLength(3);
  });
});
