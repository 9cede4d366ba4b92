import { eq } from 'drizzle-orm';
import type { LoginBody } from '../../../shared/api/auth';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { recordAudit } from '../audit/record-audit';
import { reserveLoginAttempt, settleLoginAttempt } from './login-throttle';
import { defaultOrganization, organizationAccess } from './organization-access';
import { verifyPassword } from './passwords';
import { users } from './schema';
import { createSession } from './sessions';
import { findUserByEmail } from './users';

export type LoginInput = LoginBody & { ip: string | null; userAgent: string | null };
export type LoginResult = {
  token: string;
  sessionId: string;
  userId: string;
  activeOrganizationId: string | null;
  twoFactorRequired: boolean;
};

/**
 * Email + password login (stable contract `POST /api/v1/auth/login`). Failures are counted for the lockout
 * and audited; a user with TOTP gets a short `two_factor` session that only accepts the code.
 */
export async function login(deps: AppDeps, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  // The attempt is reserved before argon2 runs, so a burst of parallel tries gets only the slots left.
  const attemptId = await reserveLoginAttempt(deps.db, { email, ip: input.ip });
  const user = await findUserByEmail(deps.db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const actor = { userId: user?.id ?? null, email, ip: input.ip };

  if (!user || !passwordOk) {
    // The reserved failure stays counted.
    await deps.db.transaction(async (tx) => {
      await recordAudit(tx, {
        actor,
        action: 'auth.login_failed',
        entityType: 'user',
        ...(user ? { entityId: user.id } : {}),
        details: { reason: user ? 'wrong_password' : 'unknown_email' },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await deps.db.transaction(async (tx) => {
      await settleLoginAttempt(tx, attemptId, 'refunded');
      await recordAudit(tx, {
        actor,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        details: { reason: 'blocked' },
      });
    });
    throw new AppError('USER_BLOCKED');
  }

  const twoFactorRequired = user.totpEnabledAt !== null;
  const memberships = await organizationAccess().listUserMemberships(deps.db, user.id);
  const activeOrganizationId = defaultOrganization(memberships);
  return deps.db.transaction(async (tx) => {
    const session = await createSession(tx, {
      userId: user.id,
      state: twoFactorRequired ? 'two_factor' : 'active',
      activeOrganizationId,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    // With TOTP the login is not done yet: the second step reserves and settles its own attempts.
    await settleLoginAttempt(tx, attemptId, twoFactorRequired ? 'refunded' : 'succeeded');
    if (!twoFactorRequired) {
      await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actor,
        action: 'auth.login',
        organizationId: activeOrganizationId,
        entityType: 'session',
        entityId: session.sessionId,
      });
    }
    return { ...session, userId: user.id, activeOrganizationId, twoFactorRequired };
  });
}
