import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processActivation } from '../../src/server/modules/activations/process-activation';
import { activationItems, activations, deviceLicenses } from '../../src/server/modules/activations/schema';
import type { VendorActivationRequest } from '../../src/server/modules/activations/vendor-integration';
import { devices } from '../../src/server/modules/devices/schema';
import { orders } from '../../src/server/modules/orders/schema';
import { publishedLicenseKeys } from '../../src/server/modules/signing/signing-keys';
import type {
  ActivationCreateResponse,
  ActivationItemList,
  ActivationList,
  ActivationSummary,
  PartnerInfo,
  PartnerOrganizationList,
  PrecheckResponse,
} from '../../src/shared/api/activations';
import type { LicenseType, Vendor } from '../../src/shared/api/devices';
import type { CurrentOfferResponse, OfferVersion } from '../../src/shared/api/offers';
import { addCalendarDays, moscowIsoDate } from '../../src/shared/dates';
import { verifyLicenseBundle } from '../../src/shared/license-file';
import { addMonthsClamped } from '../../src/shared/subscription';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// ---- A vendor's activation endpoint: a real HTTP server in the test process ---------------------------

type VendorMode = 'ok' | 'fail';

function startVendorServer() {
  let mode: VendorMode = 'ok';
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  const received: VendorActivationRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (gate) await gate.promise;
      if (mode === 'ok') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"Внутренняя ошибка"}');
    });
  });
  return {
    received,
    setMode: (next: VendorMode) => {
      mode = next;
    },
    /** Requests wait until `release` (an activation stays «В работе» meanwhile). */
    hold() {
      let open = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { promise, open };
    },
    release(next: VendorMode) {
      mode = next;
      gate?.open();
      gate = null;
    },
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/activate`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- Fixture: vendors, models, license types, registry, offer, a partner organization --------------------

let t: TestApp;
let staff: TestClient;
let partner: TestClient;
let orgId: string;
let pay: Vendor;
let rr: Vendor;
const vendorServer = startVendorServer();
const today = moscowIsoDate(new Date());
const model: Record<'netpay' | 'aqsi' | 'orphan' | 'rr04', string> = {
  netpay: '',
  aqsi: '',
  orphan: '',
  rr04: '',
};

async function createType(vendorId: string, name: string, modelIds: string[], priceKopecks: number | null) {
  const type = await staff.post<LicenseType>('/api/v1/admin/license-types', {
    vendorId,
    name,
    termMonths: 12,
    vatMode: 'exempt',
    modelIds,
  });
  expect(type.status).toBe(201);
  if (priceKopecks !== null) {
    const price = await staff.post(`/api/v1/admin/license-types/${type.body.id}/prices`, {
      validFrom: today,
      partnerPriceKopecks: priceKopecks,
      retailPriceKopecks: priceKopecks + 50_000,
    });
    expect(price.status).toBe(201);
  }
}

/** A registry device with a fresh 16-digit serial (as the seed's examples). */
async function addDevice(modelId: string, subscriptionEnd: string | null = null): Promise<string> {
  const serial = `${randomInt(10 ** 8)}`.padStart(8, '0') + `${randomInt(10 ** 8)}`.padStart(8, '0');
  await t.db.insert(devices).values({ serial, modelId, subscriptionEnd });
  return serial;
}

async function subscriptionEnd(serial: string): Promise<string | null> {
  const [row] = await t.db
    .select({ end: devices.subscriptionEnd })
    .from(devices)
    .where(eq(devices.serial, serial));
  return row?.end ?? null;
}

/** A partner organization with its owner logged in; activation opened and the offer accepted by default. */
async function partnerOrganization(
  options: { mayActivate?: boolean; accept?: boolean; vendorIds?: string[] | null } = {},
) {
  const org = await createOrg(t.db, { programs: ['partner'] });
  const owner = await createUser(t.db, { memberOf: [[org.id, 'owner']], name: 'Приветов Привет' });
  const client = await t.loginAs(owner.email, PASSWORD);
  const terms = await staff.put(`/api/v1/admin/organizations/${org.id}/partner-terms`, {
    mayActivate: options.mayActivate ?? true,
    paymentMode: 'postpayment',
    postpaymentDays: 5,
    accountId: null,
    vendorIds: options.vendorIds ?? null,
  });
  expect(terms.status).toBe(200);
  if (options.accept ?? true) {
    const offer = await client.get<CurrentOfferResponse>(`/api/v1/partner/organizations/${org.id}/offer`);
    const accepted = await client.post(`/api/v1/partner/organizations/${org.id}/offer/accept`, {
      versionId: offer.body.offer?.id,
    });
    expect(accepted.status).toBe(200);
  }
  return { org, owner, client };
}

function activate(
  client: TestClient,
  organizationId: string,
  serials: string[],
  options: { key?: string; confirmLongSubscriptions?: boolean; comment?: string } = {},
) {
  return client.post<ActivationCreateResponse & ErrorBody>(
    '/api/v1/partner/activations',
    {
      organizationId,
      serials,
      ...(options.comment ? { comment: options.comment } : {}),
      ...(options.confirmLongSubscriptions ? { confirmLongSubscriptions: true } : {}),
    },
    { headers: { 'idempotency-key': options.key ?? randomUUID() } },
  );
}

/** Polls the activation as its page does («Обновить статус») until it leaves «В работе». */
async function settled(client: TestClient, id: string): Promise<ActivationSummary> {
  for (let i = 0; i < 300; i++) {
    const res = await client.get<ActivationSummary>(`/api/v1/partner/activations/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status !== 'in_progress') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`activation ${id} stayed in progress`);
}

beforeAll(async () => {
  const integrationUrl = await vendorServer.listen();
  t = await startTestApp({ smtp: true });
  const manager = await createUser(t.db, { staffRole: 'manager' });
  staff = await t.loginAs(manager.email, PASSWORD);
  const payRes = await staff.post<Vendor>('/api/v1/admin/vendors', {
    name: 'Пэй Киоск',
    fullName: 'ООО «Пэй Киоск»',
    ogrn: '1067746394792',
    installMethod: 'automatic',
    installNote: 'происходит автоматически',
  });
  expect(payRes.status).toBe(201);
  const rrRes = await staff.post<Vendor>('/api/v1/admin/vendors', {
    name: 'РР-Электро',
    fullName: 'ООО «РР-Электро»',
    ogrn: '1137746317830',
    installMethod: 'file',
    installNote: 'скачайте файл лицензий в формате .slf',
    integrationUrl,
  });
  expect(rrRes.status, rrRes.text).toBe(201);
  expect(rrRes.body.integrationUrl).toBe(integrationUrl);
  for (const [vendor, key, name] of [
    [payRes.body, 'netpay', 'NETPAY-ФС'],
    [payRes.body, 'aqsi', 'aQsi 5'],
    [payRes.body, 'orphan', 'Без лицензии'],
    [rrRes.body, 'rr04', 'РР-04Ф'],
  ] as const) {
    const res = await staff.post<{ id: string }>(`/api/v1/admin/vendors/${vendor.id}/models`, { name });
    model[key] = res.body.id;
  }
  pay = (await staff.get<Vendor>(`/api/v1/admin/vendors/${payRes.body.id}`)).body;
  rr = (await staff.get<Vendor>(`/api/v1/admin/vendors/${rrRes.body.id}`)).body;
  await createType(pay.id, 'Лицензия: ПО «Кассовое ядро – МН», Пэй Киоск', [model.netpay], 200_000);
  await createType(pay.id, 'Лицензия aQsi без цены', [model.aqsi], null);
  await createType(rr.id, 'Лицензия: ПО «Кассовое ядро – МН», РР-электро', [model.rr04], 180_000);
  const offer = await staff.post<OfferVersion>('/api/v1/admin/offers', {
    title: 'Сублицензионный договор (оферта)',
    url: 'https://aqsi.ru/lkp-oferta/',
  });
  await staff.post(`/api/v1/admin/offers/${offer.body.id}/publish`, {});
  const first = await partnerOrganization();
  partner = first.client;
  orgId = first.org.id;
});
afterAll(async () => {
  await t?.close();
  await vendorServer.close();
});

describe('partner organizations, offer and info', () => {
  it('lists the partner organizations of the user with what each may do', async () => {
    const closed = await createOrg(t.db, { programs: ['partner'] });
    const customer = await createOrg(t.db, { programs: ['licenses'] });
    const user = await createUser(t.db, {
      memberOf: [
        [orgId, 'member'],
        [closed.id, 'owner'],
        [customer.id, 'owner'],
      ],
    });
    const client = await t.loginAs(user.email, PASSWORD);
    const res = await client.get<PartnerOrganizationList>('/api/v1/partner/organizations');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((o) => [o.id, o]));
    expect(byId.size).toBe(2);
    expect(byId.get(orgId)).toMatchObject({
      mayActivate: true,
      offerAccepted: true,
      blockedReason: null,
      paymentTermsLabel: 'Постоплата 5 дней',
    });
    expect(byId.get(closed.id)).toMatchObject({ mayActivate: false, offerAccepted: false });
    // Not a partner organization: not reachable at all.
    expect((await client.get(`/api/v1/partner/organizations/${customer.id}/offer`)).status).toBe(404);
    // A member reads the offer but only an owner or admin accepts it.
    const offer = await client.get<CurrentOfferResponse>(`/api/v1/partner/organizations/${closed.id}/offer`);
    expect(offer.body.accepted).toBe(false);
    const asMember = await client.post<ErrorBody>(`/api/v1/partner/organizations/${orgId}/offer/accept`, {
      versionId: offer.body.offer?.id,
    });
    expect(asMember.status).toBe(403);
  });

  it('shows install methods and today’s prices', async () => {
    const res = await partner.get<PartnerInfo>('/api/v1/partner/info');
    expect(res.status).toBe(200);
    expect(res.body.vendors.map((v) => [v.name, v.installMethod])).toEqual([
      ['Пэй Киоск', 'automatic'],
      ['РР-Электро', 'file'],
    ]);
    const price = res.body.prices.find((p) => p.models.includes('РР-04Ф'));
    expect(price).toMatchObject({
      vendorName: 'РР-Электро',
      priceKopecks: 180_000,
      retailPriceKopecks: 230_000,
    });
    expect(res.body.prices.find((p) => p.models.includes('aQsi 5'))?.priceKopecks).toBeNull();
    const outsider = await t.loginAs((await createUser(t.db)).email, PASSWORD);
    expect((await outsider.get('/api/v1/partner/info')).status).toBe(403);
  });

  it('back office keeps the vendor’s integration URL (https only) and the organization’s allowed vendors', async () => {
    const body = {
      name: pay.name,
      fullName: pay.fullName,
      ogrn: pay.ogrn,
      installMethod: pay.installMethod,
      installNote: pay.installNote,
    };
    const plain = await staff.put<ErrorBody>(`/api/v1/admin/vendors/${pay.id}`, {
      ...body,
      integrationUrl: 'http://vendor.example/activate',
    });
    expect(plain.status).toBe(400);
    const saved = await staff.put<Vendor>(`/api/v1/admin/vendors/${pay.id}`, {
      ...body,
      integrationUrl: 'https://vendor.example/activate',
    });
    expect(saved.body.integrationUrl).toBe('https://vendor.example/activate');
    // Left out, it stays; null removes it.
    expect((await staff.put<Vendor>(`/api/v1/admin/vendors/${pay.id}`, body)).body.integrationUrl).toBe(
      'https://vendor.example/activate',
    );
    const cleared = await staff.put<Vendor>(`/api/v1/admin/vendors/${pay.id}`, {
      ...body,
      integrationUrl: null,
    });
    expect(cleared.body.integrationUrl).toBeNull();

    const { org } = await partnerOrganization({ vendorIds: [rr.id] });
    const terms = await staff.get<{ vendorIds: string[] | null }>(
      `/api/v1/admin/organizations/${org.id}/partner-terms`,
    );
    expect(terms.body.vendorIds).toEqual([rr.id]);
    const unknown = await staff.put<ErrorBody>(`/api/v1/admin/organizations/${org.id}/partner-terms`, {
      mayActivate: true,
      paymentMode: 'prepayment',
      postpaymentDays: null,
      accountId: null,
      vendorIds: [randomUUID()],
    });
    expect(unknown.status).toBe(400);
  });

  it('serves the sample file of serials', async () => {
    const res = await partner.get('/api/v1/partner/activations/sample-file');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('serials-sample.txt');
    expect(
      res.text
        .split(/\r?\n/)
        .filter(Boolean)
        .every((line) => /^\d{16}$/.test(line)),
    ).toBe(true);
  });
});

describe('pre-check', () => {
  it('names every kind of error, row by row in input order', async () => {
    const ok = await addDevice(model.netpay, addCalendarDays(today, 30));
    const noPrice = await addDevice(model.aqsi);
    const noType = await addDevice(model.orphan);
    const held = await addDevice(model.rr04);
    const restricted = await partnerOrganization({ vendorIds: [pay.id] });
    vendorServer.hold();
    const holding = await activate(partner, orgId, [held]);
    expect(holding.status, holding.text).toBe(201);
    try {
      const rows = (
        await partner.post<PrecheckResponse>('/api/v1/partner/activations/check', {
          organizationId: orgId,
          serials: [
            ` ${ok.slice(0, 4)} ${ok.slice(4)} `,
            'плохой!',
            '0124230115000230',
            ok,
            noPrice,
            noType,
            held,
          ],
        })
      ).body.rows;
      expect(rows.map((r) => r.error?.code ?? 'OK')).toEqual([
        'OK',
        'INVALID_FORMAT',
        'NOT_FOUND',
        'DUPLICATE',
        'NO_PRICE',
        'NO_LICENSE_TYPE',
        'IN_PROGRESS',
      ]);
      expect(rows[0]).toMatchObject({
        serial: ok,
        model: 'NETPAY-ФС',
        vendorName: 'Пэй Киоск',
        currentEnd: addCalendarDays(today, 30),
        newEnd: addMonthsClamped(addCalendarDays(today, 30), 12),
        priceKopecks: 200_000,
        retailPriceKopecks: 250_000,
        longSubscription: false,
      });
      expect(rows[2]?.error?.message).toBe('Серийный номер не найден');
      expect(rows[6]?.error?.message).toContain(`№ ${holding.body.items[0]?.number}`);
      const other = await restricted.client.post<PrecheckResponse>('/api/v1/partner/activations/check', {
        organizationId: restricted.org.id,
        serials: [ok, held],
      });
      expect(other.body.rows.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'VENDOR_NOT_ALLOWED']);
      // Another partner learns that the device is busy, never the number of someone else's activation.
      const stranger = await partnerOrganization();
      const foreign = await stranger.client.post<PrecheckResponse>('/api/v1/partner/activations/check', {
        organizationId: stranger.org.id,
        serials: [held],
      });
      expect(foreign.body.rows[0]?.error).toEqual({
        code: 'IN_PROGRESS',
        message: 'Устройство уже в другой активации, которая выполняется',
      });
      const refused = await activate(stranger.client, stranger.org.id, [held]);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).not.toContain(`№ ${holding.body.items[0]?.number}`);
    } finally {
      vendorServer.release('ok');
    }
    expect((await settled(partner, holding.body.items[0]?.id ?? '')).status).toBe('done');
  });

  it('checks 10 000 serials in one request', async () => {
    const serials = Array.from({ length: 10_000 }, (_, i) => `77${String(i).padStart(14, '0')}`);
    await t.db.execute(
      sql`insert into devices (serial, model_id) select s, ${model.netpay}::uuid from unnest(${sql.param(serials.slice(0, 5_000))}::text[]) as s`,
    );
    const res = await partner.post<PrecheckResponse>('/api/v1/partner/activations/check', {
      organizationId: orgId,
      serials,
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(10_000);
    expect(res.body.rows.filter((r) => r.error === null)).toHaveLength(5_000);
    expect(res.body.rows[9_999]?.error?.code).toBe('NOT_FOUND');
  });

  it('reaches only the user’s partner organizations', async () => {
    const other = await partnerOrganization();
    const res = await partner.post<ErrorBody>('/api/v1/partner/activations/check', {
      organizationId: other.org.id,
      serials: ['0124230115000230'],
    });
    expect(res.status).toBe(404);
  });
});

describe('activation lifecycle', () => {
  it('«В работе» → «Выполнена»: one activation per vendor, devices extended, a license file that verifies', async () => {
    const a = await addDevice(model.netpay, addCalendarDays(today, 10));
    const b = await addDevice(model.rr04);
    const c = await addDevice(model.netpay, addCalendarDays(today, -40));
    vendorServer.setMode('ok');
    const res = await activate(partner, orgId, [a, b, c], { comment: 'клиент ООО Ромашка' });
    expect(res.status, res.text).toBe(201);
    const [first, second] = res.body.items;
    expect(res.body.items).toHaveLength(2);
    expect(first).toMatchObject({
      status: 'in_progress',
      vendorName: 'Пэй Киоск',
      licenseCount: 2,
      totalKopecks: 400_000,
      comment: 'клиент ООО Ромашка',
      orderId: null,
    });
    expect(second).toMatchObject({ vendorName: 'РР-Электро', licenseCount: 1, totalKopecks: 180_000 });
    expect(second?.number).toBe((first?.number ?? 0) + 1);

    const done = await settled(partner, first?.id ?? '');
    expect(done).toMatchObject({ status: 'done', error: null, paymentStatus: 'pending' });
    expect(done.orderNumber).toEqual(expect.any(Number));
    expect(done.completedAt).not.toBeNull();
    expect((await settled(partner, second?.id ?? '')).status).toBe('done');

    const untilA = addMonthsClamped(addCalendarDays(today, 10), 12);
    const untilC = addMonthsClamped(today, 12);
    expect(await subscriptionEnd(a)).toBe(untilA);
    expect(await subscriptionEnd(c)).toBe(untilC);
    const items = await partner.get<ActivationItemList>(`/api/v1/partner/activations/${first?.id}/items`);
    expect(items.body.items.map((i) => [i.serial, i.previousEnd, i.validUntil, i.newEnd])).toEqual([
      [a, addCalendarDays(today, 10), untilA, untilA],
      [c, addCalendarDays(today, -40), untilC, untilC],
    ]);

    const file = await partner.get(`/api/v1/partner/activations/${first?.id}/license-file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(`license-${first?.number}.slf`);
    const keys = Object.fromEntries((await publishedLicenseKeys(t.db)).map((k) => [k.kid, k.publicKeyPem]));
    // Every file is valid from the day it is issued, a renewal of device a too (it supersedes the older file).
    const verified = verifyLicenseBundle({ text: file.text, keys });
    expect(verified.ok).toBe(true);
    const payloads = verified.results.map((r) => (r.ok ? r.payload : null));
    expect(payloads.map((p) => [p?.deviceSerial, p?.validFrom, p?.validUntil])).toEqual([
      [a, today, untilA],
      [c, today, untilC],
    ]);
    expect(payloads[0]).toMatchObject({
      model: 'NETPAY-ФС',
      vendor: 'Пэй Киоск',
      activationNumber: first?.number,
    });
    // The vendor with an integration got the same signed license the device's row holds.
    const sent = vendorServer.received.find((r) => r.activationNumber === second?.number);
    const [held] = await t.db
      .select({ text: deviceLicenses.licenseText })
      .from(deviceLicenses)
      .innerJoin(devices, eq(devices.id, deviceLicenses.deviceId))
      .where(eq(devices.serial, b));
    expect(sent?.licenses[0]?.license).toBe(held?.text);

    const mail = await t.mailbox.waitForMail((m) => m.subject === `Активация № ${first?.number} выполнена`);
    expect(mail.text).toContain(`заказ № ${done.orderNumber}`);
  });

  it('a failing vendor integration → «Ошибка» with its text; «Повторить запрос» → «Выполнена»', async () => {
    const serial = await addDevice(model.rr04, addCalendarDays(today, 5));
    vendorServer.setMode('fail');
    const res = await activate(partner, orgId, [serial]);
    const id = res.body.items[0]?.id ?? '';
    const failed = await settled(partner, id);
    expect(failed).toMatchObject({ status: 'failed', error: 'Внутренняя ошибка', orderId: null });
    expect(await subscriptionEnd(serial)).toBe(addCalendarDays(today, 5));
    expect(
      (await partner.get<ErrorBody>(`/api/v1/partner/activations/${id}/license-file`)).body.error.code,
    ).toBe('LICENSE_FILE_NOT_READY');
    // The devices are released: the pre-check lets them be activated again.
    const check = await partner.post<PrecheckResponse>('/api/v1/partner/activations/check', {
      organizationId: orgId,
      serials: [serial],
    });
    expect(check.body.rows[0]?.error).toBeNull();
    await t.mailbox.waitForMail((m) => m.subject === `Активация № ${failed.number}: ошибка`);

    vendorServer.setMode('ok');
    const retried = await partner.post<ActivationSummary>(`/api/v1/partner/activations/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'in_progress', error: null });
    expect((await partner.post<ErrorBody>(`/api/v1/partner/activations/${id}/retry`)).status).toBe(409);
    const done = await settled(partner, id);
    expect(done.status).toBe('done');
    expect(await subscriptionEnd(serial)).toBe(addMonthsClamped(addCalendarDays(today, 5), 12));
    const [row] = await t.db
      .select({ attempts: activations.attempts })
      .from(activations)
      .where(eq(activations.id, id));
    expect(row?.attempts).toBe(2);
  });

  it('«Повторить запрос» answers 409 while another activation in progress holds a device', async () => {
    const serial = await addDevice(model.rr04);
    vendorServer.setMode('fail');
    const failed = await activate(partner, orgId, [serial]);
    const id = failed.body.items[0]?.id ?? '';
    expect((await settled(partner, id)).status).toBe('failed');
    vendorServer.hold();
    try {
      const other = await activate(partner, orgId, [serial]);
      expect(other.status).toBe(201);
      const retry = await partner.post<ErrorBody>(`/api/v1/partner/activations/${id}/retry`);
      expect(retry.status).toBe(409);
      expect(retry.body.error.code).toBe('DEVICE_ACTIVATION_IN_PROGRESS');
      expect((await partner.get<ActivationSummary>(`/api/v1/partner/activations/${id}`)).body.status).toBe(
        'failed',
      );
    } finally {
      vendorServer.release('ok');
    }
  });

  it('refuses serials that fail the pre-check (422) and unconfirmed long subscriptions (409)', async () => {
    const long = await addDevice(model.netpay, addCalendarDays(today, 400));
    const invalid = await activate(partner, orgId, [long, '0124230115000230']);
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('ACTIVATION_SERIALS_INVALID');
    expect(invalid.body.error.details).toEqual([
      { serial: '0124230115000230', code: 'NOT_FOUND', message: 'Серийный номер не найден' },
    ]);
    const unconfirmed = await activate(partner, orgId, [long]);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({
      code: 'LONG_SUBSCRIPTION_UNCONFIRMED',
      details: { serials: [long] },
    });
    const confirmed = await activate(partner, orgId, [long], { confirmLongSubscriptions: true });
    expect(confirmed.status).toBe(201);
    await settled(partner, confirmed.body.items[0]?.id ?? '');
    expect(await subscriptionEnd(long)).toBe(addMonthsClamped(addCalendarDays(today, 400), 12));
  });

  it('needs the offer accepted (409), activation opened (403), no overdue invoice (409)', async () => {
    const serial = await addDevice(model.netpay);
    const unaccepted = await partnerOrganization({ accept: false });
    const a = await activate(unaccepted.client, unaccepted.org.id, [serial]);
    expect(a.status).toBe(409);
    expect(a.body.error.code).toBe('OFFER_NOT_ACCEPTED');
    const closed = await partnerOrganization({ mayActivate: false });
    const b = await activate(closed.client, closed.org.id, [serial]);
    expect(b.status).toBe(403);
    expect(b.body.error.code).toBe('ACTIVATION_NOT_ALLOWED');

    const debtor = await partnerOrganization();
    const first = await activate(debtor.client, debtor.org.id, [serial]);
    const done = await settled(debtor.client, first.body.items[0]?.id ?? '');
    await t.db
      .update(orders)
      .set({ dueDate: addCalendarDays(today, -1) })
      .where(eq(orders.id, done.orderId ?? ''));
    const blocked = await activate(debtor.client, debtor.org.id, [await addDevice(model.netpay)]);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('ACTIVATION_BLOCKED_OVERDUE');
    const list = await debtor.client.get<PartnerOrganizationList>('/api/v1/partner/organizations');
    expect(list.body.items[0]?.blockedReason).toContain('срок оплаты истёк');
  });

  it('«Повторить запрос» obeys the overdue block like a new activation', async () => {
    const debtor = await partnerOrganization();
    vendorServer.setMode('fail');
    const failing = await activate(debtor.client, debtor.org.id, [await addDevice(model.rr04)]);
    const failedId = failing.body.items[0]?.id ?? '';
    expect((await settled(debtor.client, failedId)).status).toBe('failed');
    vendorServer.setMode('ok');
    const first = await activate(debtor.client, debtor.org.id, [await addDevice(model.netpay)]);
    const done = await settled(debtor.client, first.body.items[0]?.id ?? '');
    await t.db
      .update(orders)
      .set({ dueDate: addCalendarDays(today, -1) })
      .where(eq(orders.id, done.orderId ?? ''));

    const blocked = await debtor.client.post<ErrorBody>(`/api/v1/partner/activations/${failedId}/retry`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('ACTIVATION_BLOCKED_OVERDUE');
    const still = await debtor.client.get<ActivationSummary>(`/api/v1/partner/activations/${failedId}`);
    expect(still.body.status).toBe('failed');

    await t.db
      .update(orders)
      .set({ paymentStatus: 'paid' })
      .where(eq(orders.id, done.orderId ?? ''));
    const retried = await debtor.client.post<ActivationSummary>(
      `/api/v1/partner/activations/${failedId}/retry`,
    );
    expect(retried.status).toBe(200);
    expect((await settled(debtor.client, failedId)).status).toBe('done');
  });

  it('replays the answer for the same Idempotency-Key and refuses the key with another body', async () => {
    const serial = await addDevice(model.netpay);
    const key = randomUUID();
    const first = await activate(partner, orgId, [serial], { key });
    const again = await activate(partner, orgId, [serial], { key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const [n] = await t.db
      .select({ n: count() })
      .from(activationItems)
      .innerJoin(devices, eq(devices.id, activationItems.deviceId))
      .where(eq(devices.serial, serial));
    expect(Number(n?.n)).toBe(1);
    const other = await activate(partner, orgId, [serial, await addDevice(model.netpay)], { key });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('50 parallel requests for one device make one activation and extend the device once', async () => {
    const serial = await addDevice(model.rr04, addCalendarDays(today, 20));
    vendorServer.hold();
    let created: string[] = [];
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => activate(partner, orgId, [serial])));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409 || s === 422)).toHaveLength(49);
      for (const refused of answers.filter((r) => r.status !== 201))
        expect(['DEVICE_ACTIVATION_IN_PROGRESS', 'ACTIVATION_SERIALS_INVALID']).toContain(
          refused.body.error.code,
        );
      created = answers.flatMap((r) => (r.status === 201 ? r.body.items.map((i) => i.id) : []));
    } finally {
      vendorServer.release('ok');
    }
    expect(created).toHaveLength(1);
    expect((await settled(partner, created[0] ?? '')).status).toBe('done');
    expect(await subscriptionEnd(serial)).toBe(addMonthsClamped(addCalendarDays(today, 20), 12));
  });

  it('a duplicate delivery of the job (concurrent and later) extends the device once and makes one order', async () => {
    const serial = await addDevice(model.rr04, addCalendarDays(today, 3));
    vendorServer.hold();
    const before = vendorServer.received.length;
    const res = await activate(partner, orgId, [serial]);
    const id = res.body.items[0]?.id ?? '';
    // The worker's delivery and two more run at once; all of them reach the vendor before it answers.
    const extra = Promise.all([
      processActivation(t.deps, { activationId: id }),
      processActivation(t.deps, { activationId: id }),
    ]);
    for (let i = 0; i < 300 && vendorServer.received.length < before + 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(vendorServer.received.length - before).toBe(3);
    // Every delivery sent the very same signed license.
    const sent = vendorServer.received.slice(before).map((r) => r.licenses[0]?.license);
    expect(new Set(sent).size).toBe(1);
    vendorServer.release('ok');
    await extra;
    expect((await settled(partner, id)).status).toBe('done');
    await processActivation(t.deps, { activationId: id });
    const until = addMonthsClamped(addCalendarDays(today, 3), 12);
    expect(await subscriptionEnd(serial)).toBe(until);
    const [orderCount] = await t.db.select({ n: count() }).from(orders).where(eq(orders.activationId, id));
    expect(Number(orderCount?.n)).toBe(1);
    const [held] = await t.db
      .select({ until: deviceLicenses.validUntil, activationId: deviceLicenses.activationId })
      .from(deviceLicenses)
      .innerJoin(devices, eq(devices.id, deviceLicenses.deviceId))
      .where(eq(devices.serial, serial));
    expect(held).toEqual({ until, activationId: id });
  });

  it('activates 10 000 devices in one request', async () => {
    const big = await partnerOrganization();
    const serials = Array.from({ length: 10_000 }, (_, i) => `88${String(i).padStart(14, '0')}`);
    await t.db.execute(
      sql`insert into devices (serial, model_id, subscription_end) select s, ${model.netpay}::uuid, ${today}::date from unnest(${sql.param(serials)}::text[]) as s`,
    );
    const res = await activate(big.client, big.org.id, serials);
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.items[0]).toMatchObject({ licenseCount: 10_000, totalKopecks: 2_000_000_000 });
    const done = await settled(big.client, res.body.items[0]?.id ?? '');
    expect(done.status).toBe('done');
    const until = addMonthsClamped(today, 12);
    const [extended] = await t.db
      .select({ n: count() })
      .from(devices)
      // Exactly these serials: a random serial of another test may also start with 88.
      .where(
        and(sql`${devices.serial} = any(${sql.param(serials)}::text[])`, eq(devices.subscriptionEnd, until)),
      );
    expect(Number(extended?.n)).toBe(10_000);
    const page = await big.client.get<ActivationItemList>(
      `/api/v1/partner/activations/${done.id}/items?page=200&pageSize=50`,
    );
    expect(page.body).toMatchObject({ total: 10_000 });
    expect(page.body.items.at(-1)?.serial).toBe(serials[9_999]);
    // «Поиск по СН» with a prefix matching all 10 000 items (more than the id list takes) and with one serial.
    for (const prefix of ['88', serials[4_321] ?? '']) {
      const found = await big.client.get<ActivationList>(`/api/v1/partner/activations?serial=${prefix}`);
      expect(found.body.items.map((a) => a.id)).toEqual([done.id]);
    }
  }, 120_000);
});

describe('activation list and page', () => {
  it('filters by serial prefix, organization and status; sorts; comments', async () => {
    const serial = await addDevice(model.netpay);
    const res = await activate(partner, orgId, [serial]);
    const id = res.body.items[0]?.id ?? '';
    await settled(partner, id);
    const bySerial = await partner.get<ActivationList>(
      `/api/v1/partner/activations?serial=${serial.slice(0, 12)}&organizationId=${orgId}`,
    );
    expect(bySerial.body.items.map((a) => a.id)).toEqual([id]);
    expect(bySerial.body.items[0]).toMatchObject({
      orderNumber: expect.any(Number),
      paymentStatus: 'pending',
    });
    const failed = await partner.get<ActivationList>('/api/v1/partner/activations?status=failed');
    expect(failed.body.items.every((a) => a.status === 'failed')).toBe(true);
    const asc = await partner.get<ActivationList>(
      '/api/v1/partner/activations?sort=number&order=asc&pageSize=100',
    );
    const numbers = asc.body.items.map((a) => a.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(asc.body.items.every((a) => a.organizationId === orgId)).toBe(true);

    const commented = await partner.put<ActivationSummary>(`/api/v1/partner/activations/${id}/comment`, {
      comment: '  клиент ООО Ромашка по заявке от 13.04.26 ',
    });
    expect(commented.body.comment).toBe('клиент ООО Ромашка по заявке от 13.04.26');
    const cleared = await partner.put<ActivationSummary>(`/api/v1/partner/activations/${id}/comment`, {
      comment: '',
    });
    expect(cleared.body.comment).toBeNull();
  });

  it('back office: every organization, search by organization, retry a failed activation', async () => {
    const serial = await addDevice(model.rr04);
    vendorServer.setMode('fail');
    const res = await activate(partner, orgId, [serial]);
    const id = res.body.items[0]?.id ?? '';
    const failed = await settled(partner, id);
    const list = await staff.get<ActivationList>(
      `/api/v1/admin/activations?q=${encodeURIComponent(failed.organizationInn)}&status=failed`,
    );
    expect(list.body.items.map((a) => a.id)).toContain(id);
    expect((await staff.get<ActivationItemList>(`/api/v1/admin/activations/${id}/items`)).body.total).toBe(1);
    vendorServer.setMode('ok');
    const support = await t.loginAs((await createUser(t.db, { staffRole: 'support' })).email, PASSWORD);
    expect((await support.get(`/api/v1/admin/activations/${id}`)).status).toBe(200);
    expect((await support.post(`/api/v1/admin/activations/${id}/retry`)).status).toBe(403);
    expect((await staff.post<ActivationSummary>(`/api/v1/admin/activations/${id}/retry`)).body.status).toBe(
      'in_progress',
    );
    expect((await settled(partner, id)).status).toBe('done');
  });
});

describe('security', () => {
  it('another partner’s activation, items and license file answer 404', async () => {
    const serial = await addDevice(model.netpay);
    const res = await activate(partner, orgId, [serial]);
    const id = res.body.items[0]?.id ?? '';
    await settled(partner, id);
    const stranger = await partnerOrganization();
    for (const path of [
      `/api/v1/partner/activations/${id}`,
      `/api/v1/partner/activations/${id}/items`,
      `/api/v1/partner/activations/${id}/license-file`,
    ])
      expect((await stranger.client.get(path)).status, path).toBe(404);
    expect((await stranger.client.post(`/api/v1/partner/activations/${id}/retry`)).status).toBe(404);
    expect(
      (await stranger.client.put(`/api/v1/partner/activations/${id}/comment`, { comment: 'x' })).status,
    ).toBe(404);
    const list = await stranger.client.get<ActivationList>(
      `/api/v1/partner/activations?organizationId=${orgId}`,
    );
    expect(list.body).toMatchObject({ items: [], total: 0 });
    expect((await activate(stranger.client, orgId, [serial])).status).toBe(404);
    // Partners never reach the back office.
    expect((await partner.get('/api/v1/admin/activations')).status).toBe(403);
  });

  it('a viewer reads but does not activate', async () => {
    const viewer = await createUser(t.db, { memberOf: [[orgId, 'viewer']] });
    const client = await t.loginAs(viewer.email, PASSWORD);
    expect((await client.get('/api/v1/partner/activations')).status).toBe(200);
    const res = await activate(client, orgId, [await addDevice(model.netpay)]);
    expect(res.status).toBe(403);
  });
});
