import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  DownloadsResponse,
  InformationResponse,
  ProductFile,
  ProductFileKind,
} from '../../../shared/api/files';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { NEWEST_FIRST, type ProductFileRow, toProductFile } from './product-files-view';
import { catalogCodes, productFiles, products } from './schema';

/**
 * What a customer sees of the catalog's files (seed 000, «Скачать» and «Информация»), for the product codes the
 * licenses module says the organization holds licenses for (licenses/licensed-products.ts): the catalog owns
 * the files and cards, the licenses decide whose they are.
 */

/** The products' cards in table 1's order; a product without a card shows its table-1 name. */
async function productCards(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const rows = await db
    .select({
      code: catalogCodes.code,
      name: sql<string>`coalesce(${products.name}, ${catalogCodes.name}, ${catalogCodes.code})`,
      description: sql<string>`coalesce(${products.description}, '')`,
      wikiUrl: products.wikiUrl,
      websiteUrl: products.websiteUrl,
    })
    .from(catalogCodes)
    .leftJoin(products, eq(products.code, catalogCodes.code))
    .where(and(eq(catalogCodes.tableKey, 'product'), inArray(catalogCodes.code, [...codes])))
    .orderBy(asc(catalogCodes.position), asc(catalogCodes.code));
  return rows;
}

/** Published (not withdrawn) files of one kind of these products, newest first, grouped by product. */
async function publishedFiles(
  db: Db,
  codes: readonly string[],
  kind: ProductFileKind,
): Promise<Map<string, ProductFile[]>> {
  const byProduct = new Map<string, ProductFile[]>();
  if (codes.length === 0) return byProduct;
  const rows = await db
    .select()
    .from(productFiles)
    .where(
      and(
        inArray(productFiles.productCode, [...codes]),
        eq(productFiles.kind, kind),
        isNull(productFiles.withdrawnAt),
      ),
    )
    .orderBy(...NEWEST_FIRST);
  for (const row of rows)
    byProduct.set(row.productCode, [...(byProduct.get(row.productCode) ?? []), toProductFile(row)]);
  return byProduct;
}

/** «Скачать» (seed 000): the distributions of the given products. */
export async function listDownloads(db: Db, productCodes: readonly string[]): Promise<DownloadsResponse> {
  const [owned, files] = await Promise.all([
    productCards(db, productCodes),
    publishedFiles(db, productCodes, 'distribution'),
  ]);
  return { items: owned.map((p) => ({ code: p.code, name: p.name, files: files.get(p.code) ?? [] })) };
}

/** «Информация» (seed 000, рис. 3): per product its wiki, site and documentation files. */
export async function listInformation(db: Db, productCodes: readonly string[]): Promise<InformationResponse> {
  const [owned, documents] = await Promise.all([
    productCards(db, productCodes),
    publishedFiles(db, productCodes, 'document'),
  ]);
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
 * A published file of one of the given products. Anything else — an unknown id, a withdrawn file, another
 * product — is the same 404, so nothing about it leaks.
 */
export async function findPublishedFile(
  db: Db,
  productCodes: readonly string[],
  id: string,
): Promise<ProductFileRow> {
  const [row] =
    productCodes.length === 0
      ? []
      : await db
          .select()
          .from(productFiles)
          .where(
            and(
              eq(productFiles.id, id),
              isNull(productFiles.withdrawnAt),
              inArray(productFiles.productCode, [...productCodes]),
            ),
          );
  if (!row) throw notFound('Файл не найден');
  return row;
}
