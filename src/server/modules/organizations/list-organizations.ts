import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrganizationList, OrganizationListQuery } from '../../../shared/api/organizations';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { memberships, organizations } from './schema';

type Query = z.output<typeof OrganizationListQuery>;

export async function listOrganizations(db: Db, query: Query): Promise<OrganizationList> {
  const q = query.q?.trim();
  const where = and(
    q
      ? or(
          ilike(organizations.shortName, likePattern(q)),
          ilike(organizations.fullName, likePattern(q)),
          ilike(organizations.inn, `${likePattern(q, false)}%`),
          ilike(organizations.email, likePattern(q)),
        )
      : undefined,
    query.status ? eq(organizations.status, query.status) : undefined,
    query.program ? sql`${query.program} = any(${organizations.programs})` : undefined,
  );
  const sortColumn = {
    shortName: organizations.shortName,
    inn: organizations.inn,
    createdAt: organizations.createdAt,
  }[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const membersCount = db
    .select({ organizationId: memberships.organizationId, n: count().as('n') })
    .from(memberships)
    .groupBy(memberships.organizationId)
    .as('members_count');
  const [rows, [total]] = await Promise.all([
    db
      .select({ org: organizations, n: membersCount.n })
      .from(organizations)
      .leftJoin(membersCount, eq(membersCount.organizationId, organizations.id))
      .where(where)
      .orderBy(direction(sortColumn), asc(organizations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return {
    items: rows.map(({ org, n }) => ({
      id: org.id,
      kind: org.kind,
      shortName: org.shortName,
      fullName: org.fullName,
      inn: org.inn,
      kpp: org.kpp,
      status: org.status,
      programs: org.programs,
      membersCount: Number(n ?? 0),
      createdAt: org.createdAt.toISOString(),
      contactEmail: org.contactEmail ?? org.email,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
