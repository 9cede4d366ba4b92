import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { seal, unseal } from '../../http/crypto';
import { AppError } from '../../http/errors';
import type { AppDeps, Auth } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { reserveLoginAttempt, settleLoginAttempt } from './login-throttle';
import { verifyPassword } from './passwords';
import { sessions, users } from './schema';
import { deleteSession, SESSION_TTL_MS } from './sessions';
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from './totp';
import { findUserById } from './users';

const SEAL_PURPOSE = 'totp';
/** Wrong codes allowed per two-factor session before it is dropped and the password is asked again. */
const MAX_CODE_ATTEMPTS = 5;
const ISSUER = 'Кабинет';

function readSecret(deps: AppDeps, sealed: string | null): string | null {
  return sealed ? unseal(deps.config.appSecret, SEAL_PURPOSE, sealed) : null;
}

/** Starts enrolment: a fresh secret, stored sealed, active only after a correct code. */
export async function setupTwoFactor(deps: AppDeps, auth: Auth) {
  const user = await findUserById(deps.db, auth.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Двухфакторная аутентификация уже включена');
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ totpSecret: seal(deps.config.appSecret, SEAL_PURPOSE, secret), totpLastStep: null })
    .where(eq(users.id, user.id));
  const otpauthUrl = totpUri(secret, user.email, ISSUER);
  return { secret, otpauthUrl, qrSvg: await totpQrSvg(otpauthUrl) };
}

export async function enableTwoFactor(
  deps: AppDeps,
  auth: Auth,
  code: string,
  actor: AuditActor,
): Promise<void> {
  const user = await findUserById(deps.db, auth.user.id);
  const secret = readSecret(deps, user?.totpSecret ?? null);
  if (!user || !secret)
    throw new AppError('BAD_REQUEST', 'Сначала начните настройку двухфакторной аутентификации');
  if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Двухфакторная аутентификация уже включена');
  const step = checkTotp(secret, code, user.totpLastStep);
  if (step === null) throw new AppError('INVALID_TOTP_CODE');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), totpLastStep: step })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor,
      action: 'auth.two_factor_enabled',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

export async function disableTwoFactor(
  deps: AppDeps,
  auth: Auth,
  password: string,
  actor: AuditActor,
): Promise<void> {
  const user = await findUserById(deps.db, auth.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  // Counted like login failures, so a stolen session cannot guess the password here without limit.
  // Reserved before the check (issue 8, item 3); a right password gives the slot back.
  const attemptId = await reserveLoginAttempt(deps.db, { email: user.email, ip: actor.ip });
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError('WRONG_PASSWORD', 'Неверный пароль');
  await settleLoginAttempt(deps.db, attemptId, 'refunded');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor,
      action: 'auth.two_factor_disabled',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

const TOO_MANY_CODES = 'Слишком много неверных кодов. Войдите заново.';

/**
 * Takes one of the pending login's code attempts in a single conditional UPDATE (issue 8, item 4), so
 * parallel codes cannot all pass a count read earlier. Null when none is left or the login is gone.
 */
async function reserveCodeAttempt(deps: AppDeps, sessionId: string): Promise<number | null> {
  const [row] = await deps.db
    .update(sessions)
    .set({ twoFactorAttempts: sql`${sessions.twoFactorAttempts} + 1` })
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.state, 'two_factor'),
        lt(sessions.twoFactorAttempts, MAX_CODE_ATTEMPTS),
      ),
    )
    .returning({ attempts: sessions.twoFactorAttempts });
  return row?.attempts ?? null;
}

/**
 * Second login step: a correct code turns the `two_factor` session into an active one. Each code is
 * reserved twice before it is checked: against the pending login (5 codes) and against the user's email and
 * IP like a password (the login lockout), so opening several pending logins does not multiply the tries.
 */
export async function completeTwoFactorLogin(
  deps: AppDeps,
  auth: Auth,
  code: string,
  ip: string | null,
): Promise<void> {
  if (auth.session.state !== 'two_factor')
    throw new AppError('BAD_REQUEST', 'Код подтверждения не требуется');
  const user = await findUserById(deps.db, auth.user.id);
  const secret = readSecret(deps, user?.totpSecret ?? null);
  if (!user || !secret) throw new AppError('UNAUTHENTICATED');
  const attempt = await reserveCodeAttempt(deps, auth.session.id);
  if (attempt === null) {
    await deleteSession(deps.db, auth.session.id);
    throw new AppError('UNAUTHENTICATED', TOO_MANY_CODES);
  }
  const attemptId = await reserveLoginAttempt(deps.db, { email: user.email, ip });
  const step = checkTotp(secret, code, user.totpLastStep);
  const actor = { userId: user.id, email: user.email, ip };
  // The step is stored only if it is newer than the last one, so one code opens one login even when
  // it is sent on two pending logins at once (RFC 6238 §5.2: a code is accepted once).
  const accepted = step !== null && (await acceptStep(deps, auth, user.id, step, attemptId, ip));
  if (accepted) return;
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, {
      actor,
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      details: { reason: 'wrong_totp' },
    });
  });
  if (attempt >= MAX_CODE_ATTEMPTS) {
    await deleteSession(deps.db, auth.session.id);
    throw new AppError('UNAUTHENTICATED', TOO_MANY_CODES);
  }
  throw new AppError('INVALID_TOTP_CODE');
}

async function acceptStep(
  deps: AppDeps,
  auth: Auth,
  userId: string,
  step: number,
  attemptId: string,
  ip: string | null,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ totpLastStep: step, lastLoginAt: new Date() })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ email: users.email });
    if (!user) return false;
    const [session] = await tx
      .update(sessions)
      .set({ state: 'active', lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
      .where(and(eq(sessions.id, auth.session.id), eq(sessions.state, 'two_factor')))
      .returning({ id: sessions.id });
    // The pending login was ended meanwhile (its fifth wrong code): the rollback keeps the code unused.
    if (!session) throw new AppError('UNAUTHENTICATED', TOO_MANY_CODES);
    await settleLoginAttempt(tx, attemptId, 'succeeded');
    await recordAudit(tx, {
      actor: { userId, email: user.email, ip },
      action: 'auth.login',
      organizationId: auth.session.activeOrganizationId,
      entityType: 'session',
      entityId: auth.session.id,
      details: { twoFactor: true },
    });
    return true;
  });
}
