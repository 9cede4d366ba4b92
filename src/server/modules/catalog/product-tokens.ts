import { and, eq } from 'drizzle-orm';
import type { ProductApiToken, ProductApiTokenCreated } from '../../../shared/api/catalog';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import {
  type ApiTokenRow,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
} from '../api-tokens/api-tokens';
import type { AuditActor } from '../audit/record-audit';
import { catalogCodes } from './schema';

/** A product's activation server's tokens read `kbp_…` (api-tokens); `last_used_at` is refreshed once a minute. */
function toToken(row: ApiTokenRow): ProductApiToken {
  if (!row.productCode) throw new Error(`api token ${row.id} is not a product's`);
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
  const rows = await listApiTokens(db, 'product', { productCode });
  return rows.map(toToken);
}

/** A token for a product's activation server; the secret is returned once, only its SHA-256 is kept. */
export async function createProductToken(
  db: Db,
  input: { productCode: string; name: string },
  actor: AuditActor,
): Promise<ProductApiTokenCreated> {
  const { row, token } = await db.transaction(async (tx) => {
    const [known] = await tx
      .select({ code: catalogCodes.code })
      .from(catalogCodes)
      .where(and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, input.productCode)));
    if (!known) throw notFound(`Кода продукта «${input.productCode}» нет в таблице 1`);
    return issueApiToken(
      tx,
      {
        subject: { kind: 'product', productCode: input.productCode },
        name: input.name,
        createdBy: actor.userId,
      },
      () => ({
        actor,
        action: 'catalog.api_token_created',
        entityType: 'product_api_token',
        details: { productCode: input.productCode, name: input.name },
      }),
    );
  });
  return { ...toToken(row), token };
}

export async function revokeProductToken(db: Db, id: string, actor: AuditActor): Promise<ProductApiToken> {
  const row = await revokeApiToken(db, { kind: 'product', id }, (revoked) => ({
    actor,
    action: 'catalog.api_token_revoked',
    entityType: 'product_api_token',
    details: { productCode: revoked.productCode, name: revoked.name },
  }));
  return toToken(row);
}

/** The product code a live bearer token speaks for, or null for an unknown or revoked token. */
export async function verifyProductToken(db: Db, token: string): Promise<string | null> {
  return (await verifyApiToken(db, 'product', token))?.productCode ?? null;
}
