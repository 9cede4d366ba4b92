import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/server/modules/identity/totp';
import type { ErrorBody } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ smtp: true });
});
afterAll(async () => t?.close());

describe('login, me, logout (stable contract)', () => {
  it('logs in with email + password, sets an HttpOnly SameSite cookie, answers /me, logs out', async () => {
    const org = await createOrg(t.db);
    const user = await createUser(t.db, { email: 'Login.Case@Example.test', memberOf: [[org.id, 'owner']] });
    expect(user.email).toBe('Login.Case@Example.test');
    const client = t.client();
    const res = await client.post<{ status: string; me: { activeOrganizationId: string } }>(
      '/api/v1/auth/login',
      { email: 'login.case@example.test', password: PASSWORD },
    );
    // The factory stored the email as given; login lower-cases input, so mixed-case rows must not exist.
    expect(res.status).toBe(401);

    const lower = await createUser(t.db, { email: 'someone@example.test', memberOf: [[org.id, 'owner']] });
    const ok = await client.post<{
      status: string;
      me: { user: { id: string }; activeOrganizationId: string };
    }>('/api/v1/auth/login', { email: ' SOMEONE@example.test ', password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ok');
    expect(ok.body.me.user.id).toBe(lower.id);
    expect(ok.body.me.activeOrganizationId).toBe(org.id);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('kabinet_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    const after = await client.get<ErrorBody>('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect(after.body.error.requestId).toBeTruthy();
  });

  it('rejects a wrong password with a Russian message and audits the failure', async () => {
    const user = await createUser(t.db);
    const res = await t
      .client()
      .post<ErrorBody>('/api/v1/auth/login', { email: user.email, password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Неверный email или пароль',
    });
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const staff = await t.loginAs(admin.email, PASSWORD);
    const audit = await staff.get<{ items: Array<{ action: string; actorEmail: string; ip: string }> }>(
      `/api/v1/admin/audit?action=auth.login_failed&q=${encodeURIComponent(user.email)}`,
    );
    expect(audit.body.items[0]).toMatchObject({ action: 'auth.login_failed', actorEmail: user.email });
    expect(audit.body.items[0]?.ip).toBeTruthy();
  });

  it('locks an email after 5 failures with a clear message, even for the right password', async () => {
    const user = await createUser(t.db);
    const client = t.client();
    for (let i = 0; i < 5; i++)
      expect(
        (await client.post('/api/v1/auth/login', { email: user.email, password: 'nope-nope' })).status,
      ).toBe(401);
    const locked = await client.post<ErrorBody>('/api/v1/auth/login', {
      email: user.email,
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    expect(locked.body.error.message).toMatch(/повторите через \d+ мин/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a blocked user', async () => {
    const user = await createUser(t.db);
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const staff = await t.loginAs(admin.email, PASSWORD);
    const victim = await t.loginAs(user.email, PASSWORD);
    expect((await staff.post(`/api/v1/admin/users/${user.id}/block`)).status).toBe(200);
    // Blocking ends live sessions at once.
    expect((await victim.get('/api/v1/auth/me')).status).toBe(401);
    const res = await t
      .client()
      .post<ErrorBody>('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('USER_BLOCKED');
  });
});

describe('password change, sessions', () => {
  it('changes the password with the old one, ends other sessions, keeps this one', async () => {
    const user = await createUser(t.db);
    const first = await t.loginAs(user.email, PASSWORD);
    const second = await t.loginAs(user.email, PASSWORD);
    const sessions = await first.get<{ items: Array<{ current: boolean }> }>('/api/v1/auth/sessions');
    expect(sessions.body.items).toHaveLength(2);
    expect(sessions.body.items.filter((s) => s.current)).toHaveLength(1);

    const wrong = await first.post<ErrorBody>('/api/v1/auth/password/change', {
      currentPassword: 'bad',
      newPassword: 'new-password-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const short = await first.post<ErrorBody>('/api/v1/auth/password/change', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_ERROR');

    expect(
      (
        await first.post('/api/v1/auth/password/change', {
          currentPassword: PASSWORD,
          newPassword: 'new-password-1',
        })
      ).status,
    ).toBe(200);
    expect((await first.get('/api/v1/auth/me')).status).toBe(200);
    expect((await second.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: 'new-password-1' })).status,
    ).toBe(200);
    await t.smtp?.waitForMail((m) => m.to.includes(user.email) && m.subject === 'Пароль изменён');
  });

  it('revokes one session and logs out everywhere', async () => {
    const user = await createUser(t.db);
    const a = await t.loginAs(user.email, PASSWORD);
    const b = await t.loginAs(user.email, PASSWORD);
    const list = await a.get<{ items: Array<{ id: string; current: boolean }> }>('/api/v1/auth/sessions');
    const other = list.body.items.find((s) => !s.current);
    expect((await a.delete(`/api/v1/auth/sessions/${other?.id}`)).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    const c = await t.loginAs(user.email, PASSWORD);
    expect((await a.post('/api/v1/auth/logout-all')).status).toBe(200);
    expect((await a.get('/api/v1/auth/me')).status).toBe(401);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('password recovery by email', () => {
  it('sends a single-use link; the link sets a new password and cannot be reused', async () => {
    const user = await createUser(t.db);
    const anon = t.client();
    const res = await anon.post('/api/v1/auth/password/forgot', { email: user.email });
    expect(res.status).toBe(202);
    const unknown = await anon.post('/api/v1/auth/password/forgot', { email: 'nobody@example.test' });
    expect(unknown.status).toBe(202);
    const mail = await t.mailbox.waitForMail(
      (m) => m.to.includes(user.email) && m.subject.includes('Восстановление'),
    );
    expect(mail.html).toContain('Задать новый пароль');
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();

    expect((await anon.get<{ valid: boolean }>(`/api/v1/auth/password/reset/${token}`)).body.valid).toBe(
      true,
    );
    expect(
      (await anon.post('/api/v1/auth/password/reset', { token, newPassword: 'recovered-pass-1' })).status,
    ).toBe(200);
    const again = await anon.post<ErrorBody>('/api/v1/auth/password/reset', {
      token,
      newPassword: 'recovered-pass-2',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_TOKEN_INVALID');
    expect((await anon.get<{ valid: boolean }>(`/api/v1/auth/password/reset/${token}`)).body.valid).toBe(
      false,
    );
    expect(
      (await t.client().post('/api/v1/auth/login', { email: user.email, password: 'recovered-pass-1' }))
        .status,
    ).toBe(200);
  });

  it('rejects an expired link', async () => {
    const user = await createUser(t.db);
    await t.client().post('/api/v1/auth/password/forgot', { email: user.email });
    const mail = await t.mailbox.waitForMail((m) => m.to.includes(user.email));
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    await t.deps.database.executor.executeSql(
      `update password_reset_tokens set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.id],
    );
    const res = await t
      .client()
      .post<ErrorBody>('/api/v1/auth/password/reset', { token, newPassword: 'recovered-pass-1' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESET_TOKEN_INVALID');
  });
});

describe('two-factor authentication (TOTP)', () => {
  it('enrols, then asks for a code at login; a wrong or replayed code is refused', async () => {
    const user = await createUser(t.db);
    const client = await t.loginAs(user.email, PASSWORD);
    const setup = await client.post<{ secret: string; qrSvg: string; otpauthUrl: string }>(
      '/api/v1/auth/two-factor/setup',
    );
    expect(setup.status).toBe(200);
    expect(setup.body.qrSvg).toContain('<svg');
    expect(
      (
        await client.post('/api/v1/auth/two-factor/enable', {
          code: '000000' === currentTotpCode(setup.body.secret) ? '111111' : '000000',
        })
      ).status,
    ).toBe(400);
    expect(
      (await client.post('/api/v1/auth/two-factor/enable', { code: currentTotpCode(setup.body.secret) }))
        .status,
    ).toBe(200);

    const next = t.client();
    const first = await next.post<{ status: string }>('/api/v1/auth/login', {
      email: user.email,
      password: PASSWORD,
    });
    expect(first.body.status).toBe('two_factor_required');
    expect((await next.get<ErrorBody>('/api/v1/auth/me')).body.error.code).toBe('TWO_FACTOR_REQUIRED');
    // The code used to enable 2FA was consumed: replaying it inside the same window fails.
    const replay = await next.post<ErrorBody>('/api/v1/auth/login/two-factor', {
      code: currentTotpCode(setup.body.secret),
    });
    expect(replay.status).toBe(400);
    const later = currentTotpCode(setup.body.secret, Date.now() + 30_000);
    const ok = await next.post<{ status: string }>('/api/v1/auth/login/two-factor', { code: later });
    expect(ok.body.status).toBe('ok');
    expect((await next.get('/api/v1/auth/me')).status).toBe(200);
  });
});
