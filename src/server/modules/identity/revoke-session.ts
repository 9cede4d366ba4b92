import { and, eq } from 'drizzle-orm';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { sessions } from './schema';

export type RevokeSessionOptions = { userId: string; sessionId: string; actor: AuditActor };

/** «Завершить сеанс»: only the user's own session; another user's one is not found (404). */
export async function revokeSession(
  deps: AppDeps,
  { userId, sessionId, actor }: RevokeSessionOptions,
): Promise<void> {
  const removed = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id });
    if (rows.length > 0)
      await recordAudit(tx, {
        actor,
        action: 'auth.session_revoked',
        entityType: 'session',
        entityId: sessionId,
      });
    return rows.length;
  });
  if (removed === 0) throw new AppError('NOT_FOUND', 'Сеанс не найден');
}
