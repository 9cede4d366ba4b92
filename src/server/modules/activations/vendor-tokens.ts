import type { VendorApiToken, VendorApiTokenCreated } from '../../../shared/api/activations';
import type { Db } from '../../db/client';
import {
  type ApiTokenRow,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
} from '../api-tokens/api-tokens';
import type { AuditActor } from '../audit/record-audit';
import { getVendor } from '../vendors/vendor-view';

function toToken(row: ApiTokenRow): VendorApiToken {
  if (!row.vendorId) throw new Error(`api token ${row.id} is not a vendor's`);
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
  const rows = await listApiTokens(db, 'vendor', { vendorId, liveFirst: true });
  return rows.map(toToken);
}

/** A token for the vendor's devices or servers; the secret `kbv_…` is returned once, only its SHA-256 kept. */
export async function createVendorToken(
  db: Db,
  input: { vendorId: string; name: string },
  actor: AuditActor,
): Promise<VendorApiTokenCreated> {
  const vendor = await getVendor(db, input.vendorId);
  const { row, token } = await issueApiToken(
    db,
    { subject: { kind: 'vendor', vendorId: vendor.id }, name: input.name, createdBy: actor.userId },
    (inserted) => ({
      actor,
      action: 'vendor_token.created',
      entityType: 'vendor_api_token',
      details: { vendorId: vendor.id, vendorName: vendor.name, name: input.name, prefix: inserted.prefix },
    }),
  );
  return { ...toToken(row), token };
}

/** Revokes a token of the vendor; another vendor's token id answers 404. This node forgets it at once. */
export async function revokeVendorToken(
  db: Db,
  input: { vendorId: string; tokenId: string },
  actor: AuditActor,
): Promise<VendorApiToken> {
  const row = await revokeApiToken(
    db,
    { kind: 'vendor', id: input.tokenId, vendorId: input.vendorId },
    (revoked) => ({
      actor,
      action: 'vendor_token.revoked',
      entityType: 'vendor_api_token',
      details: { vendorId: revoked.vendorId, name: revoked.name, prefix: revoked.prefix },
    }),
  );
  return toToken(row);
}

/** Who a `Bearer kbv_…` request speaks for. */
export type VendorPrincipal = { tokenId: string; vendorId: string };

/**
 * Resolves a bearer token to its vendor, or null for a malformed, unknown or revoked one. Within the cache
 * TTL (`API_TOKEN_CACHE_TTL_MS.vendor`, 30 s: another node's revocation holds here at the latest this long
 * after) a known token costs no query at all, so a check-in is one query (the device).
 */
export async function authenticateVendorToken(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<VendorPrincipal | null> {
  const verified = await verifyApiToken(db, 'vendor', token, now);
  return verified?.vendorId ? { tokenId: verified.id, vendorId: verified.vendorId } : null;
}
