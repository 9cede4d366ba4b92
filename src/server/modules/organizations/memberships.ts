import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MembershipSummary } from '../../../shared/api/auth';
import type { MembershipRole, OrganizationProgram } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import type { OrganizationAccess, UserMembership } from '../identity/organization-access';
import { memberships, organizations } from './schema';

/** The organizations a user can act for, as the switcher shows them (name + INN, seed 002). */
export async function listUserMemberships(db: Db, userId: string): Promise<MembershipSummary[]> {
  const rows = await db
    .select({
      organizationId: organizations.id,
      shortName: organizations.shortName,
      inn: organizations.inn,
      role: memberships.role,
      programs: organizations.programs,
      status: organizations.status,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.shortName));
  return rows.map((row) => ({
    ...row,
    role: row.role,
    programs: row.programs,
    status: row.status,
  }));
}

export async function findMembership(
  db: Db,
  userId: string,
  organizationId: string,
): Promise<{ role: MembershipRole; organizationStatus: string; programs: OrganizationProgram[] } | null> {
  const [row] = await db
    .select({
      role: memberships.role,
      organizationStatus: organizations.status,
      programs: organizations.programs,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  return row
    ? {
        role: row.role,
        organizationStatus: row.organizationStatus,
        programs: row.programs,
      }
    : null;
}

/** Adds a membership inside the caller's transaction; false when the user already belongs there. */
export async function insertMembership(
  tx: Db,
  input: { userId: string; organizationId: string; role: MembershipRole },
): Promise<boolean> {
  const rows = await tx.insert(memberships).values(input).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Each user's memberships by name (the back office's user cards), for many users in one query. */
export async function membershipsOfUsers(db: Db, userIds: string[]): Promise<Map<string, UserMembership[]>> {
  const byUser = new Map<string, UserMembership[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: memberships.userId,
      organizationId: organizations.id,
      shortName: organizations.shortName,
      inn: organizations.inn,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(organizations.shortName));
  for (const { userId, ...m } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(m);
    byUser.set(userId, list);
  }
  return byUser;
}

/** What identity reads of a person's organizations (`identity/organization-access.ts`); `buildApp` plugs it in. */
export const organizationAccess: OrganizationAccess = {
  listUserMemberships,
  findMembership,
  membershipsOfUsers,
};
