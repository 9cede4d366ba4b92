import { eq, sql } from 'drizzle-orm';
import { seal, unseal } from '../../http/crypto';
import { AppError } from '../../http/errors';
import type { AppDeps, Auth } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { assertLoginAllowed, recordLoginAttempt } from './login-throttle';
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
  await assertLoginAllowed(deps.db, user.email, actor.ip);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordLoginAttempt(deps.db, { email: user.email, ip: actor.ip, succeeded: false });
    throw new AppError('WRONG_PASSWORD', 'Неверный пароль');
  }
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

/** Second login step: a correct code turns the `two_factor` session into an active one. */
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
  const step = checkTotp(secret, code, user.totpLastStep);
  const actor = { userId: user.id, email: user.email, ip };
  if (step === null) {
    const [row] = await deps.db
      .update(sessions)
      .set({ twoFactorAttempts: sql`${sessions.twoFactorAttempts} + 1` })
      .where(eq(sessions.id, auth.session.id))
      .returning({ attempts: sessions.twoFactorAttempts });
    await deps.db.transaction(async (tx) => {
      await recordLoginAttempt(tx, { email: user.email, ip, succeeded: false });
      await recordAudit(tx, {
        actor,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'wrong_totp' },
      });
    });
    if (!row || row.attempts >= MAX_CODE_ATTEMPTS) {
      await deleteSession(deps.db, auth.session.id);
      throw new AppError('UNAUTHENTICATED', 'Слишком много неверных кодов. Войдите заново.');
    }
    throw new AppError('INVALID_TOTP_CODE');
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ state: 'active', lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
      .where(eq(sessions.id, auth.session.id));
    await tx.update(users).set({ totpLastStep: step, lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordLoginAttempt(tx, { email: user.email, ip, succeeded: true });
    await recordAudit(tx, {
      actor,
      action: 'auth.login',
      organizationId: auth.session.activeOrganizationId,
      entityType: 'session',
      entityId: auth.session.id,
      details: { twoFactor: true },
    });
  });
}
