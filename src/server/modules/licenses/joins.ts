import { count, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import type { Scope } from '../../http/scope';
import { articleRef, joinArticle } from '../catalog/joins';
import { licensesInScope } from './list-licenses';
import { licenses } from './schema';

/**
 * The read-only joins and reads other modules make into licenses (a module owns its tables: others never write
 * them and read them only through these): a support request cites a license, `.innerJoin(...joinLicense(...))`.
 */
export function joinLicense(licenseId: PgColumn) {
  return [licenses, eq(licenses.id, licenseId)] as const;
}

/** The license's id column, for a condition on a joined or selected license. */
export const licenseIdColumn = licenses.id;

/** The joined license's serial (what people quote to support), for display and search. */
export const licenseSerial = licenses.serial;

/** How many licenses the scope holds per product code (the «Техподдержка» list). */
export async function licenseCountsByProduct(db: Db, scope: Scope): Promise<Map<string, number>> {
  const rows = await db
    .select({ productCode: articleRef.productCode, n: count() })
    .from(licenses)
    .innerJoin(...joinArticle(licenses.articleId))
    .where(licensesInScope(scope))
    .groupBy(articleRef.productCode);
  return new Map(rows.map((row) => [row.productCode, Number(row.n)]));
}
