import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser, AuditList, MailList } from '../../src/shared/api/admin';
import type { Member, OrganizationList, OrganizationResponse } from '../../src/shared/api/organizations';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createOrg, createUser, organizationInput, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await startTestApp({ smtp: true });
  const admin = await createUser(t.db, { staffRole: 'admin' });
  staff = await t.loginAs(admin.email, PASSWORD);
});
afterAll(async () => t?.close());

describe('organizations in the back office', () => {
  it('creates an organization with validated requisites and finds it by INN or name', async () => {
    const input = organizationInput({ shortName: 'ООО «Поиск и Ко»' });
    const created = await staff.post<OrganizationResponse>('/api/v1/admin/organizations', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ inn: input.inn, status: 'active', programs: ['licenses'] });
    const byInn = await staff.get<OrganizationList>(`/api/v1/admin/organizations?q=${input.inn}`);
    expect(byInn.body.items.map((o) => o.id)).toEqual([created.body.id]);
    const byName = await staff.get<OrganizationList>(
      `/api/v1/admin/organizations?q=${encodeURIComponent('поиск и')}`,
    );
    expect(byName.body.items.map((o) => o.id)).toContain(created.body.id);
    const dup = await staff.post<ErrorBody>('/api/v1/admin/organizations', input);
    expect(dup.status).toBe(409);
  });

  it('names the wrong requisite: INN checksum, settlement account key, OGRNIP for an ИП', async () => {
    const badInn = await staff.post<ErrorBody>(
      '/api/v1/admin/organizations',
      organizationInput({ inn: '7701234567' }),
    );
    expect(badInn.status).toBe(400);
    expect(badInn.body.error.details).toContainEqual({
      path: 'inn',
      message: 'Неверное контрольное число ИНН',
    });
    const badAccount = await staff.post<ErrorBody>(
      '/api/v1/admin/organizations',
      organizationInput({ settlementAccount: '40702810000000012345' }),
    );
    expect(badAccount.body.error.details.map((d) => d.path)).toContain('settlementAccount');
    const ip = await staff.post<ErrorBody>(
      '/api/v1/admin/organizations',
      organizationInput({ kind: 'individual', inn: '222600401077', kpp: null, ogrn: '1146183000127' }),
    );
    expect(ip.status).toBe(400);
    expect(ip.body.error.details.map((d) => d.path)).toContain('ogrn');
  });

  it('edits, blocks and unblocks, with every change in the audit log', async () => {
    const org = await createOrg(t.db);
    const patched = await staff.patch<OrganizationResponse>(`/api/v1/admin/organizations/${org.id}`, {
      contactName: 'Петров Пётр',
      documentEmails: ['docs@new.example'],
    });
    expect(patched.body.contactName).toBe('Петров Пётр');
    const badPatch = await staff.patch<ErrorBody>(`/api/v1/admin/organizations/${org.id}`, { kpp: null });
    expect(badPatch.status).toBe(400);
    await staff.post(`/api/v1/admin/organizations/${org.id}/block`);
    const audit = await staff.get<AuditList>(`/api/v1/admin/audit?organizationId=${org.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['org.updated', 'org.blocked']),
    );
    expect((await staff.get(`/api/v1/admin/organizations/00000000-0000-4000-8000-000000000000`)).status).toBe(
      404,
    );
  });
});

describe('people and roles', () => {
  it('adds a new person by email: they get an invitation, set a password and see the organization', async () => {
    const org = await createOrg(t.db, { shortName: 'ООО «Приглашение»' });
    const added = await staff.post<Member>(`/api/v1/admin/organizations/${org.id}/members`, {
      email: 'newcomer@example.test',
      name: 'Новичок Иван',
      role: 'accountant',
    });
    expect(added.status).toBe(201);
    expect(added.body.role).toBe('accountant');
    const mail = await t.mailbox.waitForMail((m) => m.to.includes('newcomer@example.test'));
    expect(mail.subject).toBe('Доступ к личному кабинету');
    expect(mail.text).toContain('ООО «Приглашение»');
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    expect(
      (await t.client().post('/api/v1/auth/password/reset', { token, newPassword: 'my-first-password' }))
        .status,
    ).toBe(200);
    const me = await t.loginAs('newcomer@example.test', 'my-first-password');
    expect((await me.get<OrganizationResponse>('/api/v1/organization')).body.id).toBe(org.id);

    const role = await staff.patch<Member>(
      `/api/v1/admin/organizations/${org.id}/members/${added.body.userId}`,
      { role: 'admin' },
    );
    expect(role.body.role).toBe('admin');
    expect((await me.get('/api/v1/organization/members')).status).toBe(200);
    const audit = await staff.get<AuditList>(
      `/api/v1/admin/audit?action=membership.role_changed&organizationId=${org.id}`,
    );
    expect(audit.body.items[0]?.details).toEqual({ from: 'accountant', to: 'admin' });

    expect(
      (await staff.delete(`/api/v1/admin/organizations/${org.id}/members/${added.body.userId}`)).status,
    ).toBe(200);
    expect((await me.get<ErrorBody>('/api/v1/organization')).body.error.code).toBe('ORGANIZATION_REQUIRED');
  });

  it('a partner with two organizations switches between them', async () => {
    const a = await createOrg(t.db, { programs: ['partner'] });
    const b = await createOrg(t.db, { programs: ['partner'] });
    const user = await createUser(t.db, {
      memberOf: [
        [a.id, 'owner'],
        [b.id, 'member'],
      ],
    });
    const client = t.client();
    const login = await client.post<{
      me: { activeOrganizationId: string | null; organizations: unknown[] };
    }>('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    expect(login.body.me.activeOrganizationId).toBeNull();
    expect(login.body.me.organizations).toHaveLength(2);
    expect((await client.get<ErrorBody>('/api/v1/organization')).body.error.code).toBe(
      'ORGANIZATION_REQUIRED',
    );
    await client.post('/api/v1/auth/active-organization', { organizationId: b.id });
    expect((await client.get<OrganizationResponse>('/api/v1/organization')).body.inn).toBe(b.inn);
    expect((await client.get('/api/v1/organization/members')).status).toBe(403);
    await client.post('/api/v1/auth/active-organization', { organizationId: a.id });
    expect((await client.get('/api/v1/organization/members')).status).toBe(200);
  });

  it('creates a staff user, sends a reset link, lists users with memberships', async () => {
    const created = await staff.post<AdminUser>('/api/v1/admin/users', {
      email: 'support2@example.test',
      name: 'Поддержка 2',
      staffRole: 'support',
      password: 'support-pass-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ staffRole: 'support', hasPassword: true });
    expect((await staff.post(`/api/v1/admin/users/${created.body.id}/password-reset`)).status).toBe(200);
    await t.mailbox.waitForMail(
      (m) => m.to.includes('support2@example.test') && m.subject.includes('Восстановление'),
    );
    const list = await staff.get<{ items: AdminUser[] }>('/api/v1/admin/users?staff=staff&q=support2');
    expect(list.body.items.map((u) => u.email)).toEqual(['support2@example.test']);
  });
});

describe('mail outbox and portal info', () => {
  it('shows every mail with its status in «Почта»', async () => {
    const mails = await staff.get<MailList>('/api/v1/admin/mail');
    expect(mails.body.total).toBeGreaterThan(0);
    const sent = mails.body.items.find((m) => m.status === 'sent');
    expect(sent).toBeTruthy();
    const detail = await staff.get<{ html: string }>(`/api/v1/admin/mail/${sent?.id}`);
    expect(detail.body.html).toContain('<html');
    expect((await staff.post<ErrorBody>(`/api/v1/admin/mail/${sent?.id}/retry`)).status).toBe(409);
  });

  it('edits «О нас» / «Контакты», which anyone can read', async () => {
    const info = {
      operatorName: 'ООО «Вендор»',
      about: 'О нас',
      phone: '8 800 000-00-00',
      email: 'info@vendor.example',
      address: 'Москва',
      website: 'https://vendor.example',
      techLeadName: 'Иванов И. И.',
      techLeadPhone: '+7 495 000-00-00',
      techLeadEmail: 'tech@vendor.example',
    };
    expect((await staff.put('/api/v1/admin/portal-info', info)).status).toBe(200);
    expect((await t.client().get('/api/v1/portal-info')).body).toEqual(info);
  });
});
