import { eq } from 'drizzle-orm';
import type { AdminUserCreateBody, AdminUserUpdateBody } from '../../../shared/api/admin';
import type { MembershipRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { dispatchEmails } from '../notifications/send-email';
import { addMembership, insertMembership, listMembers } from '../organizations/members';
import { getOrganization } from '../organizations/organization-view';
import { sendResetLink, writeResetLink } from './password-reset';
import { hashPassword } from './passwords';
import { users } from './schema';
import { deleteUserSessions } from './sessions';
import { findUserByEmail, findUserById, type UserRow } from './users';

/** Inserts a user inside the caller's transaction; a taken email is a clear 409 naming the field. */
async function insertUser(
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

/** Creates a user; without a password they get an invitation link to set one (one transaction). */
export async function createUser(
  deps: AppDeps,
  input: AdminUserCreateBody,
  actor: AuditActor,
): Promise<UserRow> {
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

export async function updateUser(
  deps: AppDeps,
  id: string,
  patch: AdminUserUpdateBody,
  actor: AuditActor,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Пользователь не найден');
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

/** Blocking ends the user's sessions at once; unblocking lets them log in again. */
export async function setUserStatus(
  deps: AppDeps,
  id: string,
  status: 'active' | 'blocked',
  actor: AuditActor,
): Promise<void> {
  if (status === 'blocked' && actor.userId === id)
    throw new AppError('BAD_REQUEST', 'Нельзя заблокировать самого себя');
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Пользователь не найден');
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

export async function sendUserPasswordReset(deps: AppDeps, id: string, actor: AuditActor): Promise<void> {
  const user = await findUserById(deps.db, id);
  if (!user) throw new AppError('NOT_FOUND', 'Пользователь не найден');
  if (user.status !== 'active') throw new AppError('BAD_REQUEST', 'Пользователь заблокирован');
  await sendResetLink(deps, user, actor, 'user.password_reset_sent');
}

/**
 * «Добавить пользователя» on an organization: an existing email joins (and is told by email); a new person
 * is created, joined and invited in one transaction, so a failure leaves no user without a membership.
 */
export async function addPersonToOrganization(
  deps: AppDeps,
  input: { organizationId: string; email: string; name?: string | undefined; role: MembershipRole },
  actor: AuditActor,
) {
  const organization = await getOrganization(deps.db, input.organizationId);
  const existing = await findUserByEmail(deps.db, input.email);
  if (existing)
    return addMembership(
      deps,
      { organizationId: organization.id, userId: existing.id, role: input.role, notify: true },
      actor,
    );
  const { userId, mailId } = await deps.db.transaction(async (tx) => {
    const user = await insertUser(
      tx,
      { email: input.email, name: input.name || input.email, staffRole: null },
      null,
      actor,
    );
    await insertMembership(tx, { userId: user.id, organizationId: organization.id, role: input.role });
    await recordAudit(tx, {
      actor,
      action: 'membership.added',
      organizationId: organization.id,
      entityType: 'user',
      entityId: user.id,
      details: { role: input.role, email: user.email },
    });
    const mail = await writeResetLink(tx, deps, {
      user,
      actor,
      action: 'user.password_reset_sent',
      organizationName: organization.shortName,
    });
    return { userId: user.id, mailId: mail };
  });
  await dispatchEmails(deps, [mailId]);
  const member = (await listMembers(deps.db, organization.id)).find((m) => m.userId === userId);
  if (!member) throw new Error('member vanished after insert');
  return member;
}
