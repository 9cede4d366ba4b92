import { asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AdminLicenseList,
  AdminLicenseListQuery,
  LicenseList,
  LicenseListItem,
  LicenseListQuery,
} from '../../../shared/api/licenses';
import { normalizeSerialText } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { inScope, type Scope } from '../../http/scope';
import {
  articleIdsMatching,
  articleRef,
  joinArticle,
  joinArticleProduct,
  joinArticleProductCode,
  productNameSql,
} from '../catalog/joins';
import { joinOrganization, organizationIdsMatching, organizationRef } from '../organizations/joins';
import { licenses } from './schema';

/** The licenses the scope reaches: a customer's organization's only, staff any (http/scope.ts). */
export function licensesInScope(scope: Scope, ...conditions: Array<SQL | undefined>): SQL {
  return inScope(scope, licenses.organizationId, ...conditions);
}

/** licenses ⋈ article ⋈ product card / table-1 name ⋈ organization: every column the tables show. */
export function selectLicenses(db: Db) {
  return db
    .select({
      license: licenses,
      articleName: articleRef.name,
      articleCode: articleRef.code,
      productCode: articleRef.productCode,
      productName: productNameSql,
      organization: organizationRef,
    })
    .from(licenses)
    .innerJoin(...joinArticle(licenses.articleId))
    .innerJoin(...joinOrganization(licenses.organizationId))
    .leftJoin(...joinArticleProduct())
    .leftJoin(...joinArticleProductCode());
}

export type LicenseJoined = Awaited<ReturnType<ReturnType<typeof selectLicenses>['where']>>[number];

export function toLicenseItem(row: LicenseJoined): LicenseListItem {
  return {
    id: row.license.id,
    number: row.license.number,
    name: row.articleName,
    serial: row.license.serial,
    product: row.productName,
    productCode: row.productCode,
    quantity: row.license.quantity,
    activated: row.license.activated,
    issuedAt: row.license.issuedAt.toISOString(),
  };
}

/** A whole serial once dashes are gone: YY AA BCDEFFGHHZZ DDD NNNN, 22 characters. */
const WHOLE_SERIAL = /^(\d{2})([0-9A-Z]{2})([0-9A-Z]{11})(\d{3})(\d{4})$/;

function anyOf(column: typeof licenses.articleId | typeof licenses.organizationId, ids: string[]) {
  return ids.length > 0 ? sql`${column} = any(${sql.param(ids)}::uuid[])` : undefined;
}

/**
 * Search by serial in any spelling the codec repairs (seed 000: the serial is what people quote to support) —
 * Cyrillic look-alikes, typographic dashes, spaces, with or without dashes, any fragment — or by product or
 * license name (and, in the back office, the organization's name or INN).
 *
 * Shaped for the indexes, so a register of a million licenses answers in milliseconds: a whole serial is an
 * equality on the unique `licenses_serial_key` (a 22-character fragment can only be the whole serial); a
 * fragment is a `like` on the trigram index `licenses_serial_search_idx`; names are matched in the small
 * tables first and the licenses found by those article and organization ids, so PostgreSQL combines three
 * indexes instead of scanning the licenses joined with their names.
 */
async function searchCondition(db: Db, q: string, scope: Scope): Promise<SQL> {
  const compact = normalizeSerialText(q).replace(/-/g, '');
  const whole = WHOLE_SERIAL.exec(compact);
  if (whole) return eq(licenses.serial, whole.slice(1).join('-'));
  const pattern = likePattern(q);
  const [matchingArticles, matchingOrganizations] = await Promise.all([
    articleIdsMatching(db, pattern),
    // The back office also looks licenses up by the organization's name or INN.
    scope.kind !== 'staff' ? [] : organizationIdsMatching(db, q),
  ]);
  return (
    or(
      compact ? sql`replace(${licenses.serial}, '-', '') like ${likePattern(compact)}` : undefined,
      anyOf(licenses.articleId, matchingArticles),
      anyOf(licenses.organizationId, matchingOrganizations),
    ) ?? sql`false`
  );
}

type Query = z.output<typeof LicenseListQuery>;

async function listRows(db: Db, scope: Scope, query: Query, filters: Array<SQL | undefined> = []) {
  const q = query.q?.trim();
  const where = licensesInScope(scope, ...filters, q ? await searchCondition(db, q, scope) : undefined);
  const column = {
    id: licenses.number,
    serial: licenses.serial,
    product: productNameSql,
    quantity: licenses.quantity,
    activated: licenses.activated,
    issuedAt: licenses.issuedAt,
  }[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    selectLicenses(db)
      .where(where)
      .orderBy(direction(column), direction(licenses.number), asc(licenses.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    // Every condition is on the licenses' own columns, and each license has its article and organization.
    db.select({ n: count() }).from(licenses).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** «Таблица со списком лицензий» of the cabinet's main page (seed 000, рис. 5). */
export async function listTenantLicenses(db: Db, scope: Scope, query: Query): Promise<LicenseList> {
  const { rows, total } = await listRows(db, scope, query);
  return { items: rows.map(toLicenseItem), total, page: query.page, pageSize: query.pageSize };
}

/** The back office's license register across organizations. */
export async function listAllLicenses(
  db: Db,
  scope: Scope,
  query: z.output<typeof AdminLicenseListQuery>,
): Promise<AdminLicenseList> {
  const { rows, total } = await listRows(db, scope, query, [
    query.organizationId ? eq(licenses.organizationId, query.organizationId) : undefined,
    query.articleId ? eq(licenses.articleId, query.articleId) : undefined,
  ]);
  return {
    items: rows.map((r) => ({
      ...toLicenseItem(r),
      organization: r.organization,
      articleCode: r.articleCode,
      source: r.license.source === 'imported' ? ('imported' as const) : ('issued' as const),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
