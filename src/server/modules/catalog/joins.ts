import { and, eq, ilike, or, sql } from 'drizzle-orm';
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

/** The product card's fields other modules show (support contacts, the support desk's address). */
export const productCardRef = {
  code: products.code,
  name: products.name,
  supportEmail: products.supportEmail,
  supportPhone: products.supportPhone,
};

/** Position of the product in table 1 (the order products are listed in), for {@link joinProductCodeByCode}. */
export const productPosition = catalogCodes.position;
export const productCodeName = catalogCodes.name;

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
