import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { productNameSql } from './article-view';
import { articles, catalogCodes, products } from './schema';

/**
 * The read-only joins other modules make into the catalog (a module owns its tables: others never write them
 * and read them only through these). A license's article, with its product's card and its code in table 1 for
 * the display name: `.innerJoin(...joinArticle(licenses.articleId)).leftJoin(...joinArticleProduct())
 * .leftJoin(...joinArticleProductCode())`, then `articleRef` and `productNameSql` in the select.
 */
export function joinArticle(articleId: PgColumn) {
  return [articles, eq(articles.id, articleId)] as const;
}

/** The product card of the joined article (optional: a product may have no card yet). */
export function joinArticleProduct() {
  return [products, eq(products.code, articles.productCode)] as const;
}

/** The product's code in table 1 (its name when there is no card), for the joined article. */
export function joinArticleProductCode() {
  return [
    catalogCodes,
    and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, articles.productCode)),
  ] as const;
}

/** The joined article as lists show it. */
export const articleRef = {
  id: articles.id,
  name: articles.name,
  code: articles.code,
  productCode: articles.productCode,
};

export { productNameSql };

/** A product's card by a product code column (support requests name their product): `.leftJoin(...)`. */
export function joinProductByCode(productCode: PgColumn) {
  return [products, eq(products.code, productCode)] as const;
}

/** The product's code in table 1 by a product code column, after {@link joinProductByCode}. */
export function joinProductCodeByCode(productCode: PgColumn) {
  return [
    catalogCodes,
    and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, productCode)),
  ] as const;
}

/** The product's display name for {@link joinProductByCode}: card name, else table-1 name, else the code. */
export function productNameOf(productCode: PgColumn) {
  return sql<string>`coalesce(${products.name}, ${catalogCodes.name}, ${productCode})`;
}

/** Ids of the articles whose name or product name contains the pattern (an escaped `ilike` pattern). */
export async function articleIdsMatching(db: Db, pattern: string): Promise<string[]> {
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .leftJoin(...joinArticleProduct())
    .leftJoin(...joinArticleProductCode())
    .where(or(sql`${productNameSql} ilike ${pattern}`, ilike(articles.name, pattern)));
  return rows.map((row) => row.id);
}

/** The products' support contacts and names, in table 1's order (the cabinet's «Техподдержка»). */
export async function productSupportContacts(
  db: Db,
  codes: readonly string[],
): Promise<Array<{ code: string; name: string; supportEmail: string | null; supportPhone: string | null }>> {
  if (codes.length === 0) return [];
  return db
    .select({
      code: catalogCodes.code,
      name: sql<string>`coalesce(${products.name}, ${catalogCodes.name}, ${catalogCodes.code})`,
      supportEmail: products.supportEmail,
      supportPhone: products.supportPhone,
    })
    .from(catalogCodes)
    .leftJoin(products, eq(products.code, catalogCodes.code))
    .where(and(eq(catalogCodes.tableKey, 'product'), inArray(catalogCodes.code, [...codes])))
    .orderBy(asc(catalogCodes.position), asc(catalogCodes.code));
}

/** The product's support desk address, or null (a request is copied there). */
export async function productSupportEmail(db: Db, code: string): Promise<string | null> {
  const [row] = await db
    .select({ supportEmail: products.supportEmail })
    .from(products)
    .where(eq(products.code, code))
    .limit(1);
  return row?.supportEmail ?? null;
}
