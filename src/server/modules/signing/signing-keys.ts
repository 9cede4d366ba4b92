import { createPrivateKey, type KeyObject } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { PublishedLicenseKey } from '../../../shared/api/activations';
import { generateSigningKey, type PublicJwk, toPublicJwk } from '../../../shared/license-file';
import type { Db } from '../../db/client';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-error';
import { seal, unseal } from '../../http/crypto';
import { AppError } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { licenseSigningKeys } from './schema';

const SEAL_PURPOSE = 'license-key';

export type ActiveSigningKey = { kid: string; privateKey: KeyObject };

/** Unsealed keys by kid: a private key never changes for a kid (kid is derived from the key). */
const unsealedByKid = new Map<string, KeyObject>();

/**
 * The key that signs new license files. The first call on an empty table creates one; two nodes racing to do
 * so meet at the partial unique index «one active key» and the loser reads the winner's.
 */
export async function activeSigningKey(db: Db, appSecret: string): Promise<ActiveSigningKey> {
  const [row] = await db
    .select()
    .from(licenseSigningKeys)
    .where(eq(licenseSigningKeys.status, 'active'))
    .limit(1);
  if (row) return { kid: row.kid, privateKey: unsealKey(appSecret, row.kid, row.privateKeySealed) };
  const fresh = generateSigningKey();
  await db
    .insert(licenseSigningKeys)
    .values({
      kid: fresh.kid,
      publicKeyPem: fresh.publicKeyPem,
      privateKeySealed: seal(appSecret, SEAL_PURPOSE, fresh.privateKeyPem),
    })
    .onConflictDoNothing();
  return activeSigningKey(db, appSecret);
}

function unsealKey(appSecret: string, kid: string, sealed: string): KeyObject {
  const cached = unsealedByKid.get(kid);
  if (cached) return cached;
  const pem = unseal(appSecret, SEAL_PURPOSE, sealed);
  if (!pem) throw new Error(`license signing key ${kid} cannot be unsealed: APP_SECRET changed?`);
  const key = createPrivateKey(pem);
  unsealedByKid.set(kid, key);
  return key;
}

/** JWKs by kid: derived from the public key, which never changes for a kid. */
const jwkByKid = new Map<string, PublicJwk>();

function jwkOf(kid: string, publicKeyPem: string): PublicJwk {
  let jwk = jwkByKid.get(kid);
  if (!jwk) {
    jwk = toPublicJwk(publicKeyPem);
    jwkByKid.set(kid, jwk);
  }
  return jwk;
}

/** Every key, active first then retired by age: what `GET /api/v1/license-keys` publishes. */
export async function publishedLicenseKeys(db: Db): Promise<PublishedLicenseKey[]> {
  const rows = await db
    .select()
    .from(licenseSigningKeys)
    .orderBy(sql`${licenseSigningKeys.status} = 'active' desc`, asc(licenseSigningKeys.createdAt));
  return rows.map((row) => ({
    kid: row.kid,
    alg: 'EdDSA' as const,
    crv: 'Ed25519' as const,
    status: row.status as 'active' | 'retired',
    publicKeyPem: row.publicKeyPem,
    jwk: jwkOf(row.kid, row.publicKeyPem),
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
  }));
}

/**
 * The published set, never without an active key: on a fresh install the first read creates one, so a
 * verifier that fetches the keys before the first license is signed still gets the key that will sign it.
 */
export async function currentLicenseKeys(db: Db, appSecret: string): Promise<PublishedLicenseKey[]> {
  const keys = await publishedLicenseKeys(db);
  if (keys.some((key) => key.status === 'active')) return keys;
  await activeSigningKey(db, appSecret);
  return publishedLicenseKeys(db);
}

/**
 * Rotation: the active key is retired (it stays published, so files it signed keep verifying) and a new key
 * becomes active, in one transaction.
 */
export async function rotateSigningKey(db: Db, appSecret: string, actor: AuditActor): Promise<string> {
  const fresh = generateSigningKey();
  await db
    .transaction(async (tx) => {
      const retired = await tx
        .update(licenseSigningKeys)
        .set({ status: 'retired', retiredAt: new Date() })
        .where(eq(licenseSigningKeys.status, 'active'))
        .returning({ kid: licenseSigningKeys.kid });
      await tx.insert(licenseSigningKeys).values({
        kid: fresh.kid,
        publicKeyPem: fresh.publicKeyPem,
        privateKeySealed: seal(appSecret, SEAL_PURPOSE, fresh.privateKeyPem),
        createdBy: actor.userId,
      });
      await recordAudit(tx, {
        actor,
        action: 'license_keys.rotated',
        organizationId: null,
        entityType: 'license_signing_key',
        entityId: fresh.kid,
        details: { kid: fresh.kid, retired: retired.map((r) => r.kid) },
      });
    })
    .catch((error: unknown) => {
      // Two rotations at once: the second one's new key meets the «one active key» index.
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION)
        throw new AppError(
          'CONFLICT',
          'Ключ подписи только что заменён другим запросом. Обновите список ключей.',
        );
      throw error;
    });
  return fresh.kid;
}
