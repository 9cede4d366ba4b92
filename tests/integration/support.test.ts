import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/modules/identity/schema';
import { memberships } from '../../src/server/modules/organizations/schema';
import type { AuditList, MailList } from '../../src/shared/api/admin';
import type { Product } from '../../src/shared/api/catalog';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import type { MembershipRole } from '../../src/shared/api/roles';
import type {
  AdminSupportTicketDetail,
  AdminSupportTicketList,
  SupportContacts,
  SupportTicketDetail,
  SupportTicketList,
} from '../../src/shared/api/support';
import { serialDateOf } from '../../src/shared/serial-number';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

const AO_SUPPORT = 'help@alteroffice.example';

let t: TestApp;
let admin: TestClient;
let support: TestClient;
let supportUser: { id: string; email: string; name: string };
let secondSupportEmail: string;
let blockedSupportEmail: string;
let ao: { id: string };
let ad: { id: string };

beforeAll(async () => {
  t = await startTestApp({ smtp: true });
  const a = await createUser(t.db, { staffRole: 'admin' });
  admin = await t.loginAs(a.email, PASSWORD);
  supportUser = await createUser(t.db, { staffRole: 'support', name: 'Петров Инженер' });
  support = await t.loginAs(supportUser.email, PASSWORD);
  secondSupportEmail = (await createUser(t.db, { staffRole: 'support' })).email;
  const blocked = await createUser(t.db, { staffRole: 'support' });
  await t.db.update(users).set({ status: 'blocked' }).where(eq(users.id, blocked.id));
  blockedSupportEmail = blocked.email;
  ao = await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
  ad = await createArticle(t.db, 'AD-19629913021', { name: 'AlterOS Стандартная' });
  await createProductCard(t.db, 'AO', 'AlterOffice');
  await createProductCard(t.db, 'AD', 'AlterOS');
  // AlterOffice has its own support mailbox; AlterOS has none, so its requests go to the support staff.
  const saved = await admin.put<Product>('/api/v1/admin/catalog/products/AO', {
    name: 'AlterOffice',
    supportEmail: ` ${AO_SUPPORT.toUpperCase()} `,
    supportPhone: '8 800 000-00-02 доб. 5',
  });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ supportEmail: AO_SUPPORT, supportPhone: '8 800 000-00-02 доб. 5' });
});
afterAll(async () => t?.close());

/** An organization with licenses (`AO` serials first, then `AD`) and a logged-in member of the given role. */
async function orgWithLicenses(options: { ao?: number; ad?: number; role?: MembershipRole } = {}) {
  const org = await createOrg(t.db);
  const user = await createUser(t.db, {
    memberOf: [[org.id, options.role ?? 'owner']],
    name: 'Смирнова Анна',
  });
  const serials: string[] = [];
  for (const [article, count] of [
    [ao, options.ao ?? 1],
    [ad, options.ad ?? 0],
  ] as const) {
    if (count === 0) continue;
    const res = await admin.post<LicenseIssueResponse>('/api/v1/admin/licenses/issue', {
      organizationId: org.id,
      articleId: article.id,
      quantity: 3,
      serialsCount: count,
    });
    expect(res.status).toBe(201);
    serials.push(...res.body.licenses.map((l) => l.serial));
  }
  return { org, user, serials, client: await t.loginAs(user.email, PASSWORD) };
}

/** How people paste serials: Cyrillic А/О/С typed in a Russian layout, typographic dashes, spaces. */
function sloppySpelling(serial: string): string {
  return ` ${serial.replace(/A/g, 'А').replace(/O/g, 'о').replace(/-/g, ' – ')} `;
}

const create = (client: TestClient, body: Record<string, unknown>, headers?: Record<string, string>) =>
  client.post<SupportTicketDetail & ErrorBody>(
    '/api/v1/support/tickets',
    body,
    headers ? { headers } : undefined,
  );

describe('support contacts', () => {
  it('lists the contacts of licensed products only, with the head of the technical department', async () => {
    const info = {
      operatorName: 'ООО «Альтер Софт»',
      about: '',
      phone: '',
      email: '',
      address: '',
      website: '',
      techLeadName: 'Иванов Сергей Петрович',
      techLeadPhone: '+7 495 000-00-01',
      techLeadEmail: 'tech@kabinet.example',
    };
    expect((await admin.put('/api/v1/admin/portal-info', info)).status).toBe(200);
    const { client } = await orgWithLicenses({ ao: 2 });
    const res = await client.get<SupportContacts>('/api/v1/support/contacts');
    expect(res.status).toBe(200);
    expect(res.body.products).toEqual([
      {
        productCode: 'AO',
        productName: 'AlterOffice',
        supportEmail: AO_SUPPORT,
        supportPhone: '8 800 000-00-02 доб. 5',
        licensesCount: 2,
      },
    ]);
    expect(res.body.techLead).toEqual({
      name: 'Иванов Сергей Петрович',
      phone: '+7 495 000-00-01',
      email: 'tech@kabinet.example',
    });
  });

  it('validates the product card contacts; an empty field clears them', async () => {
    const badEmail = await admin.put<ErrorBody>('/api/v1/admin/catalog/products/AS', {
      name: 'Сервер',
      supportEmail: 'не почта',
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.details?.[0]?.path).toBe('supportEmail');
    const badPhone = await admin.put<ErrorBody>('/api/v1/admin/catalog/products/AS', {
      name: 'Сервер',
      supportPhone: '12',
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details?.[0]?.path).toBe('supportPhone');
    const cleared = await admin.put<Product>('/api/v1/admin/catalog/products/AS', {
      name: 'Сервер',
      supportEmail: '',
      supportPhone: '',
    });
    expect(cleared.body).toMatchObject({ supportEmail: null, supportPhone: null });
  });
});

describe('creating a request', () => {
  it('accepts the serial in a sloppy spelling and mails the product support mailbox', async () => {
    const { client, serials, user, org } = await orgWithLicenses({ ao: 1 });
    const serial = serials[0] ?? '';
    const res = await create(client, {
      serial: sloppySpelling(serial),
      subject: '  Не устанавливается\nобновление ',
      body: 'После обновления не запускается редактор.\n\nВерсия 2.5.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      serial,
      productCode: 'AO',
      productName: 'AlterOffice',
      subject: 'Не устанавливается обновление',
      status: 'open',
      closedAt: null,
      author: { id: user.id, name: 'Смирнова Анна' },
    });
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.messages[0]).toMatchObject({ authorKind: 'customer', author: { id: user.id } });

    const subject = `Обращение № ${res.body.number}: Не устанавливается обновление`;
    const mail = await t.mailbox.waitForMail((m) => m.subject === subject);
    expect(mail.to).toEqual([AO_SUPPORT]);
    expect(mail.text).toContain(serial);
    expect(mail.text).toContain(org.inn);
    expect(mail.text).toContain('Версия 2.5.');
    expect(mail.text).toContain(`${t.url}/admin/support/${res.body.id}`);

    const audit = await admin.get<AuditList>(
      `/api/v1/admin/audit?action=support.ticket_created&organizationId=${org.id}`,
    );
    expect(audit.body.items[0]?.details).toMatchObject({ number: res.body.number, serial });
  });

  it('without a product mailbox, mails every active support engineer', async () => {
    const { client, serials } = await orgWithLicenses({ ao: 0, ad: 1 });
    const res = await create(client, {
      serial: serials[0],
      subject: 'Драйвер принтера',
      body: 'Не печатает',
    });
    expect(res.status).toBe(201);
    const mail = await t.mailbox.waitForMail(
      (m) => m.subject === `Обращение № ${res.body.number}: Драйвер принтера`,
    );
    expect(mail.to.sort()).toEqual([supportUser.email, secondSupportEmail].sort());
    expect(mail.to).not.toContain(blockedSupportEmail);
  });

  it("refuses another organization's serial and an unknown one with the same 422, creating nothing", async () => {
    const mine = await orgWithLicenses({ ao: 1 });
    const theirs = await orgWithLicenses({ ao: 1 });
    const foreign = theirs.serials[0] ?? '';
    const { year, dayOfYear } = serialDateOf(new Date());
    const unknown = `${year % 100}-AO-19619913021-${String(dayOfYear).padStart(3, '0')}-9990`;
    for (const serial of [foreign, sloppySpelling(foreign), unknown]) {
      const res = await create(mine.client, { serial, subject: 'Тема', body: 'Текст' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('SUPPORT_SERIAL_UNKNOWN');
      expect(res.body.error.message).toContain('не найден среди лицензий вашей организации');
      expect(res.body.error.message).not.toContain(theirs.org.shortName);
      expect(res.body.error.details?.[0]?.path).toBe('serial');
    }
    const garbage = await create(mine.client, { serial: 'ABC-123', subject: 'Тема', body: 'Текст' });
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.message).toMatch(/^Серийный номер не распознан: /);
    const blank = await create(mine.client, { serial: 'x', subject: ' ', body: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details?.map((d) => d.path).sort()).toEqual(['body', 'subject']);
    expect((await mine.client.get<SupportTicketList>('/api/v1/support/tickets')).body.total).toBe(0);
  });

  it('numbers requests gap-free under parallel creation', async () => {
    const a = await orgWithLicenses({ ao: 2 });
    const b = await orgWithLicenses({ ao: 0, ad: 1 });
    const before = await admin.get<AdminSupportTicketList>('/api/v1/admin/support/tickets?pageSize=100');
    const highest = Math.max(0, ...before.body.items.map((i) => i.number));
    expect(before.body.total).toBe(highest); // refused requests above took no numbers either
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const who = i % 3 === 0 ? b : a;
        return create(who.client, {
          serial: who.serials[i % who.serials.length],
          subject: `П${i}`,
          body: 'x',
        });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.body.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => highest + i + 1));
  });

  it('Idempotency-Key: a retry returns the same request, even in parallel', async () => {
    const { client, serials } = await orgWithLicenses({ ao: 1 });
    const body = { serial: serials[0], subject: 'Повтор', body: 'Один раз' };
    const key = randomUUID();
    const [first, second] = await Promise.all(
      [1, 2].map(() => create(client, body, { 'idempotency-key': key })),
    );
    expect(first?.status).toBe(201);
    expect(second?.status).toBe(201);
    expect(second?.body).toEqual(first?.body);
    const retry = await create(client, body, { 'idempotency-key': key });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await client.get<SupportTicketList>('/api/v1/support/tickets')).body.total).toBe(1);
    const other = await create(client, { ...body, subject: 'Другое' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('the conversation', () => {
  it('staff reply → answered and mailed to the author; customer reply → open and mailed to support; close', async () => {
    const { client, serials, user, org } = await orgWithLicenses({ ao: 1 });
    const created = await create(client, {
      serial: serials[0],
      subject: 'Лицензия не активируется',
      body: 'Ошибка 42',
    });
    const { id, number } = created.body;
    const subject = `Обращение № ${number}: Лицензия не активируется`;

    const replied = await support.post<AdminSupportTicketDetail>(
      `/api/v1/admin/support/tickets/${id}/messages`,
      {
        body: 'Проверьте дату на компьютере.\n\nЕсли не поможет — пришлите журнал.',
      },
    );
    expect(replied.status).toBe(200);
    expect(replied.body.status).toBe('answered');
    expect(replied.body.assignee).toEqual({ id: supportUser.id, name: 'Петров Инженер' });
    expect(replied.body.messages.map((m) => m.authorKind)).toEqual(['customer', 'staff']);

    const toAuthor = await t.mailbox.waitForMail((m) => m.to.includes(user.email) && m.subject === subject);
    expect(toAuthor.text).toContain('Проверьте дату на компьютере.');
    expect(toAuthor.text).toContain('Петров Инженер');
    expect(toAuthor.text).toContain(`${t.url}/support/${id}`);
    expect(toAuthor.html).toContain(`href="${t.url}/support/${id}"`);

    const mine = await client.get<SupportTicketDetail>(`/api/v1/support/tickets/${id}`);
    expect(mine.body.status).toBe('answered');
    expect(mine.body.messages[1]).toMatchObject({ authorKind: 'staff', author: { name: 'Петров Инженер' } });

    const supportMailsBefore = t.mailbox.received.filter(
      (m) => m.subject === subject && m.to.includes(AO_SUPPORT),
    ).length;
    // A colleague of the author answers: any member who writes may.
    const colleague = await createUser(t.db, { memberOf: [[org.id, 'member']], name: 'Кузнецов Олег' });
    const other = await t.loginAs(colleague.email, PASSWORD);
    const answer = await other.post<SupportTicketDetail>(`/api/v1/support/tickets/${id}/messages`, {
      body: 'Дата верная, журнал приложу позже',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('open');
    expect(answer.body.messages.at(-1)).toMatchObject({
      authorKind: 'customer',
      author: { id: colleague.id },
    });
    const toSupport = await t.mailbox.waitForMail(
      (m) => m.subject === subject && m.text.includes('Дата верная, журнал приложу позже'),
    );
    // The product mailbox and the engineer who took the request; the mail names who wrote.
    expect(toSupport.to.sort()).toEqual([AO_SUPPORT, supportUser.email].sort());
    expect(toSupport.text).toContain(`Кузнецов Олег <${colleague.email}>`);
    expect(supportMailsBefore).toBe(1);

    const closed = await client.post<SupportTicketDetail>(`/api/v1/support/tickets/${id}/close`);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedAt).not.toBeNull();
    expect((await client.post<SupportTicketDetail>(`/api/v1/support/tickets/${id}/close`)).status).toBe(200);
    const late = await client.post<ErrorBody>(`/api/v1/support/tickets/${id}/messages`, {
      body: 'Ещё вопрос',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SUPPORT_TICKET_CLOSED');
    expect(late.body.error.message).toContain('создайте новое обращение');
    const staffLate = await support.post<ErrorBody>(`/api/v1/admin/support/tickets/${id}/messages`, {
      body: 'x',
    });
    expect(staffLate.body.error.code).toBe('SUPPORT_TICKET_CLOSED');

    const reopened = await support.post<AdminSupportTicketDetail>(
      `/api/v1/admin/support/tickets/${id}/reopen`,
    );
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
    const closedByStaff = await support.post<AdminSupportTicketDetail>(
      `/api/v1/admin/support/tickets/${id}/close`,
    );
    expect(closedByStaff.body.status).toBe('closed');

    const audit = await admin.get<AuditList>(`/api/v1/admin/audit?q=${id}&pageSize=50`);
    const actions = audit.body.items.map((e) => e.action);
    expect(actions.filter((a) => a === 'support.replied')).toHaveLength(2);
    expect(actions.filter((a) => a === 'support.closed')).toHaveLength(2);
    expect(actions).toContain('support.reopened');
  });

  it('assign to me; the back office filters by status, organization, product, assignee and search', async () => {
    const a = await orgWithLicenses({ ao: 1, ad: 1 });
    const first = await create(a.client, { serial: a.serials[0], subject: 'Печать из редактора', body: 'x' });
    const second = await create(a.client, { serial: a.serials[1], subject: 'Сеть', body: 'y' });
    const taken = await support.post<AdminSupportTicketDetail>(
      `/api/v1/admin/support/tickets/${second.body.id}/assign`,
    );
    expect(taken.body.assignee?.id).toBe(supportUser.id);
    expect(taken.body.license).toMatchObject({ serial: a.serials[1], quantity: 3, activated: 0 });
    expect(taken.body.organization.id).toBe(a.org.id);

    const list = (query: string) =>
      support
        .get<AdminSupportTicketList>(`/api/v1/admin/support/tickets?organizationId=${a.org.id}&${query}`)
        .then((r) => r.body.items.map((i) => i.number));
    expect(await list('')).toEqual([second.body.number, first.body.number]);
    expect(await list('productCode=ao')).toEqual([first.body.number]);
    expect(await list('assignee=me')).toEqual([second.body.number]);
    expect(await list('assignee=none')).toEqual([first.body.number]);
    expect(await list('status=answered')).toEqual([]);
    expect(await list(`q=${encodeURIComponent(`№ ${first.body.number}`)}`)).toEqual([first.body.number]);
    expect(await list(`q=${encodeURIComponent('печать')}`)).toEqual([first.body.number]);
    const fragment = sloppySpelling(a.serials[1] ?? '').slice(0, 14);
    expect(await list(`q=${encodeURIComponent(fragment)}`)).toEqual([second.body.number]);
    const byInn = await support.get<AdminSupportTicketList>(`/api/v1/admin/support/tickets?q=${a.org.inn}`);
    expect(byInn.body.total).toBe(2);

    const customerList = await a.client.get<SupportTicketList>('/api/v1/support/tickets?status=open');
    expect(customerList.body.items.map((i) => i.number)).toEqual([second.body.number, first.body.number]);
  });
});

describe('who may do what', () => {
  it('an author who left the organization no longer gets its correspondence', async () => {
    const { client, serials, user } = await orgWithLicenses({ ao: 1 });
    const ticket = await create(client, { serial: serials[0], subject: 'Уволился', body: 'x' });
    await t.db.delete(memberships).where(eq(memberships.userId, user.id));
    const replied = await support.post<AdminSupportTicketDetail>(
      `/api/v1/admin/support/tickets/${ticket.body.id}/messages`,
      { body: 'Ответ' },
    );
    expect(replied.body.status).toBe('answered');
    // The outbox is written in the reply's transaction: what is not there now is never sent.
    const mail = await admin.get<MailList>(`/api/v1/admin/mail?q=${encodeURIComponent(user.email)}`);
    expect(mail.body.items.map((m) => m.subject)).not.toContain(
      `Обращение № ${ticket.body.number}: Уволился`,
    );
    // The search itself finds this person's mail: the licenses notice of the shipment.
    expect(mail.body.items.some((m) => m.subject === 'Новые лицензии в личном кабинете')).toBe(true);
  });

  it("another organization's request answers 404 and never shows up in lists", async () => {
    const mine = await orgWithLicenses({ ao: 1 });
    const theirs = await orgWithLicenses({ ao: 1 });
    const ticket = await create(theirs.client, { serial: theirs.serials[0], subject: 'Чужое', body: 'x' });
    const path = `/api/v1/support/tickets/${ticket.body.id}`;
    expect((await mine.client.get<ErrorBody>(path)).status).toBe(404);
    expect((await mine.client.post<ErrorBody>(`${path}/messages`, { body: 'x' })).status).toBe(404);
    expect((await mine.client.post<ErrorBody>(`${path}/close`)).status).toBe(404);
    expect((await mine.client.get<SupportTicketList>('/api/v1/support/tickets')).body.total).toBe(0);
    expect((await theirs.client.get<SupportTicketDetail>(path)).body.status).toBe('open');
  });

  it('a viewer reads but writes nothing; customers and accountants stay out of the back office', async () => {
    const owner = await orgWithLicenses({ ao: 1 });
    const ticket = await create(owner.client, { serial: owner.serials[0], subject: 'Вопрос', body: 'x' });
    const viewer = await createUser(t.db, { memberOf: [[owner.org.id, 'viewer']] });
    const v = await t.loginAs(viewer.email, PASSWORD);
    expect((await v.get('/api/v1/support/contacts')).status).toBe(200);
    expect((await v.get<SupportTicketList>('/api/v1/support/tickets')).body.total).toBe(1);
    expect((await v.get(`/api/v1/support/tickets/${ticket.body.id}`)).status).toBe(200);
    const refused = await create(v, { serial: owner.serials[0], subject: 'X', body: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await v.post(`/api/v1/support/tickets/${ticket.body.id}/messages`, { body: 'x' })).status).toBe(
      403,
    );
    expect((await v.post(`/api/v1/support/tickets/${ticket.body.id}/close`)).status).toBe(403);

    // Without the «Лицензии» program the section is closed.
    const other = await createOrg(t.db, { programs: ['subscriptions'] });
    const outsider = await createUser(t.db, { memberOf: [[other.id, 'owner']] });
    expect((await (await t.loginAs(outsider.email, PASSWORD)).get('/api/v1/support/tickets')).status).toBe(
      403,
    );

    const adminPath = `/api/v1/admin/support/tickets/${ticket.body.id}`;
    expect((await owner.client.get(adminPath)).status).toBe(403);
    const accountant = await t.loginAs((await createUser(t.db, { staffRole: 'accountant' })).email, PASSWORD);
    expect((await accountant.get('/api/v1/admin/support/tickets')).status).toBe(403);
    // A manager follows the customers' requests but answering is the support team's work.
    const manager = await t.loginAs((await createUser(t.db, { staffRole: 'manager' })).email, PASSWORD);
    expect((await manager.get(adminPath)).status).toBe(200);
    expect((await manager.post(`${adminPath}/messages`, { body: 'x' })).status).toBe(403);
    expect((await manager.post(`${adminPath}/assign`)).status).toBe(403);
    expect((await manager.post(`${adminPath}/close`)).status).toBe(403);
    expect((await support.get(`/api/v1/admin/support/tickets/${randomUUID()}`)).status).toBe(404);
  });
});
