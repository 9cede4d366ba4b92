import { createHash, randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/server/modules/notifications/schema';
import { createOrderForActivation, queueOrderDocuments } from '../../src/server/modules/orders/create-order';
import { generateOrderDocuments } from '../../src/server/modules/orders/generate-documents';
import { orderRefsForActivations } from '../../src/server/modules/orders/order-refs';
import { overdueReasonFor, requireNoOverdueOrders } from '../../src/server/modules/orders/overdue';
import { remindOverdueOrders } from '../../src/server/modules/orders/remind-overdue';
import { orderPayments, orders } from '../../src/server/modules/orders/schema';
import type { LicensorSettings, OrderDetail, OrderList } from '../../src/shared/api/orders';
import { moscowIsoDate } from '../../src/shared/dates';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';
import {
  type Catalog,
  createAccount,
  createCatalog,
  type ItemSpec,
  insertDoneActivation,
  LICENSE_NAME,
  makePartner,
  publishOffer,
} from '../helpers/partner-factories';
import { pdfText } from '../helpers/pdf-text';

let t: TestApp;
let catalog: Catalog;
let offerId: string;
/** Two organizations of one partner account (ООО and ИП), and an unrelated partner. */
let gold: Awaited<ReturnType<typeof createOrg>>;
let ip: Awaited<ReturnType<typeof createOrg>>;
let stranger: Awaited<ReturnType<typeof createOrg>>;
let partnerUserId: string;
let accountantEmail: string;
let partner: TestClient;
let otherPartner: TestClient;
let buh: TestClient;
let support: TestClient;

const exemptItem = (price = 200_000): ItemSpec => ({
  licenseTypeId: catalog.exemptTypeId,
  licenseTypeName: LICENSE_NAME,
  priceKopecks: price,
  vat: null,
});

async function makeOrder(organizationId: string, items = [exemptItem()], now = new Date()) {
  const activation = await insertDoneActivation(t.db, {
    organizationId,
    userId: partnerUserId,
    catalog,
    items,
  });
  const order = await t.db.transaction((tx) => createOrderForActivation(tx, activation.id, now));
  return { activation, ...order };
}

/** A partner organization of its own (tests that leave overdue orders behind must not disturb the others). */
async function freshPartner(
  paymentMode: 'prepayment' | 'postpayment' = 'prepayment',
  days: number | null = null,
) {
  const organization = await createOrg(t.db, { programs: ['partner'] });
  await makePartner(t.db, { organizationId: organization.id, offerId, paymentMode, postpaymentDays: days });
  return organization;
}

async function waitForDocuments(orderId: string): Promise<OrderDetail> {
  await queueOrderDocuments(t.deps, orderId);
  let detail: OrderDetail | null = null;
  await expect
    .poll(
      async () => {
        detail = (await partner.get<OrderDetail>(`/api/v1/partner/orders/${orderId}`)).body;
        // The detail's reads are not one snapshot on PostgreSQL: wait for both effects of the job's commit.
        return `${detail.documents.length} ${detail.status}`;
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe('2 shipped');
  if (!detail) throw new Error('unreachable');
  return detail;
}

async function download(client: TestClient, path: string) {
  const res = await fetch(t.url + path, { headers: { cookie: client.cookieHeader } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  t = await startTestApp({ smtp: true });
  catalog = await createCatalog(t.db);
  offerId = await publishOffer(t.db);
  const account = await createAccount(t.db, 'Золотой стандарт');
  gold = await createOrg(t.db, {
    shortName: 'ООО "ЗОЛОТОЙ СТАНДАРТ"',
    fullName: 'Общество с ограниченной ответственностью "ЗОЛОТОЙ СТАНДАРТ"',
    programs: ['partner'],
  });
  ip = await createOrg(t.db, { shortName: 'Золотухин Юрий Николаевич ИП', programs: ['partner'] });
  stranger = await createOrg(t.db, { programs: ['partner'] });
  await makePartner(t.db, { organizationId: gold.id, offerId, accountId: account });
  await makePartner(t.db, { organizationId: ip.id, offerId, accountId: account });
  await makePartner(t.db, {
    organizationId: stranger.id,
    offerId,
    paymentMode: 'postpayment',
    postpaymentDays: 5,
  });

  const user = await createUser(t.db, {
    name: 'Приветов Привет Приветович',
    memberOf: [
      [gold.id, 'owner'],
      [ip.id, 'owner'],
    ],
  });
  partnerUserId = user.id;
  accountantEmail = `accountant-${user.id.slice(0, 8)}@example.test`;
  await createUser(t.db, { email: accountantEmail, memberOf: [[gold.id, 'accountant']] });
  const other = await createUser(t.db, { memberOf: [[stranger.id, 'owner']] });
  partner = await t.loginAs(user.email, PASSWORD);
  otherPartner = await t.loginAs(other.email, PASSWORD);
  buh = await t.loginAs((await createUser(t.db, { staffRole: 'accountant' })).email, PASSWORD);
  support = await t.loginAs((await createUser(t.db, { staffRole: 'support' })).email, PASSWORD);
});
afterAll(async () => t?.close());

describe('creating orders from completed activations', () => {
  it('numbers orders and invoices without gaps, also when activations complete in parallel', async () => {
    const made = await Promise.all(Array.from({ length: 6 }, () => makeOrder(gold.id)));
    const rows = await Promise.all(
      made.map(async (m) => (await t.db.select().from(orders).where(eq(orders.id, m.orderId)))[0]),
    );
    const numbers = rows.map((r) => r?.number ?? 0).sort((a, b) => a - b);
    const seqs = rows.map((r) => r?.invoiceSeq ?? 0).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    for (const row of rows) expect(row?.invoiceNumber).toBe(`ПГ-${row?.invoiceSeq}`);
    expect(rows[0]?.invoiceYear).toBe(Number(moscowIsoDate(new Date()).slice(0, 4)));
  });

  it('is idempotent: a second call for the activation returns the same order', async () => {
    const first = await makeOrder(gold.id);
    const again = await t.db.transaction((tx) =>
      createOrderForActivation(tx, first.activation.id, new Date()),
    );
    expect(again).toEqual({ orderId: first.orderId, orderNumber: first.orderNumber });
    const [n] = await t.db
      .select({ n: count() })
      .from(orders)
      .where(eq(orders.activationId, first.activation.id));
    expect(Number(n?.n)).toBe(1);
  });

  it('copies lines, terms, contract and contact; the activation list reads № заказа and payment', async () => {
    const now = new Date('2026-03-17T10:00:00+03:00');
    const postpaid = await freshPartner('postpayment', 5);
    const m = await makeOrder(
      postpaid.id,
      [
        exemptItem(),
        exemptItem(),
        exemptItem(150_000),
        { ...exemptItem(), licenseTypeId: catalog.vatTypeId, licenseTypeName: 'НДС-лицензия', vat: 20 },
      ],
      now,
    );
    const detail = (await buh.get<OrderDetail>(`/api/v1/admin/orders/${m.orderId}`)).body;
    expect(detail).toMatchObject({
      number: m.orderNumber,
      orderDate: '2026-03-17',
      dueDate: '2026-03-22',
      paymentTermsLabel: 'Постоплата 5 дней',
      contract: 'Сублицензионный договор (Постоплата 5 дней) от 15.12.2025',
      supplierName: 'АО «Пи Джи Групп»',
      totalKopecks: 750_000,
      vatKopecks: 33_333,
      contactName: 'Приветов Привет Приветович',
      status: 'accepted',
      paymentStatus: 'pending',
      activationNumber: m.activation.number,
    });
    expect(
      detail.lines.map((l) => [l.name, l.priceKopecks, l.quantity, l.amountKopecks, l.vatLabel]),
    ).toEqual([
      [LICENSE_NAME, 200_000, 2, 400_000, 'Без НДС'],
      [LICENSE_NAME, 150_000, 1, 150_000, 'Без НДС'],
      ['НДС-лицензия', 200_000, 1, 200_000, 'НДС 20%'],
    ]);
    expect(detail.activations).toEqual([
      expect.objectContaining({
        id: m.activation.id,
        number: m.activation.number,
        status: 'done',
        licenseCount: 4,
      }),
    ]);
    const refs = await orderRefsForActivations(t.db, [m.activation.id]);
    expect(refs.get(m.activation.id)).toEqual({
      orderId: m.orderId,
      orderNumber: m.orderNumber,
      paymentStatus: 'pending',
    });
  });
});

describe('documents', () => {
  it('a document answers DOCUMENT_NOT_READY until the job has made it', async () => {
    const m = await makeOrder(ip.id);
    const res = await partner.get<ErrorBody>(`/api/v1/partner/orders/${m.orderId}/documents/invoice`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DOCUMENT_NOT_READY');
  });

  it('makes the invoice and the УПД once, ships the order and mails the invoice PDF to the accountants', async () => {
    const m = await makeOrder(gold.id);
    const detail = await waitForDocuments(m.orderId);
    expect(detail.status).toBe('shipped');
    expect(detail.documents.map((d) => d.kind)).toEqual(['invoice', 'upd']);
    const invoiceNumber = detail.invoiceNumber;

    const first = await download(partner, `/api/v1/partner/orders/${m.orderId}/documents/invoice`);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-type')).toBe('application/pdf');
    expect(first.res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Счет на оплату ${invoiceNumber}.pdf`)}`,
    );
    const second = await download(partner, `/api/v1/partner/orders/${m.orderId}/documents/invoice`);
    expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    expect(sha256(first.bytes)).toBe(detail.documents[0]?.sha256);

    const invoice = await pdfText(first.bytes);
    expect(invoice).toContain(`Счет на оплату № ${invoiceNumber} от`);
    expect(invoice).toContain('Без налога (НДС)');
    expect(invoice).toContain('НДС не облагается на основании пп. 26 п. 2 ст. 149 НК РФ');
    expect(invoice).toContain('Всего наименований 1, на сумму 2 000,00 руб.');
    expect(invoice).toContain('Две тысячи рублей 00 копеек');
    expect(invoice).toMatch(/Основание:\s+Сублицензионный договор \(Предоплата 100%\) от 15\.12\.2025/);
    expect(invoice).toContain('044525225');
    expect(invoice).toContain(gold.inn);

    const upd = await download(buh, `/api/v1/admin/orders/${m.orderId}/documents/upd`);
    expect(upd.res.status).toBe(200);
    const updText = await pdfText(upd.bytes);
    expect(updText).toContain('Универсальный передаточный документ');
    expect(updText).toContain('Статус: 2');
    expect(updText).toMatch(
      new RegExp(`Счет-фактура №\\s+${detail.documents[1]?.number} от \\d+ [а-я]+ \\d{4} г\\.`),
    );
    expect(updText).toContain('796');
    expect(updText).toContain('без НДС');

    const mail = await t.mailbox.waitForMail(
      (x) => x.subject === `Счет на оплату № ${invoiceNumber}` && x.to.includes(accountantEmail),
    );
    expect(mail.to).toEqual(expect.arrayContaining([gold.documentEmails[0], gold.accountantEmail]));
    const attachment = mail.parsed.attachments[0];
    expect(attachment?.filename).toBe(`Счет на оплату ${invoiceNumber}.pdf`);
    expect(attachment?.contentType).toBe('application/pdf');
    expect(sha256(attachment?.content as Buffer)).toBe(sha256(first.bytes));

    // The job runs again (at-least-once delivery): nothing is made, numbered or mailed twice.
    await generateOrderDocuments(t.deps, { orderId: m.orderId });
    const again = (await partner.get<OrderDetail>(`/api/v1/partner/orders/${m.orderId}`)).body;
    expect(again.documents).toEqual(detail.documents);
    const [mails] = await t.db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, 'order-invoice'), eq(emailOutbox.subject, mail.subject)));
    expect(Number(mails?.n)).toBe(1);
  }, 60_000);

  it('a failure to queue the invoice mail after commit keeps the stored documents', async () => {
    const m = await makeOrder(gold.id);
    const failingJobs = {
      ...t.deps.jobs,
      send: async () => {
        throw new Error('queue unavailable');
      },
    };
    await expect(
      generateOrderDocuments({ ...t.deps, jobs: failingJobs }, { orderId: m.orderId }),
    ).rejects.toThrow('queue unavailable');
    const detail = (await partner.get<OrderDetail>(`/api/v1/partner/orders/${m.orderId}`)).body;
    expect(detail.documents.map((d) => d.kind)).toEqual(['invoice', 'upd']);
    for (const document of detail.documents) {
      const got = await download(partner, `/api/v1/partner/orders/${m.orderId}/documents/${document.kind}`);
      expect(got.res.status, document.kind).toBe(200);
      expect(sha256(got.bytes)).toBe(document.sha256);
    }
  }, 60_000);

  it('with VAT the invoice says «В том числе НДС 20%» and the УПД has status 1', async () => {
    const m = await makeOrder(gold.id, [
      {
        licenseTypeId: catalog.vatTypeId,
        licenseTypeName: 'Сервис удалённой настройки',
        priceKopecks: 120_000,
        vat: 20,
      },
    ]);
    const detail = await waitForDocuments(m.orderId);
    const invoice = await pdfText(
      (await download(partner, `/api/v1/partner/orders/${m.orderId}/documents/invoice`)).bytes,
    );
    expect(invoice).toContain('В том числе НДС 20%:');
    expect(invoice).toContain('200,00');
    expect(invoice).not.toContain('пп. 26 п. 2 ст. 149');
    expect(invoice).toContain('Одна тысяча двести рублей 00 копеек');
    const upd = await pdfText(
      (await download(partner, `/api/v1/partner/orders/${m.orderId}/documents/upd`)).bytes,
    );
    expect(upd).toContain('Статус: 1');
    expect(upd).toContain('20%');
    expect(detail.vatKopecks).toBe(20_000);
  }, 60_000);
});

describe('payments and the overdue block', () => {
  it('an unpaid invoice past its due date blocks activation for every organization of the account until paid', async () => {
    const now = new Date();
    const tenDaysAgo = new Date(now.getTime() - 10 * 86_400_000);
    const m = await makeOrder(gold.id, [exemptItem()], tenDaysAgo);
    const [row] = await t.db.select().from(orders).where(eq(orders.id, m.orderId));
    if (!row) throw new Error('order');

    // The other organization of the same account is blocked too, and the message names the invoice.
    const blocked = requireNoOverdueOrders(t.db, ip.id, now);
    await expect(blocked).rejects.toMatchObject({ code: 'ACTIVATION_BLOCKED_OVERDUE', status: 409 });
    const reason = await overdueReasonFor(t.db, ip.id, now);
    expect(reason).toContain('Активация лицензий приостановлена: не оплачен счёт ПГ-');
    expect(reason).toContain('(ООО "ЗОЛОТОЙ СТАНДАРТ")');
    expect(reason).toContain('После оплаты активация откроется автоматически.');
    // An unrelated partner is not.
    await expect(requireNoOverdueOrders(t.db, stranger.id, now)).resolves.toBeUndefined();

    const overdueList = (await partner.get<OrderList>('/api/v1/partner/orders?overdue=true&pageSize=100'))
      .body;
    expect(overdueList.items.map((o) => o.id)).toContain(m.orderId);
    expect(overdueList.items.every((o) => o.overdue)).toBe(true);

    // Pay every overdue invoice of the account (earlier tests may have left some): the block lifts.
    const key = `pay-${m.orderId}`;
    const paid = await buh.post<OrderDetail>(
      `/api/v1/admin/orders/${m.orderId}/payments`,
      { paidOn: moscowIsoDate(now), reference: 'п/п 4711' },
      { headers: { 'idempotency-key': key } },
    );
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ paymentStatus: 'paid', overdue: false });
    expect(paid.body.payments).toEqual([
      expect.objectContaining({ amountKopecks: 200_000, reference: 'п/п 4711', paidOn: moscowIsoDate(now) }),
    ]);
    expect(paid.body.payments[0]?.recordedByEmail).toEqual(expect.stringContaining('@'));
    // The partner sees the payment, not which operator employee recorded it.
    const seen = (await partner.get<OrderDetail>(`/api/v1/partner/orders/${m.orderId}`)).body;
    expect(seen.payments).toEqual([
      expect.objectContaining({ reference: 'п/п 4711', recordedByEmail: null }),
    ]);
    for (const other of (await partner.get<OrderList>('/api/v1/partner/orders?overdue=true&pageSize=100'))
      .body.items)
      await buh.post(
        `/api/v1/admin/orders/${other.id}/payments`,
        {
          paidOn: moscowIsoDate(now),
          reference: 'п/п 1',
        },
        { headers: { 'idempotency-key': randomUUID() } },
      );
    await expect(requireNoOverdueOrders(t.db, ip.id, now)).resolves.toBeUndefined();
    expect(await overdueReasonFor(t.db, gold.id, now)).toBeNull();

    // The same Idempotency-Key replays without a second payment; a new request for a paid order is 409.
    const replay = await buh.post<OrderDetail>(
      `/api/v1/admin/orders/${m.orderId}/payments`,
      { paidOn: moscowIsoDate(now), reference: 'п/п 4711' },
      { headers: { 'idempotency-key': key } },
    );
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const [n] = await t.db
      .select({ n: count() })
      .from(orderPayments)
      .where(eq(orderPayments.orderId, m.orderId));
    expect(Number(n?.n)).toBe(1);
    const again = await buh.post<ErrorBody>(
      `/api/v1/admin/orders/${m.orderId}/payments`,
      {
        paidOn: moscowIsoDate(now),
        reference: 'п/п 4712',
      },
      { headers: { 'idempotency-key': randomUUID() } },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ORDER_ALREADY_PAID');

    await t.mailbox.waitForMail(
      (x) => x.subject === `Оплата по счёту ${row.invoiceNumber} получена` && x.to.includes(accountantEmail),
    );
  }, 60_000);

  it('part payments add up; more than what is due is refused with 422', async () => {
    const m = await makeOrder(ip.id, [exemptItem(), exemptItem()]);
    const path = `/api/v1/admin/orders/${m.orderId}/payments`;
    const part = await buh.post<OrderDetail>(
      path,
      {
        paidOn: '2026-04-01',
        reference: 'п/п 1',
        amountKopecks: 150_000,
      },
      { headers: { 'idempotency-key': randomUUID() } },
    );
    expect(part.status).toBe(201);
    expect(part.body.paymentStatus).toBe('pending');
    const over = await buh.post<ErrorBody>(
      path,
      {
        paidOn: '2026-04-02',
        reference: 'п/п 2',
        amountKopecks: 250_001,
      },
      { headers: { 'idempotency-key': randomUUID() } },
    );
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('ORDER_OVERPAID');
    expect(over.body.error.message).toContain('остатка к оплате по счёту');
    expect(over.body.error.message).toContain('2\u00a0500\u00a0₽');
    const rest = await buh.post<OrderDetail>(
      path,
      { paidOn: '2026-04-02', reference: 'п/п 2' },
      { headers: { 'idempotency-key': randomUUID() } },
    );
    expect(rest.body).toMatchObject({ paymentStatus: 'paid' });
    expect(rest.body.payments.map((p) => p.amountKopecks)).toEqual([150_000, 250_000]);
    expect(rest.body.paidAt).not.toBeNull();
  });

  it('reminds each overdue unpaid invoice once a day', async () => {
    const now = new Date();
    const late = await freshPartner();
    const m = await makeOrder(late.id, [exemptItem()], new Date(now.getTime() - 20 * 86_400_000));
    const reminders = async () => {
      const [row] = await t.db
        .select({ n: count() })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.template, 'order-overdue'), eq(emailOutbox.organizationId, late.id)));
      return Number(row?.n);
    };
    await remindOverdueOrders(t.deps, {}, now);
    await remindOverdueOrders(t.deps, {}, now);
    expect(await reminders()).toBe(1);
    const [row] = await t.db.select().from(orders).where(eq(orders.id, m.orderId));
    expect(row?.remindedAt?.getTime()).toBe(now.getTime());
    // The next Moscow day it reminds again.
    await remindOverdueOrders(t.deps, {}, new Date(now.getTime() + 86_400_000));
    expect(await reminders()).toBe(2);
  });
});

describe('lists, filters and who sees what', () => {
  it('the partner list searches by order №, invoice № and activation №, filters by organization and payment', async () => {
    const m = await makeOrder(ip.id);
    const [row] = await t.db.select().from(orders).where(eq(orders.id, m.orderId));
    for (const q of [String(m.orderNumber), row?.invoiceNumber ?? '', String(m.activation.number)]) {
      const list = (await partner.get<OrderList>(`/api/v1/partner/orders?q=${encodeURIComponent(q)}`)).body;
      expect(
        list.items.map((o) => o.id),
        q,
      ).toContain(m.orderId);
    }
    const byOrg = (
      await partner.get<OrderList>(`/api/v1/partner/orders?organizationId=${ip.id}&pageSize=100`)
    ).body;
    expect(byOrg.items.length).toBeGreaterThan(0);
    expect(byOrg.items.every((o) => o.organizationId === ip.id)).toBe(true);
    const pending = (
      await partner.get<OrderList>('/api/v1/partner/orders?paymentStatus=pending&pageSize=100')
    ).body;
    expect(pending.items.every((o) => o.paymentStatus === 'pending')).toBe(true);
    const sorted = (await partner.get<OrderList>('/api/v1/partner/orders?sort=number&order=asc&pageSize=100'))
      .body;
    const numbers = sorted.items.map((o) => o.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(sorted.items.find((o) => o.id === m.orderId)).toMatchObject({
      organizationName: 'Золотухин Юрий Николаевич ИП',
      paymentTermsLabel: 'Предоплата 100%',
      totalKopecks: 200_000,
      contactName: 'Приветов Привет Приветович',
      status: 'accepted',
    });
  });

  it("another partner's orders and documents answer 404; the lists never mix partners", async () => {
    const mine = await makeOrder(gold.id);
    await waitForDocuments(mine.orderId);
    for (const path of [
      `/api/v1/partner/orders/${mine.orderId}`,
      `/api/v1/partner/orders/${mine.orderId}/documents/invoice`,
      `/api/v1/partner/orders/${mine.orderId}/documents/upd`,
    ]) {
      const res = await otherPartner.get<ErrorBody>(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('NOT_FOUND');
    }
    const theirs = (await otherPartner.get<OrderList>('/api/v1/partner/orders?pageSize=100')).body;
    expect(theirs.items.every((o) => o.organizationId === stranger.id)).toBe(true);
    const filtered = (await otherPartner.get<OrderList>(`/api/v1/partner/orders?organizationId=${gold.id}`))
      .body;
    expect(filtered.total).toBe(0);
    expect((await t.client().get('/api/v1/partner/orders')).status).toBe(401);
  }, 60_000);

  it('back office: staff read all orders; only admins and accountants record payments; partners get 403', async () => {
    const m = await makeOrder(stranger.id);
    const all = (await support.get<OrderList>(`/api/v1/admin/orders?q=${m.orderNumber}`)).body;
    expect(all.items.map((o) => o.id)).toContain(m.orderId);
    const refused = await support.post<ErrorBody>(
      `/api/v1/admin/orders/${m.orderId}/payments`,
      {
        paidOn: '2026-04-01',
        reference: 'п/п 9',
      },
      { headers: { 'idempotency-key': randomUUID() } },
    );
    expect(refused.status).toBe(403);
    // Money moves only with an Idempotency-Key.
    const keyless = await buh.post<ErrorBody>(`/api/v1/admin/orders/${m.orderId}/payments`, {
      paidOn: '2026-04-01',
      reference: 'п/п 9',
    });
    expect(keyless.status).toBe(400);
    expect(keyless.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect((await partner.get('/api/v1/admin/orders')).status).toBe(403);
    const missing = await buh.get<ErrorBody>('/api/v1/admin/orders/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('the licensor requisites have demo defaults, admins change them, accountants only read', async () => {
    const current = (await buh.get<LicensorSettings>('/api/v1/admin/licensor')).body;
    expect(current).toMatchObject({
      shortName: 'АО «Пи Джи Групп»',
      ogrn: '1187746057322',
      invoicePrefix: 'ПГ-',
    });
    const changed = { ...current, director: 'Иванов И. И.' };
    expect((await buh.put<ErrorBody>('/api/v1/admin/licensor', changed)).status).toBe(403);
    const admin = await t.loginAs((await createUser(t.db, { staffRole: 'admin' })).email, PASSWORD);
    const bad = await admin.put<ErrorBody>('/api/v1/admin/licensor', { ...changed, bik: '123' });
    expect(bad.status).toBe(400);
    const saved = await admin.put<LicensorSettings>('/api/v1/admin/licensor', changed);
    expect(saved.status).toBe(200);
    expect((await buh.get<LicensorSettings>('/api/v1/admin/licensor')).body.director).toBe('Иванов И. И.');
    await admin.put('/api/v1/admin/licensor', current);
  });
});
