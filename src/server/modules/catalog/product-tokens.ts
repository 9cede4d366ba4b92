import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ProductApiToken, ProductApiTokenCreated } from '../../../shared/api/catalog';
import type { Db } from '../../db/client';
import { randomToken, sha256Hex } from '../../http/crypto';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { catalogCodes, productApiTokens } from './schema';

/** Tokens read `kbp_…` so a leaked one is recognisable in logs and by secret scanners. */
const TOKEN_PREFIX = 'kbp_';
/** `last_used_at` is refreshed at most this often, to keep reports cheap. */
const TOUCH_INTERVAL = sql`interval '1 minute'`;

type Row = typeof productApiTokens.$inferSelect;

function toToken(row: Row): ProductApiToken {
  return {
    id: row.id,
    productCode: row.productCode,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listProductTokens(db: Db, productCode: string): Promise<ProductApiToken[]> {
  const rows = await db
    .select()
    .from(productApiTokens)
    .where(eq(productApiTokens.productCode, productCode))
    .orderBy(desc(productApiTokens.createdAt));
  return rows.map(toToken);
}

/** A token for a product's activation server; the secret is returned once, only its SHA-256 is kept. */
export async function createProductToken(
  db: Db,
  input: { productCode: string; name: string },
  actor: AuditActor,
): Promise<ProductApiTokenCreated> {
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const row = await db.transaction(async (tx) => {
    const [known] = await tx
      .select({ code: catalogCodes.code })
      .from(catalogCodes)
      .where(and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, input.productCode)));
    if (!known) throw notFound(`Кода продукта «${input.productCode}» нет в таблице 1`);
    const [inserted] = await tx
      .insert(productApiTokens)
      .values({
        productCode: input.productCode,
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdBy: actor.userId,
      })
      .returning();
    if (!inserted) throw new Error('product_api_tokens insert returned nothing');
    await recordAudit(tx, {
      actor,
      action: 'catalog.api_token_created',
      entityType: 'product_api_token',
      entityId: inserted.id,
      details: { productCode: input.productCode, name: input.name },
    });
    return inserted;
  });
  return { ...toToken(row), token };
}

export async function revokeProductToken(db: Db, id: string, actor: AuditActor): Promise<ProductApiToken> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(productApiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(productApiTokens.id, id), isNull(productApiTokens.revokedAt)))
      .returning();
    if (!row) {
      const [exists] = await tx.select().from(productApiTokens).where(eq(productApiTokens.id, id));
      if (!exists) throw notFound('Токен не найден');
      throw new AppError('CONFLICT', 'Токен уже отозван');
    }
    await recordAudit(tx, {
      actor,
      action: 'catalog.api_token_revoked',
      entityType: 'product_api_token',
      entityId: id,
      details: { productCode: row.productCode, name: row.name },
    });
    return toToken(row);
  });
}

/** The product code a live bearer token speaks for, or null for an unknown or revoked token. */
export async function verifyProductToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const hash = sha256Hex(token);
  const [row] = await db
    .select({ productCode: productApiTokens.productCode })
    .from(productApiTokens)
    .where(and(eq(productApiTokens.tokenHash, hash), isNull(productApiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  await db
    .update(productApiTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(productApiTokens.tokenHash, hash),
        or(
          isNull(productApiTokens.lastUsedAt),
          lt(productApiTokens.lastUsedAt, sql`now() - ${TOUCH_INTERVAL}`),
        ),
      ),
    );
  return row.productCode;
}
