import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { deleteUserSessions } from './sessions';

/** «Выйти на всех устройствах»: ends every session of the user, the audit row says how many. */
export async function logOutEverywhere(deps: AppDeps, userId: string, actor: AuditActor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, userId);
    await recordAudit(tx, {
      actor,
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: userId,
      details: { sessionsEnded: ended },
    });
  });
}
