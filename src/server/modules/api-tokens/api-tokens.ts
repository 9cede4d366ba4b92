import { and, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import { VENDOR_TOKEN_PREFIX } from '../../../shared/api/activations';
import { INTEGRATION_TOKEN_PREFIX } from '../../../shared/api/integration-tokens';
import type { Db } from '../../db/client';
import { randomToken, sha256Hex } from '../../http/crypto';
import { AppError, notFound } from '../../http/errors';
import { type AuditEventInput, recordAudit } from '../audit/record-audit';
import { type ApiTokenKind, apiTokens } from './schema';

/**
 * One issue / verify / revoke / list path for every API token (issue 9). The kinds differ in their subject,
 * their prefix (a leaked token is recognisable in logs and by secret scanners) and how long a node may trust
 * what it read; the modules that own the subject (identity, catalog, activations) check it and shape the answer.
 */
export const API_TOKEN_PREFIXES: Record<ApiTokenKind, string> = {
  integration: INTEGRATION_TOKEN_PREFIX,
  product: 'kbp_',
  vendor: VENDOR_TOKEN_PREFIX,
};

/**
 * How long a node trusts a live token it read. Revoking forgets it on the node that revoked; other nodes
 * refuse it at the latest this long after. Only the device check-in (the busiest route) caches; an
 * integration or product token is read on every request, so its revocation holds everywhere at once.
 */
export const API_TOKEN_CACHE_TTL_MS: Record<ApiTokenKind, number> = {
  integration: 0,
  product: 0,
  vendor: 30_000,
};

/** A prefix + base64url of 32 bytes is 47 characters; anything much longer is not ours and is not hashed. */
const MAX_TOKEN_LENGTH = 100;
/** Live tokens a node keeps in memory; the oldest entry goes first when full (entries expire anyway). */
const CACHE_MAX_ENTRIES = 10_000;
/** `last_used_at` is written at most this often per token (and per node), so authentication stays read-only. */
const TOUCH_INTERVAL_MS = 60_000;

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** What the kind's subject column holds: exactly one of them, by kind (the table's checks). */
export type ApiTokenSubject =
  | { kind: 'integration'; permissions: string[] }
  | { kind: 'product'; productCode: string }
  | { kind: 'vendor'; vendorId: string };

/** A live token as authentication sees it; never the secret. */
export type VerifiedApiToken = Pick<
  ApiTokenRow,
  'id' | 'kind' | 'name' | 'permissions' | 'productCode' | 'vendorId' | 'createdBy'
>;

/** The audit event of an issue or a revocation, built from the row (its action, entity type and details). */
type AuditOf = (row: ApiTokenRow) => Omit<AuditEventInput, 'entityId'>;

/** The kind's subject filter: a vendor's or a product's tokens; none for integrations. */
function ofSubject(kind: ApiTokenKind, filter: { productCode?: string; vendorId?: string }): SQL | undefined {
  return and(
    eq(apiTokens.kind, kind),
    filter.productCode === undefined ? undefined : eq(apiTokens.productCode, filter.productCode),
    filter.vendorId === undefined ? undefined : eq(apiTokens.vendorId, filter.vendorId),
  );
}

/** The kind's tokens, newest first; with `liveFirst` the live ones before the revoked ones. */
export async function listApiTokens(
  db: Db,
  kind: ApiTokenKind,
  filter: { productCode?: string; vendorId?: string; liveFirst?: boolean } = {},
): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(ofSubject(kind, filter))
    .orderBy(...(filter.liveFirst ? [desc(isNull(apiTokens.revokedAt))] : []), desc(apiTokens.createdAt));
}

/** A new token of the subject; the secret is returned once, only its SHA-256 is kept. Audited in the same transaction. */
export async function issueApiToken(
  db: Db,
  input: { subject: ApiTokenSubject; name: string; createdBy: string | null },
  audit: AuditOf,
): Promise<{ row: ApiTokenRow; token: string }> {
  const { subject } = input;
  const prefix = API_TOKEN_PREFIXES[subject.kind];
  const token = `${prefix}${randomToken()}`;
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        kind: subject.kind,
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, prefix.length + 6),
        permissions: subject.kind === 'integration' ? subject.permissions : null,
        productCode: subject.kind === 'product' ? subject.productCode : null,
        vendorId: subject.kind === 'vendor' ? subject.vendorId : null,
        createdBy: input.createdBy,
      })
      .returning();
    if (!inserted) throw new Error('api_tokens insert returned nothing');
    await recordAudit(tx, { ...audit(inserted), entityId: inserted.id });
    return inserted;
  });
  return { row, token };
}

/**
 * Revokes a live token of the kind (and of the vendor or product when given: another one's id answers 404);
 * an already revoked one answers 409. This node forgets it at once.
 */
export async function revokeApiToken(
  db: Db,
  input: { kind: ApiTokenKind; id: string; productCode?: string; vendorId?: string },
  audit: AuditOf,
): Promise<ApiTokenRow> {
  const ofToken = and(eq(apiTokens.id, input.id), ofSubject(input.kind, input));
  const row = await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(ofToken, isNull(apiTokens.revokedAt)))
      .returning();
    if (!revoked) {
      const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(ofToken);
      if (!exists) throw notFound('Токен не найден');
      throw new AppError('CONFLICT', 'Токен уже отозван');
    }
    await recordAudit(tx, { ...audit(revoked), entityId: revoked.id });
    return revoked;
  });
  cacheOf(db).delete(row.tokenHash);
  return row;
}

// ---- Authentication (the hot path) ----------------------------------------------------------------------

type CachedToken = VerifiedApiToken & { expiresAt: number; touchedAt: number };

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
    .update(apiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now - TOUCH_INTERVAL_MS))),
      ),
    );
}

function verified(entry: VerifiedApiToken): VerifiedApiToken {
  const { id, kind, name, permissions, productCode, vendorId, createdBy } = entry;
  return { id, kind, name, permissions, productCode, vendorId, createdBy };
}

/**
 * Resolves a bearer token of the kind, or null for a malformed, unknown or revoked one (or one of another
 * kind). Within the kind's cache TTL a known token costs no query at all.
 */
export async function verifyApiToken(
  db: Db,
  kind: ApiTokenKind,
  token: string,
  now = Date.now(),
): Promise<VerifiedApiToken | null> {
  if (!token.startsWith(API_TOKEN_PREFIXES[kind]) || token.length > MAX_TOKEN_LENGTH) return null;
  const hash = sha256Hex(token);
  const cache = cacheOf(db);
  const cached = cache.get(hash);
  if (cached && cached.kind === kind && cached.expiresAt > now) {
    if (now - cached.touchedAt >= TOUCH_INTERVAL_MS) {
      cached.touchedAt = now;
      await touch(db, cached.id, now);
    }
    return verified(cached);
  }
  const [row] = await db
    .select({
      id: apiTokens.id,
      kind: apiTokens.kind,
      name: apiTokens.name,
      permissions: apiTokens.permissions,
      productCode: apiTokens.productCode,
      vendorId: apiTokens.vendorId,
      createdBy: apiTokens.createdBy,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), eq(apiTokens.kind, kind), isNull(apiTokens.revokedAt)))
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
  const ttl = API_TOKEN_CACHE_TTL_MS[kind];
  if (ttl > 0) remember(cache, hash, { ...verified(row), expiresAt: now + ttl, touchedAt });
  return verified(row);
}
