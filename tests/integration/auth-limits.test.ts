import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '../../src/server/modules/identity/password-reset';
import { MAX_RESETS_PER_HOUR } from '../../src/server/modules/identity/reset-tokens';
import { currentTotpCode } from '../../src/server/modules/identity/totp';
import type { ErrorBody, TestClient, TestResponse } from '../helpers/client';
import { createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// Issue 8, items 3–5: each limit must hold when the attempts arrive at once, not only one by one.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ smtp: true });
});
afterAll(async () => t?.close());
// Every request here comes from 127.0.0.1: start each case with a clean per-IP count.
beforeEach(async () => {
  await t.deps.database.executor.executeSql('delete from login_attempts');
});

async function countRows(sql: string, values: unknown[]): Promise<number> {
  const { rows } = await t.deps.database.executor.executeSql(sql, values);
  return Number(rows[0]?.n);
}
const failuresOf = (email: string) =>
  countRows('select count(*) as n from login_attempts where email = $1 and not succeeded', [email]);
const wrongTotpAudits = (userId: string) =>
  countRows(
    `select count(*) as n from audit_events
      where action = 'auth.login_failed' and entity_id = $1 and details->>'reason' = 'wrong_totp'`,
    [userId],
  );
const tally = (responses: TestResponse<unknown>[]) => {
  const out: Record<string, number> = {};
  for (const r of responses) {
    const code = (r.body as Partial<ErrorBody>).error?.code ?? String(r.status);
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
};
const login = (email: string, password: string, client = t.client()) =>
  client.post<ErrorBody>('/api/v1/auth/login', { email, password });

/** A user with TOTP enabled through the real endpoints; returns the secret. */
async function userWithTotp() {
  const user = await createUser(t.db);
  const client = await t.loginAs(user.email, PASSWORD);
  const setup = await client.post<{ secret: string }>('/api/v1/auth/two-factor/setup');
  const enabled = await client.post('/api/v1/auth/two-factor/enable', {
    code: currentTotpCode(setup.body.secret),
  });
  expect(enabled.status).toBe(200);
  return { user, secret: setup.body.secret };
}

/** A code that is wrong for every step the check accepts (now ± one step of drift). */
function wrongCode(secret: string): string {
  const valid = [-30_000, 0, 30_000].map((d) => currentTotpCode(secret, Date.now() + d));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c)) ?? '444444';
}

async function pendingTwoFactorLogin(email: string): Promise<TestClient> {
  const client = t.client();
  const res = await client.post<{ status: string }>('/api/v1/auth/login', { email, password: PASSWORD });
  expect(res.body.status).toBe('two_factor_required');
  return client;
}

describe('login lockout under parallel requests', () => {
  it('40 parallel wrong passwords: exactly 5 are evaluated, the rest answer LOGIN_LOCKED', async () => {
    const user = await createUser(t.db);
    const answers = await Promise.all(Array.from({ length: 40 }, () => login(user.email, 'wrong-pass-1')));
    expect(tally(answers)).toEqual({ INVALID_CREDENTIALS: 5, LOGIN_LOCKED: 35 });
    expect(await failuresOf(user.email)).toBe(5);
    // Locked means locked: the right password is refused too.
    const right = await login(user.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('LOGIN_LOCKED');
  });

  it('after 4 failures a burst of 19 wrong + 1 right gets one try, and the lock then holds', async () => {
    const user = await createUser(t.db);
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong-pass-1')).status).toBe(401);
    const wrong = Array.from({ length: 19 }, () => login(user.email, 'wrong-pass-1'));
    const right = login(user.email, PASSWORD);
    const answers = await Promise.all([...wrong, right]);
    const rightAnswer = await right;
    // One slot was left: exactly one request of the burst is evaluated. Which one wins the slot is up to
    // the race; the right password logs in only if it took the slot itself (then nothing else ran).
    const evaluated = answers.filter((a) => a.status !== 429);
    expect(evaluated).toHaveLength(1);
    if (rightAnswer.status === 200) {
      expect(await failuresOf(user.email)).toBe(4);
    } else {
      expect(rightAnswer.body.error.code).toBe('LOGIN_LOCKED');
      expect(await failuresOf(user.email)).toBe(5);
      expect((await login(user.email, PASSWORD)).body.error.code).toBe('LOGIN_LOCKED');
    }
  });

  it('40 parallel wrong logins for 40 emails from one IP: exactly 30 are evaluated', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(`spray${i}@example.test`, 'wrong-pass-1')),
    );
    expect(tally(answers)).toEqual({ INVALID_CREDENTIALS: 30, LOGIN_LOCKED: 10 });
    const user = await createUser(t.db);
    expect((await login(user.email, PASSWORD)).body.error.code).toBe('LOGIN_LOCKED');
  });
});

describe('TOTP second step under parallel requests', () => {
  it('60 parallel wrong codes: exactly 5 are checked, then the right code is refused', async () => {
    const { user, secret } = await userWithTotp();
    const pending = await pendingTwoFactorLogin(user.email);
    const bad = wrongCode(secret);
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        pending.post<ErrorBody>('/api/v1/auth/login/two-factor', { code: bad }),
      ),
    );
    // Four wrong codes answer INVALID_TOTP_CODE, the fifth ends the pending login; the rest never reach the check.
    expect(tally(answers)).toEqual({ INVALID_TOTP_CODE: 4, UNAUTHENTICATED: 56 });
    expect(await wrongTotpAudits(user.id)).toBe(5);
    const right = await pending.post<ErrorBody>('/api/v1/auth/login/two-factor', {
      code: currentTotpCode(secret, Date.now() + 30_000),
    });
    expect(right.status).toBe(401);
    expect((await pending.get<ErrorBody>('/api/v1/auth/me')).status).toBe(401);
    // The wrong codes count against the email as well: a new login is locked.
    expect((await login(user.email, PASSWORD)).body.error.code).toBe('LOGIN_LOCKED');
  });

  it('wrong codes spread over several pending logins still stop at 5 per user', async () => {
    const { user, secret } = await userWithTotp();
    const logins = await Promise.all([1, 2, 3, 4].map(() => pendingTwoFactorLogin(user.email)));
    const bad = wrongCode(secret);
    const answers = await Promise.all(
      logins.flatMap((c) =>
        Array.from({ length: 5 }, () => c.post<ErrorBody>('/api/v1/auth/login/two-factor', { code: bad })),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(0);
    expect(await wrongTotpAudits(user.id)).toBe(5);
    expect(await failuresOf(user.email)).toBe(5);
    const right = currentTotpCode(secret, Date.now() + 30_000);
    for (const c of logins)
      expect((await c.post('/api/v1/auth/login/two-factor', { code: right })).status).not.toBe(200);
  });

  it('one code accepted once: the same right code on two pending logins in parallel opens one', async () => {
    const { user, secret } = await userWithTotp();
    const [a, b] = await Promise.all([pendingTwoFactorLogin(user.email), pendingTwoFactorLogin(user.email)]);
    const code = currentTotpCode(secret, Date.now() + 30_000);
    const answers = await Promise.all(
      [a, b].map((c) => c?.post<ErrorBody>('/api/v1/auth/login/two-factor', { code })),
    );
    expect(answers.map((r) => r?.status).sort()).toEqual([200, 400]);
  });
});

describe('«Восстановление пароля» under parallel requests', () => {
  const resetMails = (email: string) =>
    t.mailbox.received.filter((m) => m.to.includes(email) && m.subject.includes('Восстановление'));

  it('6 parallel requests send exactly 3 mails over real SMTP', async () => {
    const user = await createUser(t.db);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.client().post('/api/v1/auth/password/forgot', { email: user.email })),
    );
    expect(answers.every((a) => a.status === 202)).toBe(true);
    for (let n = 1; n <= MAX_RESETS_PER_HOUR; n++)
      await t.mailbox.waitForMail(() => resetMails(user.email).length >= n);
    // The route answers before the work is done; give stragglers time to (wrongly) send a fourth.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(resetMails(user.email)).toHaveLength(MAX_RESETS_PER_HOUR);
    const tokens = 'select count(*) as n from password_reset_tokens where user_id = $1';
    expect(await countRows(tokens, [user.id])).toBe(MAX_RESETS_PER_HOUR);
  });

  it('6 parallel calls of the use case queue exactly 3 mails in the outbox', async () => {
    const user = await createUser(t.db);
    await Promise.all(
      Array.from({ length: 6 }, () => requestPasswordReset(t.deps, { email: user.email, ip: '127.0.0.1' })),
    );
    const outbox = `select count(*) as n from email_outbox where $1 = any("to") and subject like '%Восстановление%'`;
    expect(await countRows(outbox, [user.email])).toBe(MAX_RESETS_PER_HOUR);
  });
});
