import { and, asc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type {
  DownloadsResponse,
  InformationResponse,
  ProductFile,
  ProductFileKind,
} from '../../../shared/api/files';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import type { MemberScope } from '../../http/scope';
import { inScope } from '../../http/scope';
import { licenses } from '../licenses/schema';
import { NEWEST_FIRST, type ProductFileRow, toProductFile } from './product-files-view';
import { articles, catalogCodes, productFiles, products } from './schema';

/**
 * A customer reaches a product's files through a license: the organization holds at least one license whose
 * article is of that product (tenant-scoped by the one helper, so another organization's licenses never count).
 */
function holdsLicenseFor(db: Db, tenant: MemberScope) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(licenses)
      .innerJoin(articles, eq(articles.id, licenses.articleId))
      .where(inScope(tenant, licenses.organizationId, eq(articles.productCode, productFiles.productCode))),
  );
}

/** The products of the organization's licenses, in table 1's order, with their cards. */
async function licensedProducts(db: Db, tenant: MemberScope) {
  return db
    .selectDistinct({
      code: articles.productCode,
      name: sql<string>`coalesce(${products.name}, ${catalogCodes.name}, ${articles.productCode})`,
      description: sql<string>`coalesce(${products.description}, '')`,
      wikiUrl: products.wikiUrl,
      websiteUrl: products.websiteUrl,
      position: catalogCodes.position,
    })
    .from(licenses)
    .innerJoin(articles, eq(articles.id, licenses.articleId))
    .leftJoin(products, eq(products.code, articles.productCode))
    .leftJoin(
      catalogCodes,
      and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, articles.productCode)),
    )
    .where(inScope(tenant, licenses.organizationId))
    .orderBy(asc(catalogCodes.position), asc(articles.productCode));
}

/** Published (not withdrawn) files of one kind of these products, newest first, grouped by product. */
async function publishedFiles(
  db: Db,
  codes: string[],
  kind: ProductFileKind,
): Promise<Map<string, ProductFile[]>> {
  const byProduct = new Map<string, ProductFile[]>();
  if (codes.length === 0) return byProduct;
  const rows = await db
    .select()
    .from(productFiles)
    .where(
      and(
        inArray(productFiles.productCode, codes),
        eq(productFiles.kind, kind),
        isNull(productFiles.withdrawnAt),
      ),
    )
    .orderBy(...NEWEST_FIRST);
  for (const row of rows)
    byProduct.set(row.productCode, [...(byProduct.get(row.productCode) ?? []), toProductFile(row)]);
  return byProduct;
}

/** «Скачать» (seed 000): the distributions of every product the organization holds licenses for. */
export async function listDownloads(db: Db, tenant: MemberScope): Promise<DownloadsResponse> {
  const owned = await licensedProducts(db, tenant);
  const files = await publishedFiles(
    db,
    owned.map((p) => p.code),
    'distribution',
  );
  return { items: owned.map((p) => ({ code: p.code, name: p.name, files: files.get(p.code) ?? [] })) };
}

/** «Информация» (seed 000, рис. 3): per licensed product its wiki, site and documentation files. */
export async function listInformation(db: Db, tenant: MemberScope): Promise<InformationResponse> {
  const owned = await licensedProducts(db, tenant);
  const documents = await publishedFiles(
    db,
    owned.map((p) => p.code),
    'document',
  );
  return {
    items: owned.map((p) => ({
      code: p.code,
      name: p.name,
      description: p.description,
      wikiUrl: p.wikiUrl,
      websiteUrl: p.websiteUrl,
      documents: documents.get(p.code) ?? [],
    })),
  };
}

/**
 * A file the organization may download: published, of a product it holds a license for. Anything else —
 * an unknown id, a withdrawn file, another product — is the same 404, so nothing about it leaks.
 */
export async function findCustomerFile(db: Db, tenant: MemberScope, id: string): Promise<ProductFileRow> {
  const [row] = await db
    .select()
    .from(productFiles)
    .where(and(eq(productFiles.id, id), isNull(productFiles.withdrawnAt), holdsLicenseFor(db, tenant)));
  if (!row) throw notFound('Файл не найден');
  return row;
}
