import type { StaffRole } from '../../../shared/api/roles';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import type { AuditActor } from '../audit/record-audit';
import { sendResetLink } from './password-reset';
import { findUserById } from './users';

export type SendUserPasswordResetOptions = {
  id: string;
  /** The staff role of whoever sends (null for an integration token). */
  actingRole: StaffRole | null;
  actor: AuditActor;
};

/** «Отправить ссылку для смены пароля». A reset link for staff is a way into the back office: admins only. */
export async function sendUserPasswordReset(
  deps: AppDeps,
  { id, actingRole, actor }: SendUserPasswordResetOptions,
): Promise<void> {
  const user = await findUserById(deps.db, id);
  if (!user) throw new AppError('NOT_FOUND', 'Пользователь не найден');
  if (user.staffRole && actingRole !== 'admin')
    throw new AppError('FORBIDDEN', 'Ссылку сотруднику оператора отправляет только администратор');
  if (user.status !== 'active') throw new AppError('BAD_REQUEST', 'Пользователь заблокирован');
  await sendResetLink(deps, user, actor, 'user.password_reset_sent');
}
