import { and, asc, eq } from 'drizzle-orm';
import type { Product, ProductSaveBody } from '../../../shared/api/catalog';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { catalogCodes, products } from './schema';

type Joined = {
  code: string;
  codeName: string;
  retired: boolean;
  card: typeof products.$inferSelect | null;
};

function toProduct(row: Joined): Product {
  return {
    code: row.code,
    name: row.card?.name ?? row.codeName,
    codeName: row.codeName,
    description: row.card?.description ?? '',
    websiteUrl: row.card?.websiteUrl ?? null,
    wikiUrl: row.card?.wikiUrl ?? null,
    supportEmail: row.card?.supportEmail ?? null,
    supportPhone: row.card?.supportPhone ?? null,
    retired: row.retired,
  };
}

async function productRows(db: Db, code?: string): Promise<Joined[]> {
  const rows = await db
    .select({
      code: catalogCodes.code,
      codeName: catalogCodes.name,
      retired: catalogCodes.retired,
      card: products,
    })
    .from(catalogCodes)
    .leftJoin(products, eq(products.code, catalogCodes.code))
    .where(and(eq(catalogCodes.tableKey, 'product'), code ? eq(catalogCodes.code, code) : undefined))
    .orderBy(asc(catalogCodes.position));
  return rows;
}

/**
 * Products of table 1. The back office sees every code; customers («Продукты», seed 000 рис. 2) see the
 * products the operator described with a card.
 */
export async function listProducts(db: Db, options: { withCardOnly: boolean }): Promise<Product[]> {
  const rows = await productRows(db);
  return rows.filter((r) => !options.withCardOnly || r.card !== null).map(toProduct);
}

export async function getProduct(db: Db, code: string): Promise<Product | null> {
  const [row] = await productRows(db, code);
  return row ? toProduct(row) : null;
}

/** Creates or replaces the card of a product code from table 1 («Подробнее» and wiki links). */
export async function saveProduct(
  db: Db,
  code: string,
  input: ProductSaveBody,
  actor: AuditActor,
): Promise<Product> {
  const values = {
    name: input.name,
    description: input.description ?? '',
    websiteUrl: input.websiteUrl ?? null,
    wikiUrl: input.wikiUrl ?? null,
    supportEmail: input.supportEmail ?? null,
    supportPhone: input.supportPhone ?? null,
  };
  await db.transaction(async (tx) => {
    const [known] = await tx
      .select({ code: catalogCodes.code })
      .from(catalogCodes)
      .where(and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, code)));
    if (!known) throw notFound(`Кода продукта «${code}» нет в таблице 1`);
    await tx
      .insert(products)
      .values({ code, ...values })
      .onConflictDoUpdate({ target: products.code, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: 'catalog.product_saved',
      entityType: 'product',
      entityId: code,
      details: { name: values.name },
    });
  });
  const saved = await getProduct(db, code);
  if (!saved) throw notFound();
  return saved;
}

/** The card the operator filled in for a product code, or null (the public decoder links to it). */
export async function findProductCard(
  db: Db,
  code: string,
): Promise<{ name: string; websiteUrl: string | null; wikiUrl: string | null } | null> {
  const [row] = await db
    .select({ name: products.name, websiteUrl: products.websiteUrl, wikiUrl: products.wikiUrl })
    .from(products)
    .where(eq(products.code, code))
    .limit(1);
  return row ?? null;
}
