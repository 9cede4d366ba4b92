import { eq } from 'drizzle-orm';
import { formatDateTime } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { enqueueEmail } from '../notifications/enqueue-email';
import { dispatchEmails } from '../notifications/send-email';
import {
  invitationEmail,
  passwordChangedEmail,
  passwordResetEmail,
} from '../notifications/templates/identity';
import { hashPassword } from './passwords';
import {
  consumeToken,
  createResetToken,
  expireUserTokens,
  findLiveToken,
  INVITE_TTL_DAYS,
  MAX_RESETS_PER_HOUR,
  RESET_TTL_MINUTES,
  recentResetCount,
} from './reset-tokens';
import { users } from './schema';
import { deleteUserSessions } from './sessions';
import { findUserByEmail, type UserRow } from './users';

export function resetUrl(deps: AppDeps, token: string): string {
  return `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * «Восстановление пароля» (seed 001). Always answers the same way, so it does not reveal who is
 * registered; sends at most a few links per hour per user.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; ip: string | null },
): Promise<void> {
  const user = await findUserByEmail(deps.db, input.email);
  if (user?.status !== 'active') return;
  // Count and insert under the user's row lock in one transaction (issue 8, item 5): parallel requests
  // on any app node queue on the lock, so the fourth one sees three links and sends nothing.
  const mailId = await deps.db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    if ((await recentResetCount(tx, user.id)) >= MAX_RESETS_PER_HOUR) return null;
    return writeResetLink(tx, deps, {
      user,
      actor: { userId: null, email: user.email, ip: input.ip },
      action: 'auth.password_reset_requested',
    });
  });
  if (mailId) await dispatchEmails(deps, [mailId]);
}

/**
 * Writes a reset link (or an invitation for a user without a password) and its mail inside the caller's
 * transaction; returns the outbox id to dispatch after commit.
 */
export async function writeResetLink(
  tx: Db,
  deps: AppDeps,
  input: {
    user: UserRow;
    actor: AuditActor;
    action: 'auth.password_reset_requested' | 'user.password_reset_sent';
    organizationName?: string | null;
  },
): Promise<string> {
  const { user, actor } = input;
  const purpose = user.passwordHash ? 'reset' : 'invite';
  const token = await createResetToken(tx, { userId: user.id, purpose, ip: actor.ip });
  const url = resetUrl(deps, token);
  const email =
    purpose === 'reset'
      ? passwordResetEmail({ name: user.name, url, validMinutes: RESET_TTL_MINUTES })
      : invitationEmail({
          name: user.name,
          email: user.email,
          url,
          loginUrl: `${deps.config.publicUrl}/login`,
          organizationName: input.organizationName ?? null,
          validDays: INVITE_TTL_DAYS,
        });
  await recordAudit(tx, {
    actor,
    action: input.action,
    entityType: 'user',
    entityId: user.id,
    details: { purpose },
  });
  return enqueueEmail(tx, { to: [user.email], email, canSend: Boolean(deps.config.smtpUrl) });
}

/** Sends a reset link or an invitation in its own transaction; used by «Восстановление пароля» and staff. */
export async function sendResetLink(
  deps: AppDeps,
  user: UserRow,
  actor: AuditActor,
  action: 'auth.password_reset_requested' | 'user.password_reset_sent',
): Promise<void> {
  const mailId = await deps.db.transaction((tx) => writeResetLink(tx, deps, { user, actor, action }));
  await dispatchEmails(deps, [mailId]);
}

export async function resetTokenStatus(deps: AppDeps, token: string) {
  const live = await findLiveToken(deps.db, token);
  return { valid: live !== null, email: live?.email ?? null };
}

/** Sets the new password from a link: single use, ends every session of the user. */
export async function resetPassword(
  deps: AppDeps,
  input: { token: string; newPassword: string; ip: string | null },
): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  const mailId = await deps.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, input.token);
    if (!consumed) throw new AppError('RESET_TOKEN_INVALID');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, consumed.userId))
      .returning();
    if (!user) throw new AppError('RESET_TOKEN_INVALID');
    await expireUserTokens(tx, user.id);
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      actor: { userId: user.id, email: user.email, ip: input.ip },
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: user.id,
      details: { purpose: consumed.purpose },
    });
    if (consumed.purpose === 'invite') return null;
    return enqueueEmail(tx, {
      to: [user.email],
      email: passwordChangedEmail({ name: user.name, when: formatDateTime(new Date()), ip: input.ip }),
      canSend: Boolean(deps.config.smtpUrl),
    });
  });
  if (mailId) await dispatchEmails(deps, [mailId]);
}
