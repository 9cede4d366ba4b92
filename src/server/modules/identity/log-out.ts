import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { deleteSession } from './sessions';

/** «Выход»: ends this session; the audit row is written in the same transaction. */
export async function logOut(deps: AppDeps, sessionId: string, actor: AuditActor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, { actor, action: 'auth.logout', entityType: 'session', entityId: sessionId });
  });
}
