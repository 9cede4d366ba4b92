import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseSigningKeys } from '../../src/server/modules/signing/schema';
import { activeSigningKey } from '../../src/server/modules/signing/signing-keys';
import type { PublishedLicenseKeys } from '../../src/shared/api/activations';
import type { AuditList } from '../../src/shared/api/admin';
import {
  type FetchLikeResponse,
  generateSigningKey,
  kidFor,
  type LicensePayload,
  runVerifyLicense,
  signLicense,
  toPublicJwk,
  verifyLicense,
} from '../../src/shared/license-file';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, TEST_SECRET, type TestApp } from '../helpers/harness';

let t: TestApp;
let admin: TestClient;
let manager: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.loginAs((await createUser(t.db, { staffRole: 'admin' })).email, PASSWORD);
  manager = await t.loginAs((await createUser(t.db, { staffRole: 'manager' })).email, PASSWORD);
});
afterAll(async () => t?.close());

const payload = (serial: string): LicensePayload => ({
  v: 1,
  deviceSerial: serial,
  model: 'NETPAY-ФС',
  vendor: 'ООО «Пэй Киоск»',
  licenseType: 'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), Пэй Киоск',
  validFrom: '2026-01-01',
  validUntil: '2099-12-31',
  issuedAt: '2026-01-01T09:00:00.000Z',
  activationNumber: 288,
  licenseeInn: '6147040892',
  licenseeName: 'ООО "ЗОЛОТОЙ СТАНДАРТ"',
});

/** Signs as the activation job does: with the key that is active right now. */
async function signWithActiveKey(serial: string): Promise<string> {
  const key = await activeSigningKey(t.db, TEST_SECRET);
  return signLicense({ payload: payload(serial), privateKey: key.privateKey, kid: key.kid });
}

/** `verify-license FILE --url <this app>` over real HTTP, the file given from memory. */
async function verifyViaUrl(text: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runVerifyLicense(['license.slf', '--url', t.url], {
    readFile: async () => text,
    fetch: (url: string): Promise<FetchLikeResponse> => fetch(url),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

async function publicKeys() {
  const res = await t.client().get<PublishedLicenseKeys>('/api/v1/license-keys');
  expect(res.status).toBe(200);
  return res;
}

describe('GET /api/v1/license-keys (public)', () => {
  it('answers one active key on a fresh install, creating it once, cacheable for a few minutes', async () => {
    expect(await t.db.select().from(licenseSigningKeys)).toHaveLength(0);
    const [res, again] = await Promise.all([publicKeys(), publicKeys()]);
    expect(res.body.keys).toHaveLength(1);
    expect(again.body).toEqual(res.body);
    const [key] = res.body.keys;
    expect(key).toMatchObject({ alg: 'EdDSA', crv: 'Ed25519', status: 'active', retiredAt: null });
    expect(key?.kid).toBe(kidFor(key?.publicKeyPem ?? ''));
    expect(key?.jwk).toEqual(toPublicJwk(key?.publicKeyPem ?? ''));
    expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE KEY/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await t.db.select().from(licenseSigningKeys)).toHaveLength(1);
    expect((await activeSigningKey(t.db, TEST_SECRET)).kid).toBe(key?.kid);
  });
});

describe('the back office: list and rotate', () => {
  it('is for administrators only: anonymous 401, a manager 403', async () => {
    expect((await t.client().get<ErrorBody>('/api/v1/admin/license-keys')).status).toBe(401);
    expect((await t.client().post<ErrorBody>('/api/v1/admin/license-keys/rotate')).status).toBe(401);
    const listed = await manager.get<ErrorBody>('/api/v1/admin/license-keys');
    expect(listed.status).toBe(403);
    const rotated = await manager.post<ErrorBody>('/api/v1/admin/license-keys/rotate');
    expect(rotated.status).toBe(403);
    expect(await t.db.select().from(licenseSigningKeys)).toHaveLength(1);
  });

  it('rotation keeps the old key published as retired; files signed before it still verify', async () => {
    const before = await signWithActiveKey('0239110138900130');
    const oldKid = (await activeSigningKey(t.db, TEST_SECRET)).kid;

    const res = await admin.post<PublishedLicenseKeys>('/api/v1/admin/license-keys/rotate');
    expect(res.status).toBe(200);
    const [fresh, retired] = res.body.keys;
    expect(fresh).toMatchObject({ status: 'active', retiredAt: null });
    expect(fresh?.kid).not.toBe(oldKid);
    expect(retired).toMatchObject({ kid: oldKid, status: 'retired' });
    expect(retired?.retiredAt).not.toBeNull();
    expect((await activeSigningKey(t.db, TEST_SECRET)).kid).toBe(fresh?.kid);

    const published = (await publicKeys()).body;
    expect(published.keys.map((k) => [k.kid, k.status])).toEqual([
      [fresh?.kid, 'active'],
      [oldKid, 'retired'],
    ]);
    expect((await admin.get<PublishedLicenseKeys>('/api/v1/admin/license-keys')).body).toEqual(published);

    const after = await signWithActiveKey('0085430138900121');
    const keys = Object.fromEntries(published.keys.map((k) => [k.kid, k.publicKeyPem]));
    expect(verifyLicense({ text: before, keys })).toMatchObject({ ok: true, kid: oldKid });
    expect(verifyLicense({ text: after, keys })).toMatchObject({ ok: true, kid: fresh?.kid });

    // The shipped verifier against the running app: the old file alone, and a file mixing both keys.
    const single = await verifyViaUrl(before);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stdout).toContain(`Ключ подписи: ${oldKid}`);
    const mixed = await verifyViaUrl(before + after);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(mixed.stdout).toContain('Файл лицензий действителен: 2 из 2');

    const audit = await admin.get<AuditList>('/api/v1/admin/audit?action=license_keys.rotated');
    expect(audit.body.items[0]).toMatchObject({
      action: 'license_keys.rotated',
      entityId: fresh?.kid,
      details: { kid: fresh?.kid, retired: [oldKid] },
    });
  });

  it('a file signed by a key the server never published does not verify', async () => {
    const stranger = generateSigningKey();
    const forged = signLicense({ payload: payload('0239110138900130'), privateKey: stranger.privateKeyPem });
    const result = await verifyViaUrl(forged);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('UNKNOWN_KEY');
  });

  it('rotations racing each other leave exactly one active key', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => admin.post<PublishedLicenseKeys & ErrorBody>('/api/v1/admin/license-keys/rotate')),
    );
    for (const res of results) expect([200, 409]).toContain(res.status);
    expect(results.some((res) => res.status === 200)).toBe(true);
    const keys = (await publicKeys()).body.keys;
    expect(keys.filter((k) => k.status === 'active')).toHaveLength(1);
    expect(keys[0]?.status).toBe('active');
  });
});
