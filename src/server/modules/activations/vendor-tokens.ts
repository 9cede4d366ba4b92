import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import {
  VENDOR_TOKEN_PREFIX,
  type VendorApiToken,
  type VendorApiTokenCreated,
} from '../../../shared/api/activations';
import type { Db } from '../../db/client';
import { randomToken, sha256Hex } from '../../http/crypto';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getVendor } from '../vendors/vendor-view';
import { vendorApiTokens } from './schema';

/** `kbv_` + base64url of 32 bytes is 47 characters; anything much longer is not ours and is not hashed. */
const MAX_TOKEN_LENGTH = 100;
/**
 * How long a node trusts what it read about a token. Revoking clears the entry on the node that revoked;
 * other nodes answer 401 at the latest this long after the revocation.
 */
export const VENDOR_TOKEN_CACHE_TTL_MS = 30_000;
/** Live tokens a node keeps in memory; the oldest entry goes first when full (entries expire anyway). */
const CACHE_MAX_ENTRIES = 10_000;
/** `last_used_at` is written at most this often per token (and per node), so check-ins stay read-only. */
const TOUCH_INTERVAL_MS = 60_000;

type Row = typeof vendorApiTokens.$inferSelect;

function toToken(row: Row): VendorApiToken {
  return {
    id: row.id,
    vendorId: row.vendorId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The vendor's tokens, live ones first, newest first within each group; never the secret. */
export async function listVendorTokens(db: Db, vendorId: string): Promise<VendorApiToken[]> {
  await getVendor(db, vendorId);
  const rows = await db
    .select()
    .from(vendorApiTokens)
    .where(eq(vendorApiTokens.vendorId, vendorId))
    .orderBy(desc(isNull(vendorApiTokens.revokedAt)), desc(vendorApiTokens.createdAt));
  return rows.map(toToken);
}

/** A token for the vendor's devices or servers; the secret `kbv_…` is returned once, only its SHA-256 kept. */
export async function createVendorToken(
  db: Db,
  input: { vendorId: string; name: string },
  actor: AuditActor,
): Promise<VendorApiTokenCreated> {
  const vendor = await getVendor(db, input.vendorId);
  const token = `${VENDOR_TOKEN_PREFIX}${randomToken()}`;
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(vendorApiTokens)
      .values({
        vendorId: vendor.id,
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, VENDOR_TOKEN_PREFIX.length + 6),
        createdBy: actor.userId,
      })
      .returning();
    if (!inserted) throw new Error('vendor_api_tokens insert returned nothing');
    await recordAudit(tx, {
      actor,
      action: 'vendor_token.created',
      entityType: 'vendor_api_token',
      entityId: inserted.id,
      details: { vendorId: vendor.id, vendorName: vendor.name, name: input.name, prefix: inserted.prefix },
    });
    return inserted;
  });
  return { ...toToken(row), token };
}

/** Revokes a token of the vendor; another vendor's token id answers 404. This node forgets it at once. */
export async function revokeVendorToken(
  db: Db,
  input: { vendorId: string; tokenId: string },
  actor: AuditActor,
): Promise<VendorApiToken> {
  const ofVendor = and(eq(vendorApiTokens.id, input.tokenId), eq(vendorApiTokens.vendorId, input.vendorId));
  const row = await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(vendorApiTokens)
      .set({ revokedAt: new Date() })
      .where(and(ofVendor, isNull(vendorApiTokens.revokedAt)))
      .returning();
    if (!revoked) {
      const [exists] = await tx.select({ id: vendorApiTokens.id }).from(vendorApiTokens).where(ofVendor);
      if (!exists) throw notFound('Токен не найден');
      throw new AppError('CONFLICT', 'Токен уже отозван');
    }
    await recordAudit(tx, {
      actor,
      action: 'vendor_token.revoked',
      entityType: 'vendor_api_token',
      entityId: revoked.id,
      details: { vendorId: revoked.vendorId, name: revoked.name, prefix: revoked.prefix },
    });
    return revoked;
  });
  cacheOf(db).delete(row.tokenHash);
  return toToken(row);
}

// ---- Authentication on the device API (the hot path) ----------------------------------------------------

/** Who a `Bearer kbv_…` request speaks for. */
export type VendorPrincipal = { tokenId: string; vendorId: string };

type CachedToken = VendorPrincipal & { expiresAt: number; touchedAt: number };

/**
 * Per database (a process may serve several in tests and benchmarks), keyed by the token's SHA-256: the
 * secret itself is never kept. Only live tokens are cached, so a flood of wrong tokens cannot push the good
 * ones out.
 */
const caches = new WeakMap<Db, Map<string, CachedToken>>();

function cacheOf(db: Db): Map<string, CachedToken> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

function remember(cache: Map<string, CachedToken>, hash: string, entry: CachedToken): void {
  cache.delete(hash);
  if (cache.size >= CACHE_MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(hash, entry);
}

/** The other nodes may have touched it meanwhile; the condition keeps it to one write a minute overall. */
async function touch(db: Db, tokenId: string, now: number): Promise<void> {
  await db
    .update(vendorApiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(
      and(
        eq(vendorApiTokens.id, tokenId),
        or(
          isNull(vendorApiTokens.lastUsedAt),
          lt(vendorApiTokens.lastUsedAt, new Date(now - TOUCH_INTERVAL_MS)),
        ),
      ),
    );
}

/**
 * Resolves a bearer token to its vendor, or null for a malformed, unknown or revoked one. Within the cache
 * TTL a known token costs no query at all, so a check-in is one query (the device).
 */
export async function authenticateVendorToken(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<VendorPrincipal | null> {
  if (!token.startsWith(VENDOR_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
  const hash = sha256Hex(token);
  const cache = cacheOf(db);
  const cached = cache.get(hash);
  if (cached && cached.expiresAt > now) {
    if (now - cached.touchedAt >= TOUCH_INTERVAL_MS) {
      cached.touchedAt = now;
      await touch(db, cached.tokenId, now);
    }
    return { tokenId: cached.tokenId, vendorId: cached.vendorId };
  }
  const [row] = await db
    .select({
      id: vendorApiTokens.id,
      vendorId: vendorApiTokens.vendorId,
      lastUsedAt: vendorApiTokens.lastUsedAt,
    })
    .from(vendorApiTokens)
    .where(and(eq(vendorApiTokens.tokenHash, hash), isNull(vendorApiTokens.revokedAt)))
    .limit(1);
  if (!row) {
    cache.delete(hash);
    return null;
  }
  let touchedAt = cached?.touchedAt ?? row.lastUsedAt?.getTime() ?? 0;
  if (now - touchedAt >= TOUCH_INTERVAL_MS) {
    touchedAt = now;
    await touch(db, row.id, now);
  }
  remember(cache, hash, {
    tokenId: row.id,
    vendorId: row.vendorId,
    expiresAt: now + VENDOR_TOKEN_CACHE_TTL_MS,
    touchedAt,
  });
  return { tokenId: row.id, vendorId: row.vendorId };
}
