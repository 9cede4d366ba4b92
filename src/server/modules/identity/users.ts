import { eq } from 'drizzle-orm';
import type { UserSummary } from '../../../shared/api/auth';
import type { StaffRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { users } from './schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/**
 * The user with this email, created without a password when there is none (inside the caller's transaction).
 * A new user sets the password from an emailed link.
 */
export async function findOrCreateUser(
  tx: Db,
  input: { email: string; name: string },
): Promise<{ user: UserRow; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const [inserted] = await tx
    .insert(users)
    .values({ email, name: input.name })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { user: inserted, created: true };
  const existing = await findUserByEmail(tx, email);
  if (!existing) throw new Error(`user ${email} vanished`);
  return { user: existing, created: false };
}

export function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    staffRole: row.staffRole as StaffRole | null,
    twoFactorEnabled: row.totpEnabledAt !== null,
    locale: row.locale === 'en' ? 'en' : 'ru',
  };
}
