import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Article, ArticleList, ArticleListQuery } from '../../../shared/api/catalog';
import { type ArticleParts, describeArticle, type SerialCodeTables } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { notFound } from '../../http/errors';
import { loadCodeTables } from './code-tables';
import { articles, catalogCodes, products } from './schema';

export type ArticleRow = typeof articles.$inferSelect;

/** The product's display name: its card's name, else the code's name in table 1. */
export const productNameSql = sql<string>`coalesce(${products.name}, ${catalogCodes.name}, ${articles.productCode})`;

export function articlePartsOf(row: ArticleRow): ArticleParts {
  return {
    product: row.productCode,
    version: row.version,
    subscriptionType: row.subscriptionType,
    agreement: row.agreement,
    licenseType: row.licenseType,
    period: row.period,
    deliveryForm: row.deliveryForm,
    support: row.support,
    articleYear: row.articleYear,
  };
}

function toArticle(row: ArticleRow, productName: string, tables: SerialCodeTables): Article {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    productCode: row.productCode,
    productName,
    version: row.version,
    subscriptionType: row.subscriptionType,
    agreement: row.agreement,
    licenseType: row.licenseType,
    period: row.period,
    deliveryForm: row.deliveryForm,
    support: row.support,
    articleYear: row.articleYear,
    priceKopecks: row.priceKopecks,
    archived: row.archived,
    parts: describeArticle(articlePartsOf(row), tables).map(({ part, label, code, meaning }) => ({
      part,
      label,
      code,
      meaning,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function selectArticles(db: Db) {
  return db
    .select({ article: articles, productName: productNameSql })
    .from(articles)
    .leftJoin(products, eq(products.code, articles.productCode))
    .leftJoin(
      catalogCodes,
      and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, articles.productCode)),
    );
}

/** An article row for other modules (licenses issue and import against it). */
export async function findArticle(
  db: Db,
  where: { id: string } | { code: string },
): Promise<ArticleRow | null> {
  const [row] = await db
    .select()
    .from(articles)
    .where('id' in where ? eq(articles.id, where.id) : eq(articles.code, where.code))
    .limit(1);
  return row ?? null;
}

/** Articles by code, for the CSV import of existing licenses. */
export async function findArticlesByCodes(db: Db, codes: string[]): Promise<ArticleRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(articles).where(inArray(articles.code, codes));
}

export async function getArticle(db: Db, id: string): Promise<Article> {
  const [row] = await selectArticles(db).where(eq(articles.id, id)).limit(1);
  if (!row) throw notFound('Артикул не найден');
  return toArticle(row.article, row.productName, await loadCodeTables(db));
}

type Query = z.output<typeof ArticleListQuery>;

export async function listArticles(db: Db, query: Query): Promise<ArticleList> {
  const q = query.q?.trim();
  const where = and(
    q
      ? or(
          ilike(articles.code, likePattern(q)),
          ilike(articles.name, likePattern(q)),
          sql`${productNameSql} ilike ${likePattern(q)}`,
        )
      : undefined,
    query.productCode ? eq(articles.productCode, query.productCode) : undefined,
    query.archived === 'all' ? undefined : eq(articles.archived, query.archived === 'archived'),
  );
  const column = {
    code: articles.code,
    name: articles.name,
    price: articles.priceKopecks,
    createdAt: articles.createdAt,
  }[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [total], tables] = await Promise.all([
    selectArticles(db)
      .where(where)
      .orderBy(direction(column), asc(articles.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(articles)
      .leftJoin(products, eq(products.code, articles.productCode))
      .leftJoin(
        catalogCodes,
        and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, articles.productCode)),
      )
      .where(where),
    loadCodeTables(db),
  ]);
  return {
    items: rows.map((r) => toArticle(r.article, r.productName, tables)),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
