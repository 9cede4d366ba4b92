import { asc, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { organizations } from './schema';

/**
 * The read-only joins other modules make into organizations (a module owns its tables: others never write them
 * and read them only through these). A row's organization is joined for its name and INN in lists and search:
 * `.innerJoin(...joinOrganization(orders.organizationId))` (or `.leftJoin` for an optional one).
 */
export function joinOrganization(organizationId: PgColumn) {
  return [organizations, eq(organizations.id, organizationId)] as const;
}

/** The organization's reference as lists show it: `{ id, shortName, inn }`. */
export const organizationRef = {
  id: organizations.id,
  shortName: organizations.shortName,
  inn: organizations.inn,
};

/** «Организация» search in the back office: a fragment of the short name, or the INN's beginning. */
export function organizationMatches(text: string): SQL {
  return or(
    ilike(organizations.shortName, likePattern(text)),
    like(organizations.inn, `${likePattern(text, false)}%`),
  ) as SQL;
}

/** Ids of the organizations whose short name or INN contains the fragment (the license register's search). */
export async function organizationIdsMatching(db: Db, text: string): Promise<string[]> {
  const pattern = likePattern(text);
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(or(ilike(organizations.shortName, pattern), ilike(organizations.inn, pattern)));
  return rows.map((row) => row.id);
}

/** The references of the given organizations by name. */
export async function organizationRefsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Array<{ id: string; shortName: string; inn: string }>> {
  if (ids.length === 0) return [];
  return db
    .select(organizationRef)
    .from(organizations)
    .where(inArray(organizations.id, [...ids]))
    .orderBy(asc(organizations.shortName));
}
