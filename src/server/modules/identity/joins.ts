import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { StaffRole, USER_STATUSES } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { users } from './schema';

/**
 * The read-only joins and reads other modules make into identity (a module owns its tables: others never write
 * them and read them only through these): a row's person by name, `.innerJoin(...joinUser(t.userId))`.
 */
export function joinUser(userId: PgColumn) {
  return [users, eq(users.id, userId)] as const;
}

/** The joined person as lists show them. */
export const userRef = {
  id: users.id,
  name: users.name,
  email: users.email,
  phone: users.phone,
  status: users.status,
  lastLoginAt: users.lastLoginAt,
};

/** The users table under another name, for a row that names two people (a request's author and assignee). */
export function userAlias<TName extends string>(name: TName) {
  return alias(users, name);
}

/** A person's e-mail, name, status, staff role and whether they have set a password, or null. */
export async function findUserContact(
  db: Db,
  userId: string,
): Promise<{
  email: string;
  name: string;
  status: (typeof USER_STATUSES)[number];
  staffRole: StaffRole | null;
  hasPassword: boolean;
} | null> {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      status: users.status,
      staffRole: users.staffRole,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** E-mails of the operator's active staff with this role (the support desk's addresses). */
export async function activeStaffEmails(db: Db, staffRole: 'support' | 'admin'): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.staffRole, staffRole), eq(users.status, 'active')));
  return rows.map((row) => row.email);
}

/** People by id with their name and e-mail (who created a token, who wrote a note), in one query. */
export async function usersByIds(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; name: string; email: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...ids]));
}
