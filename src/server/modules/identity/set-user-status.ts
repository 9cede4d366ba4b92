import { eq } from 'drizzle-orm';
import type { StaffRole } from '../../../shared/api/roles';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { users } from './schema';
import { deleteUserSessions } from './sessions';

export type SetUserStatusOptions = {
  id: string;
  status: 'active' | 'blocked';
  /** The staff role of whoever blocks (null for an integration token): staff are blocked by an admin. */
  actingRole: StaffRole | null;
  actor: AuditActor;
};

/** Blocking ends the user's sessions at once; unblocking lets them log in again. */
export async function setUserStatus(
  deps: AppDeps,
  { id, status, actingRole, actor }: SetUserStatusOptions,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Пользователь не найден');
    if (current.staffRole && actingRole !== 'admin')
      throw new AppError('FORBIDDEN', 'Сотрудников оператора блокирует только администратор');
    if (status === 'blocked' && actor.userId === id)
      throw new AppError('BAD_REQUEST', 'Нельзя заблокировать самого себя');
    if (current.status === status) return;
    await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, id));
    if (status === 'blocked') await deleteUserSessions(tx, id);
    await recordAudit(tx, {
      actor,
      action: status === 'blocked' ? 'user.blocked' : 'user.unblocked',
      entityType: 'user',
      entityId: id,
    });
  });
}
