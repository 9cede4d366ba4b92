import { eq } from 'drizzle-orm';
import { formatDateTime } from '../../../shared/dates';
import { AppError } from '../../http/errors';
import type { AppDeps, Auth } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { enqueueEmail } from '../notifications/enqueue-email';
import { dispatchEmails } from '../notifications/send-email';
import { passwordChangedEmail } from '../notifications/templates/identity';
import { reserveLoginAttempt, settleLoginAttempt } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { users } from './schema';
import { deleteUserSessions } from './sessions';
import { findUserById } from './users';

/** «Смена пароля» (seed 000, рис. 4): old + new; other sessions end, this one stays. */
export async function changePassword(
  deps: AppDeps,
  auth: Auth,
  input: { currentPassword: string; newPassword: string },
  actor: AuditActor,
): Promise<void> {
  const user = await findUserById(deps.db, auth.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  // A stolen session must not become a free password oracle: the login lockout counts these tries too.
  // Reserved before the check, like a login (issue 8, item 3); a right password gives the slot back.
  const attemptId = await reserveLoginAttempt(deps.db, { email: user.email, ip: actor.ip });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  await settleLoginAttempt(deps.db, attemptId, 'refunded');
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_ERROR', 'Новый пароль совпадает с текущим', [
      { path: 'newPassword', message: 'Новый пароль должен отличаться от текущего' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const mailId = await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    const ended = await deleteUserSessions(tx, user.id, auth.session.id);
    await recordAudit(tx, {
      actor,
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      details: { otherSessionsEnded: ended },
    });
    return enqueueEmail(tx, {
      to: [user.email],
      email: passwordChangedEmail({ name: user.name, when: formatDateTime(new Date()), ip: actor.ip }),
      canSend: Boolean(deps.config.smtpUrl),
    });
  });
  await dispatchEmails(deps, [mailId]);
}
