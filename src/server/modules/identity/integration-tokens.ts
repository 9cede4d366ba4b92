import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import {
  INTEGRATION_TOKEN_PREFIX,
  type IntegrationToken,
  type IntegrationTokenCreated,
} from '../../../shared/api/integration-tokens';
import { type StaffPermission, type StaffRole, staffCan } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { randomToken, sha256Hex } from '../../http/crypto';
import { AppError, notFound } from '../../http/errors';
import type { AuthUser } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { integrationTokens, users } from './schema';

/** `last_used_at` is written at most this often, so a busy integration does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** `kbt_` + base64url of 32 bytes is 47 characters; anything much longer is not ours. */
const MAX_TOKEN_LENGTH = 100;

/**
 * Who an `Authorization: Bearer kbt_…` request acts as: the token's creator, limited to the token's
 * permissions (and to what the creator's staff role still allows).
 */
export type IntegrationPrincipal = {
  tokenId: string;
  tokenName: string;
  permissions: readonly string[];
  user: AuthUser;
};

type Row = typeof integrationTokens.$inferSelect;
type Creator = { id: string; name: string; email: string };

function toToken(row: Row, creator: Creator): IntegrationToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions,
    createdBy: creator,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const creatorColumns = { id: users.id, name: users.name, email: users.email };

/** Every token, live ones first, newest first within each group. */
export async function listIntegrationTokens(db: Db): Promise<IntegrationToken[]> {
  const rows = await db
    .select({ token: integrationTokens, creator: creatorColumns })
    .from(integrationTokens)
    .innerJoin(users, eq(users.id, integrationTokens.createdBy))
    .orderBy(desc(isNull(integrationTokens.revokedAt)), desc(integrationTokens.createdAt));
  return rows.map((r) => toToken(r.token, r.creator));
}

/**
 * A token for an integration (an ERP, a shop). The secret `kbt_…` is returned once; only its SHA-256 is
 * kept. `permissions` are validated by the route's schema; the creator must hold every one of them.
 */
export async function createIntegrationToken(
  db: Db,
  input: { name: string; permissions: readonly StaffPermission[] },
  creator: { user: AuthUser; actor: AuditActor },
): Promise<IntegrationTokenCreated> {
  const permissions = [...new Set(input.permissions)];
  const missing = permissions.filter((p) => !staffCan(creator.user.staffRole, p));
  if (missing.length > 0)
    throw new AppError('FORBIDDEN', `Токену нельзя дать права, которых нет у вас: ${missing.join(', ')}`);
  const token = `${INTEGRATION_TOKEN_PREFIX}${randomToken()}`;
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(integrationTokens)
      .values({
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, INTEGRATION_TOKEN_PREFIX.length + 6),
        permissions,
        createdBy: creator.user.id,
      })
      .returning();
    if (!inserted) throw new Error('integration_tokens insert returned nothing');
    await recordAudit(tx, {
      actor: creator.actor,
      action: 'integration_token.created',
      entityType: 'integration_token',
      entityId: inserted.id,
      details: { name: input.name, prefix: inserted.prefix, permissions },
    });
    return inserted;
  });
  const { id, name, email } = creator.user;
  return { ...toToken(row, { id, name, email }), token };
}

export async function revokeIntegrationToken(
  db: Db,
  id: string,
  actor: AuditActor,
): Promise<IntegrationToken> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(integrationTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(integrationTokens.id, id), isNull(integrationTokens.revokedAt)))
      .returning();
    if (!row) {
      const [exists] = await tx
        .select({ id: integrationTokens.id })
        .from(integrationTokens)
        .where(eq(integrationTokens.id, id));
      if (!exists) throw notFound('Токен не найден');
      throw new AppError('CONFLICT', 'Токен уже отозван');
    }
    await recordAudit(tx, {
      actor,
      action: 'integration_token.revoked',
      entityType: 'integration_token',
      entityId: id,
      details: { name: row.name, prefix: row.prefix },
    });
    const [creator] = await tx.select(creatorColumns).from(users).where(eq(users.id, row.createdBy));
    if (!creator) throw new Error('integration token without its creator');
    return toToken(row, creator);
  });
}

const INVALID_TOKEN = 'Токен интеграции недействителен или отозван';

/**
 * Resolves a bearer `kbt_…` to its principal. An unknown or revoked token, or one whose creator is
 * blocked or no longer staff, answers 401.
 */
export async function authenticateIntegrationToken(db: Db, token: string): Promise<IntegrationPrincipal> {
  if (!token.startsWith(INTEGRATION_TOKEN_PREFIX) || token.length > MAX_TOKEN_LENGTH)
    throw new AppError('UNAUTHENTICATED', INVALID_TOKEN);
  const hash = sha256Hex(token);
  const [row] = await db
    .select({
      id: integrationTokens.id,
      name: integrationTokens.name,
      permissions: integrationTokens.permissions,
      lastUsedAt: integrationTokens.lastUsedAt,
      revokedAt: integrationTokens.revokedAt,
      userId: users.id,
      email: users.email,
      userName: users.name,
      staffRole: users.staffRole,
      status: users.status,
    })
    .from(integrationTokens)
    .innerJoin(users, eq(users.id, integrationTokens.createdBy))
    .where(eq(integrationTokens.tokenHash, hash))
    .limit(1);
  if (!row || row.revokedAt) throw new AppError('UNAUTHENTICATED', INVALID_TOKEN);
  if (row.status !== 'active' || !row.staffRole)
    throw new AppError(
      'UNAUTHENTICATED',
      'Токен интеграции не действует: его создатель заблокирован или больше не сотрудник оператора',
    );
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    const threshold = new Date(now - TOUCH_INTERVAL_MS);
    await db
      .update(integrationTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(
        and(
          eq(integrationTokens.id, row.id),
          or(isNull(integrationTokens.lastUsedAt), lt(integrationTokens.lastUsedAt, threshold)),
        ),
      );
  }
  return {
    tokenId: row.id,
    tokenName: row.name,
    permissions: row.permissions,
    user: {
      id: row.userId,
      email: row.email,
      name: row.userName,
      staffRole: row.staffRole as StaffRole,
      status: row.status,
    },
  };
}

/** A permission the token was given and its creator's role still has. */
export function integrationCan(principal: IntegrationPrincipal, permission: StaffPermission): boolean {
  return principal.permissions.includes(permission) && staffCan(principal.user.staffRole, permission);
}

/** The `kbt_…` of `Authorization: Bearer kbt_…`, or null when the header carries no integration token. */
export function integrationBearerOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const token = match?.[1];
  return token?.startsWith(INTEGRATION_TOKEN_PREFIX) ? token : null;
}
