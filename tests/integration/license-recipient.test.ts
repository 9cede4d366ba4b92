import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/modules/identity/schema';
import { emailOutbox } from '../../src/server/modules/notifications/schema';
import type { LicenseIssueResponse, LicenseList } from '../../src/shared/api/licenses';
import type { MemberList } from '../../src/shared/api/organizations';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createArticle, createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// Seed 000: the login goes «на электронный адрес, указанный в форме на отгрузку лицензии», and a later
// shipment lands «в тот же личный кабинет». The form's address is `recipientEmail`.

let t: TestApp;
let staff: TestClient;
let article: { id: string };

beforeAll(async () => {
  t = await startTestApp({ smtp: true });
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
  article = await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
});
afterAll(async () => t?.close());

const issue = (organizationId: string, recipientEmail?: string) =>
  staff.post<LicenseIssueResponse & ErrorBody>('/api/v1/admin/licenses/issue', {
    organizationId,
    articleId: article.id,
    quantity: 1,
    serialsCount: 1,
    ...(recipientEmail === undefined ? {} : { recipientEmail }),
  });

const members = async (organizationId: string) =>
  (await staff.get<MemberList>(`/api/v1/admin/organizations/${organizationId}/members`)).body.items;

const mailsTo = async (email: string) =>
  (await t.db.select().from(emailOutbox)).filter((m) => m.to.includes(email));

/** Sets the password from the invitation mail to `email` and logs in. */
async function acceptInvitation(email: string): Promise<TestClient> {
  const mail = await t.mailbox.waitForMail(
    (m) => m.to.includes(email) && m.subject === 'Доступ к личному кабинету и ваши лицензии',
  );
  expect(mail.text).toContain(`Логин: ${email}`);
  const token = /token=([\w-]+)/.exec(mail.text)?.[1];
  const reset = await t
    .client()
    .post('/api/v1/auth/password/reset', { token, newPassword: 'recipient-pass' });
  expect(reset.status).toBe(200);
  return t.loginAs(email, 'recipient-pass');
}

describe('the shipment form’s recipient e-mail', () => {
  it('first shipment: the login goes to the form’s address (normalized), not to the contact e-mail', async () => {
    const org = await createOrg(t.db, { contactEmail: 'contact@first.example' });
    const res = await issue(org.id, '  IT.Head@First.Example ');
    expect(res.status).toBe(201);
    expect(res.body.invitedEmail).toBe('it.head@first.example');
    expect(await mailsTo('contact@first.example')).toEqual([]);
    expect((await members(org.id)).map((m) => [m.email, m.role])).toEqual([
      ['it.head@first.example', 'owner'],
    ]);
    const owner = await acceptInvitation('it.head@first.example');
    expect((await owner.get<LicenseList>('/api/v1/licenses')).body.total).toBe(1);

    // The same address later: no second invitation, the same cabinet, the notice of new licenses.
    const again = await issue(org.id, 'it.head@first.example');
    expect(again.body.invitedEmail).toBeNull();
    await t.mailbox.waitForMail(
      (m) => m.to.includes('it.head@first.example') && m.subject === 'Новые лицензии в личном кабинете',
    );
    expect(await members(org.id)).toHaveLength(1);
    expect((await owner.get<LicenseList>('/api/v1/licenses')).body.total).toBe(2);
  });

  it('a later shipment to a new address: it joins the same cabinet as a member and sees all its licenses', async () => {
    const org = await createOrg(t.db);
    const owner = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    await issue(org.id);
    const res = await issue(org.id, 'buyer@later.example');
    expect(res.status).toBe(201);
    expect(res.body.invitedEmail).toBe('buyer@later.example');
    const roles = Object.fromEntries((await members(org.id)).map((m) => [m.email, m.role]));
    expect(roles).toEqual({ [owner.email]: 'owner', 'buyer@later.example': 'member' });
    await t.mailbox.waitForMail(
      (m) => m.to.includes(owner.email) && m.text.includes(res.body.licenses[0]?.serial ?? '?'),
    );
    const buyer = await acceptInvitation('buyer@later.example');
    expect((await buyer.get<LicenseList>('/api/v1/licenses')).body.total).toBe(2);
  });

  it('an existing user of another organization keeps their password: the organization joins their cabinet', async () => {
    const org = await createOrg(t.db);
    const other = await createOrg(t.db);
    const person = await createUser(t.db, { memberOf: [[other.id, 'owner']] });
    const res = await issue(org.id, person.email);
    expect(res.body.invitedEmail).toBe(person.email);
    const mail = await t.mailbox.waitForMail((m) => m.to.includes(person.email));
    expect(mail.text).toContain('организация добавлена в ваш личный кабинет');
    expect(mail.text).not.toContain('token=');
  });

  it('omitted by an API caller: the first shipment goes to the contact, later ones add nobody', async () => {
    const org = await createOrg(t.db, { contactEmail: 'contact@omitted.example' });
    expect((await issue(org.id)).body.invitedEmail).toBe('contact@omitted.example');
    expect((await issue(org.id)).body.invitedEmail).toBeNull();
    expect((await members(org.id)).map((m) => m.email)).toEqual(['contact@omitted.example']);
  });

  it('refuses a malformed address and a blocked recipient, issuing nothing', async () => {
    const org = await createOrg(t.db);
    const bad = await issue(org.id, 'not-an-email');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(bad.body.error.details)).toContain('Неверный адрес электронной почты');

    const blocked = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    await t.db.update(users).set({ status: 'blocked' }).where(eq(users.id, blocked.id));
    const refused = await issue(org.id, blocked.email);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`Пользователь ${blocked.email} заблокирован`);
    const stranger = await createUser(t.db);
    await t.db.update(users).set({ status: 'blocked' }).where(eq(users.id, stranger.id));
    expect((await issue(org.id, stranger.email)).status).toBe(409);
    const admin = await staff.get<{ total: number }>(`/api/v1/admin/licenses?organizationId=${org.id}`);
    expect(admin.body.total).toBe(0);
    expect(await members(org.id)).toHaveLength(1);
  });

  it('parallel shipments to one new address invite it once and add one membership', async () => {
    const org = await createOrg(t.db);
    await createUser(t.db, { memberOf: [[org.id, 'owner']] });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => issue(org.id, 'race@parallel.example')),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(results.filter((r) => r.body.invitedEmail === 'race@parallel.example')).toHaveLength(1);
    expect((await members(org.id)).filter((m) => m.email === 'race@parallel.example')).toHaveLength(1);
    const invitations = (await mailsTo('race@parallel.example')).filter(
      (m) => m.subject === 'Доступ к личному кабинету и ваши лицензии',
    );
    expect(invitations).toHaveLength(1);
  });
});
