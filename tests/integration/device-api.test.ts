import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/server/http/crypto';
import { activations, deviceLicenses } from '../../src/server/modules/activations/schema';
import { apiTokens } from '../../src/server/modules/api-tokens/schema';
import { deviceCheckIn } from '../../src/server/modules/device-api/check-in';
import { devices } from '../../src/server/modules/devices/schema';
import { activeSigningKey } from '../../src/server/modules/signing/signing-keys';
import type {
  DeviceCheckIn,
  PublishedLicenseKeys,
  VendorApiToken,
  VendorApiTokenCreated,
  VendorApiTokenList,
} from '../../src/shared/api/activations';
import type { AuditList } from '../../src/shared/api/admin';
import type { Vendor } from '../../src/shared/api/devices';
import { addCalendarDays, moscowIsoDate } from '../../src/shared/dates';
import { signLicense, verifyLicense } from '../../src/shared/license-file';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, TEST_SECRET, type TestApp } from '../helpers/harness';

let t: TestApp;
let manager: TestClient;
let admin: TestClient;
let pay: Vendor;
let rr: Vendor;
let org: { id: string; inn: string; shortName: string };
let activationNumber = 1000;

const TODAY = moscowIsoDate(new Date());
const SERIALS = {
  active: '0239110138900130',
  expired: '0124230115000230',
  none: '0085430138900121',
  otherVendor: '0000000000000042',
};

async function createVendor(name: string, ogrn: string, model: string): Promise<Vendor> {
  const vendor = await manager.post<Vendor>('/api/v1/admin/vendors', {
    name,
    fullName: `ООО «${name}»`,
    ogrn,
    installMethod: 'automatic',
  });
  expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
  await manager.post(`/api/v1/admin/vendors/${vendor.body.id}/models`, { name: model });
  return (await manager.get<Vendor>(`/api/v1/admin/vendors/${vendor.body.id}`)).body;
}

/** A registry device and, when `validUntil` is given, its current license signed by the active key. */
async function seedDevice(vendor: Vendor, serial: string, validUntil?: string): Promise<string> {
  const model = vendor.models[0];
  if (!model) throw new Error('vendor without a model');
  const [device] = await t.db
    .insert(devices)
    .values({ serial, modelId: model.id, subscriptionEnd: validUntil ?? null })
    .returning({ id: devices.id });
  if (!device) throw new Error('device insert failed');
  if (validUntil === undefined) return device.id;
  activationNumber += 1;
  const validFrom = addCalendarDays(validUntil, -364);
  const [activation] = await t.db
    .insert(activations)
    .values({
      number: activationNumber,
      organizationId: org.id,
      vendorId: vendor.id,
      status: 'done',
      licenseCount: 1,
      totalKopecks: 200_000,
      requestId: randomUUID(),
    })
    .returning({ id: activations.id });
  if (!activation) throw new Error('activation insert failed');
  const key = await activeSigningKey(t.db, TEST_SECRET);
  const licenseText = signLicense({
    payload: {
      v: 1,
      deviceSerial: serial,
      model: model.name,
      vendor: vendor.fullName,
      licenseType: `Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), ${vendor.name}`,
      validFrom,
      validUntil,
      issuedAt: new Date().toISOString(),
      activationNumber,
      licenseeInn: org.inn,
      licenseeName: org.shortName,
    },
    privateKey: key.privateKey,
    kid: key.kid,
  });
  await t.db.insert(deviceLicenses).values({
    deviceId: device.id,
    activationId: activation.id,
    validFrom,
    validUntil,
    licenseText,
    kid: key.kid,
  });
  return device.id;
}

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.loginAs((await createUser(t.db, { staffRole: 'manager' })).email, PASSWORD);
  admin = await t.loginAs((await createUser(t.db, { staffRole: 'admin' })).email, PASSWORD);
  org = await createOrg(t.db, { programs: ['partner'] });
  pay = await createVendor('Пэй Киоск', '1067746394792', 'NETPAY-ФС');
  rr = await createVendor('РР-Электро', '1137746317830', 'РР-04Ф');
  await seedDevice(pay, SERIALS.active, addCalendarDays(TODAY, 30));
  await seedDevice(pay, SERIALS.expired, addCalendarDays(TODAY, -1));
  await seedDevice(pay, SERIALS.none);
  await seedDevice(rr, SERIALS.otherVendor, addCalendarDays(TODAY, 30));
});
afterAll(async () => t?.close());

async function createToken(vendor: Vendor, name = 'Сервер обновлений'): Promise<VendorApiTokenCreated> {
  const res = await manager.post<VendorApiTokenCreated & ErrorBody>(
    `/api/v1/admin/vendors/${vendor.id}/tokens`,
    {
      name,
    },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A device's request: no cookie jar, no CSRF token, only the bearer header. */
async function checkIn<T = DeviceCheckIn>(
  serial: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${t.url}/api/v1/device-api/devices/${encodeURIComponent(serial)}/license`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

describe('vendor API tokens in the back office', () => {
  it('creates a kbv_ token shown once; the list never shows it; only its SHA-256 is stored; audited', async () => {
    const created = await createToken(pay, 'Сервер «Пэй Киоск»');
    expect(created.token).toMatch(/^kbv_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      vendorId: pay.id,
      name: 'Сервер «Пэй Киоск»',
      prefix: created.token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });

    const list = await manager.get<VendorApiTokenList>(`/api/v1/admin/vendors/${pay.id}/tokens`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toContain(created.id);
    expect(JSON.stringify(list.body)).not.toContain(created.token.slice(4));
    expect(list.body.items.every((item) => !('token' in item))).toBe(true);
    expect(
      (await manager.get<VendorApiTokenList>(`/api/v1/admin/vendors/${rr.id}/tokens`)).body.items,
    ).toEqual([]);

    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(sha256Hex(created.token));

    const audit = await admin.get<AuditList>('/api/v1/admin/audit?action=vendor_token.created');
    expect(audit.body.items.find((e) => e.entityId === created.id)).toMatchObject({
      details: { vendorId: pay.id, name: 'Сервер «Пэй Киоск»', prefix: created.prefix },
    });
    expect(JSON.stringify(audit.body)).not.toContain(created.token.slice(4));
  });

  it('answers 401 without a session, 403 to support staff, 404 for an unknown vendor', async () => {
    expect((await t.client().get(`/api/v1/admin/vendors/${pay.id}/tokens`)).status).toBe(401);
    const support = await t.loginAs((await createUser(t.db, { staffRole: 'support' })).email, PASSWORD);
    expect((await support.get(`/api/v1/admin/vendors/${pay.id}/tokens`)).status).toBe(403);
    expect((await support.post(`/api/v1/admin/vendors/${pay.id}/tokens`, { name: 'x' })).status).toBe(403);
    const unknown = await manager.post<ErrorBody>(`/api/v1/admin/vendors/${randomUUID()}/tokens`, {
      name: 'x',
    });
    expect(unknown.status).toBe(404);
    const empty = await manager.post<ErrorBody>(`/api/v1/admin/vendors/${pay.id}/tokens`, { name: ' ' });
    expect(empty.status).toBe(400);
  });

  it("revokes only through its own vendor: another vendor's path is 404, a second revoke 409; audited", async () => {
    const created = await createToken(pay);
    const wrongVendor = await manager.delete<ErrorBody>(
      `/api/v1/admin/vendors/${rr.id}/tokens/${created.id}`,
    );
    expect(wrongVendor.status).toBe(404);
    const revoked = await manager.delete<VendorApiToken>(
      `/api/v1/admin/vendors/${pay.id}/tokens/${created.id}`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const again = await manager.delete<ErrorBody>(`/api/v1/admin/vendors/${pay.id}/tokens/${created.id}`);
    expect(again.status).toBe(409);
    const audit = await admin.get<AuditList>('/api/v1/admin/audit?action=vendor_token.revoked');
    expect(audit.body.items.find((e) => e.entityId === created.id)).toBeDefined();
  });
});

describe('GET /api/v1/device-api/devices/{serial}/license', () => {
  let token: string;
  let keys: Record<string, string>;

  beforeAll(async () => {
    token = (await createToken(pay)).token;
    const published = await t.client().get<PublishedLicenseKeys>('/api/v1/license-keys');
    keys = Object.fromEntries(published.body.keys.map((k) => [k.kid, k.publicKeyPem]));
  });

  it('active: the signed .slf text and its kid, which verifies with the published keys', async () => {
    const res = await checkIn(SERIALS.active, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // A JSON answer to a device: none of the page headers (CSP and the like) a browser would need.
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.body).toMatchObject({
      serial: SERIALS.active,
      status: 'active',
      validUntil: addCalendarDays(TODAY, 30),
    });
    const verified = verifyLicense({ text: res.body.license ?? '', keys });
    expect(verified).toMatchObject({
      ok: true,
      kid: res.body.kid,
      payload: { deviceSerial: SERIALS.active, validUntil: addCalendarDays(TODAY, 30), licenseeInn: org.inn },
    });
  });

  it('finds the device however the serial is spelled (spaces, lower case)', async () => {
    const res = await checkIn(' 0239 1101 3890 0130 ', token);
    expect(res.status).toBe(200);
    expect(res.body.serial).toBe(SERIALS.active);
  });

  it('expired: the end date, no license', async () => {
    const res = await checkIn(SERIALS.expired, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serial: SERIALS.expired,
      status: 'expired',
      validUntil: addCalendarDays(TODAY, -1),
      kid: null,
      license: null,
    });
  });

  it('none: a known device that was never licensed', async () => {
    const res = await checkIn(SERIALS.none, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serial: SERIALS.none,
      status: 'none',
      validUntil: null,
      kid: null,
      license: null,
    });
  });

  it("another vendor's device answers exactly like an unknown serial: 404 DEVICE_NOT_FOUND", async () => {
    const other = await checkIn<ErrorBody>(SERIALS.otherVendor, token);
    const unknown = await checkIn<ErrorBody>('9999999999999999', token);
    const garbage = await checkIn<ErrorBody>('../../admin', token);
    for (const res of [other, unknown, garbage]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('DEVICE_NOT_FOUND');
    }
    expect(other.body.error.message).toBe(unknown.body.error.message);
    // The other vendor's own token does reach it.
    const rrToken = (await createToken(rr)).token;
    expect((await checkIn(SERIALS.otherVendor, rrToken)).body.status).toBe('active');
  });

  it('401 without a token, with a wrong or foreign-prefix token, or with a session cookie alone', async () => {
    const cases = [
      await checkIn<ErrorBody>(SERIALS.active),
      await checkIn<ErrorBody>(SERIALS.active, `kbv_${'A'.repeat(43)}`),
      await checkIn<ErrorBody>(SERIALS.active, token.replace('kbv_', 'kbt_')),
      await checkIn<ErrorBody>(SERIALS.active, undefined, { cookie: manager.cookieHeader }),
      await checkIn<ErrorBody>(SERIALS.active, undefined, { authorization: `Basic ${token}` }),
    ];
    for (const res of cases) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="kabinet-device-api"');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('ignores a session cookie sent along with the token (no session work on this route)', async () => {
    const res = await checkIn(SERIALS.active, token, { cookie: manager.cookieHeader });
    expect(res.status).toBe(200);
  });

  it('a revoked token answers 401 at once on the node that revoked it, though it was cached', async () => {
    const created = await createToken(pay);
    expect((await checkIn(SERIALS.active, created.token)).status).toBe(200);
    const revoked = await manager.delete(`/api/v1/admin/vendors/${pay.id}/tokens/${created.id}`);
    expect(revoked.status).toBe(200);
    const after = await checkIn<ErrorBody>(SERIALS.active, created.token);
    expect(after.status).toBe(401);
  });

  it('records last use, at most once a minute', async () => {
    const created = await createToken(pay);
    const lastUsed = async () =>
      (await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id)))[0]?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await checkIn(SERIALS.active, created.token);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await checkIn(SERIALS.none, created.token);
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
    const list = await manager.get<VendorApiTokenList>(`/api/v1/admin/vendors/${pay.id}/tokens`);
    expect(list.body.items.find((i) => i.id === created.id)?.lastUsedAt).toBe(first?.toISOString());
  });

  it('is documented in OpenAPI with the vendor bearer scheme', async () => {
    type Doc = {
      paths: Record<string, { get?: { security?: unknown } }>;
      components: {
        securitySchemes: Record<string, { type: string; scheme?: string; description?: string }>;
      };
    };
    const doc = (await t.client().get<Doc>('/api/docs/json')).body;
    expect(doc.components.securitySchemes.vendorToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.vendorToken?.description).toContain('kbv_');
    expect(doc.paths['/api/v1/device-api/devices/{serial}/license']?.get?.security).toEqual([
      { vendorToken: [] },
    ]);
  });
});

describe('deviceCheckIn on the Moscow calendar', () => {
  it('is active through valid_until (23:59:59 Moscow), expired from the next Moscow midnight', async () => {
    const [row] = await t.db
      .select({ validUntil: deviceLicenses.validUntil })
      .from(deviceLicenses)
      .innerJoin(devices, eq(devices.id, deviceLicenses.deviceId))
      .where(eq(devices.serial, SERIALS.active));
    const until = row?.validUntil ?? '';
    const lastMoment = Date.parse(`${until}T23:59:59.999+03:00`);
    const input = { vendorId: pay.id, serial: SERIALS.active };
    expect((await deviceCheckIn(t.db, { ...input, now: lastMoment })).status).toBe('active');
    expect((await deviceCheckIn(t.db, { ...input, now: lastMoment + 1 })).status).toBe('expired');
    expect((await deviceCheckIn(t.db, { ...input, now: lastMoment - 86_400_000 * 400 })).status).toBe(
      'active',
    );
  });
});
