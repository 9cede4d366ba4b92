import type { AdminUserCreateBody } from '../../../shared/api/admin';
import type { StaffRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { dispatchEmails } from '../notifications/send-email';
import { writeResetLink } from './password-reset';
import { hashPassword } from './passwords';
import { users } from './schema';
import type { UserRow } from './users';

/** Inserts a user inside the caller's transaction; a taken email is a clear 409 naming the field. */
export async function insertUser(
  tx: Db,
  input: AdminUserCreateBody,
  passwordHash: string | null,
  actor: AuditActor,
): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      phone: input.phone ?? null,
      staffRole: input.staffRole ?? null,
      passwordHash,
      passwordChangedAt: passwordHash ? new Date() : null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw new AppError('CONFLICT', 'Пользователь с таким email уже есть', [
      { path: 'email', message: 'Этот email уже зарегистрирован' },
    ]);
  await recordAudit(tx, {
    actor,
    action: 'user.created',
    entityType: 'user',
    entityId: row.id,
    details: { email: row.email, staffRole: row.staffRole },
  });
  return row;
}

export type CreateUserOptions = {
  input: AdminUserCreateBody;
  /** The staff role of whoever creates the user (null for an integration token): staff come from an admin. */
  actingRole: StaffRole | null;
  actor: AuditActor;
};

/**
 * Creates a user; without a password they get an invitation link to set one (one transaction). An operator's
 * employee (`staffRole`) is a way into the back office, so only an administrator creates one.
 */
export async function createUser(
  deps: AppDeps,
  { input, actingRole, actor }: CreateUserOptions,
): Promise<UserRow> {
  if (input.staffRole && actingRole !== 'admin')
    throw new AppError('FORBIDDEN', 'Сотрудников оператора создаёт только администратор');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const { user, mailId } = await deps.db.transaction(async (tx) => {
    const row = await insertUser(tx, input, passwordHash, actor);
    const mail = passwordHash
      ? null
      : await writeResetLink(tx, deps, { user: row, actor, action: 'user.password_reset_sent' });
    return { user: row, mailId: mail };
  });
  if (mailId) await dispatchEmails(deps, [mailId]);
  return user;
}
