import { eq } from 'drizzle-orm';
import type { AdminUserUpdateBody } from '../../../shared/api/admin';
import type { StaffRole } from '../../../shared/api/roles';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { users } from './schema';

export type UpdateUserOptions = {
  id: string;
  patch: AdminUserUpdateBody;
  /** The staff role of whoever edits (null for an integration token). */
  actingRole: StaffRole | null;
  actor: AuditActor;
};

/**
 * Edits a user's card in the back office. Giving, changing or taking a staff role, or editing an operator's
 * employee at all, is for an administrator only: a manager cannot raise anyone into the back office.
 */
export async function updateUser(
  deps: AppDeps,
  { id, patch, actingRole, actor }: UpdateUserOptions,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Пользователь не найден');
    const touchesStaff = patch.staffRole !== undefined || current.staffRole !== null;
    if (touchesStaff && actingRole !== 'admin')
      throw new AppError('FORBIDDEN', 'Сотрудников оператора изменяет только администратор');
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length === 0) return;
    await tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, id));
    if (patch.staffRole !== undefined && patch.staffRole !== current.staffRole) {
      await recordAudit(tx, {
        actor,
        action: 'user.staff_role_changed',
        entityType: 'user',
        entityId: id,
        details: { from: current.staffRole, to: patch.staffRole },
      });
    }
    const other = Object.keys(values).filter((k) => k !== 'staffRole');
    if (other.length > 0)
      await recordAudit(tx, {
        actor,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        details: { changed: other },
      });
  });
}
