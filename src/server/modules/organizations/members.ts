import { and, asc, eq } from 'drizzle-orm';
import type { Member } from '../../../shared/api/organizations';
import type { MembershipRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { findUserContact, joinUser, userRef } from '../identity/joins';
import { enqueueEmail } from '../notifications/enqueue-email';
import { dispatchEmails } from '../notifications/send-email';
import { membershipAddedEmail } from '../notifications/templates/identity';
import { getOrganization } from './organization-view';
import { memberships } from './schema';

export const ROLE_NAMES: Record<MembershipRole, string> = {
  owner: 'владелец',
  admin: 'администратор',
  accountant: 'бухгалтер',
  member: 'сотрудник',
  viewer: 'наблюдатель',
};

export async function listMembers(db: Db, organizationId: string): Promise<Member[]> {
  const rows = await db
    .select({
      userId: userRef.id,
      email: userRef.email,
      name: userRef.name,
      phone: userRef.phone,
      role: memberships.role,
      userStatus: userRef.status,
      lastLoginAt: userRef.lastLoginAt,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(...joinUser(memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(userRef.name));
  return rows.map((r) => ({
    ...r,
    role: r.role,
    userStatus: r.userStatus,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function findMember(db: Db, organizationId: string, userId: string): Promise<Member> {
  const member = (await listMembers(db, organizationId)).find((m) => m.userId === userId);
  if (!member) throw notFound('Пользователь не состоит в организации');
  return member;
}

/**
 * Inserts the membership in the caller's transaction; false when the user is already a member. For the
 * callers that make the user in the same transaction («Добавить пользователя» of a new person).
 */
export async function insertMembership(
  tx: Db,
  input: { organizationId: string; userId: string; role: MembershipRole },
): Promise<boolean> {
  const inserted = await tx
    .insert(memberships)
    .values({ userId: input.userId, organizationId: input.organizationId, role: input.role })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  return inserted.length > 0;
}

/**
 * Adds an existing user to an organization with a role and tells them by email. (New people are created
 * by `addPersonToOrganization` in ./add-person-to-organization.ts, which then calls this.)
 */
export async function addMembership(
  deps: AppDeps,
  input: { organizationId: string; userId: string; role: MembershipRole; notify: boolean },
  actor: AuditActor,
): Promise<Member> {
  const organization = await getOrganization(deps.db, input.organizationId);
  const mailId = await deps.db.transaction(async (tx) => {
    const user = await findUserContact(tx, input.userId);
    if (!user) throw notFound('Пользователь не найден');
    if (!(await insertMembership(tx, input)))
      throw new AppError('CONFLICT', 'Пользователь уже состоит в этой организации');
    await recordAudit(tx, {
      actor,
      action: 'membership.added',
      organizationId: input.organizationId,
      entityType: 'user',
      entityId: input.userId,
      details: { role: input.role, email: user.email },
    });
    if (!input.notify || !user.hasPassword) return null;
    return enqueueEmail(tx, {
      to: [user.email],
      email: membershipAddedEmail({
        name: user.name,
        organizationName: organization.shortName,
        roleName: ROLE_NAMES[input.role],
        loginUrl: `${deps.config.publicUrl}/login`,
      }),
      organizationId: input.organizationId,
      canSend: Boolean(deps.config.smtpUrl),
    });
  });
  if (mailId) await dispatchEmails(deps, [mailId]);
  return findMember(deps.db, input.organizationId, input.userId);
}

export async function changeMemberRole(
  db: Db,
  input: { organizationId: string; userId: string; role: MembershipRole },
  actor: AuditActor,
): Promise<Member> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, input.organizationId), eq(memberships.userId, input.userId)))
      .for('update');
    if (!current) throw notFound('Пользователь не состоит в организации');
    if (current.role === input.role) return;
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organizationId, input.organizationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      actor,
      action: 'membership.role_changed',
      organizationId: input.organizationId,
      entityType: 'user',
      entityId: input.userId,
      details: { from: current.role, to: input.role },
    });
  });
  return findMember(db, input.organizationId, input.userId);
}

export async function removeMember(
  db: Db,
  input: { organizationId: string; userId: string },
  actor: AuditActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, input.organizationId), eq(memberships.userId, input.userId)))
      .returning({ role: memberships.role });
    if (removed.length === 0) throw notFound('Пользователь не состоит в организации');
    await recordAudit(tx, {
      actor,
      action: 'membership.removed',
      organizationId: input.organizationId,
      entityType: 'user',
      entityId: input.userId,
      details: { role: removed[0]?.role },
    });
  });
}
