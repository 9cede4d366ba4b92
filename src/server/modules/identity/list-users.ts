import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminUser, AdminUserList, AdminUserListQuery } from '../../../shared/api/admin';
import type { StaffRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { notFound } from '../../http/errors';
import { organizationAccess } from './organization-access';
import { users } from './schema';
import type { UserRow } from './users';

function toAdminUser(row: UserRow, list: AdminUser['memberships']): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    staffRole: row.staffRole as StaffRole | null,
    status: row.status === 'blocked' ? 'blocked' : 'active',
    twoFactorEnabled: row.totpEnabledAt !== null,
    hasPassword: row.passwordHash !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    memberships: list,
  };
}

export async function getAdminUser(db: Db, id: string): Promise<AdminUser> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound('Пользователь не найден');
  return toAdminUser(row, (await organizationAccess().membershipsOfUsers(db, [id])).get(id) ?? []);
}

type Query = z.output<typeof AdminUserListQuery>;

export async function listUsers(db: Db, query: Query): Promise<AdminUserList> {
  const q = query.q?.trim();
  const where = and(
    q
      ? or(
          ilike(users.email, likePattern(q)),
          ilike(users.name, likePattern(q)),
          ilike(users.phone, likePattern(q)),
        )
      : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.staff === 'staff'
      ? isNotNull(users.staffRole)
      : query.staff === 'customers'
        ? isNull(users.staffRole)
        : undefined,
  );
  const sortColumn = {
    email: users.email,
    name: users.name,
    createdAt: users.createdAt,
    lastLoginAt: users.lastLoginAt,
  }[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(direction(sortColumn), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const byUser = await organizationAccess().membershipsOfUsers(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toAdminUser(r, byUser.get(r.id) ?? [])),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
