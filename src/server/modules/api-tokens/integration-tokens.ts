import {
  INTEGRATION_TOKEN_PREFIX,
  type IntegrationToken,
  type IntegrationTokenCreated,
} from '../../../shared/api/integration-tokens';
import { type StaffPermission, staffCan } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { AuthUser } from '../../http/types';
import type { AuditActor } from '../audit/record-audit';
import { findUserContact, usersByIds } from '../identity/joins';
import { type ApiTokenRow, issueApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-tokens';

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

type Creator = { id: string; name: string; email: string };

function toToken(row: ApiTokenRow, creator: Creator): IntegrationToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions ?? [],
    createdBy: creator,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

async function creatorsOf(db: Db, rows: readonly ApiTokenRow[]): Promise<Map<string, Creator>> {
  const ids = [...new Set(rows.flatMap((row) => (row.createdBy ? [row.createdBy] : [])))];
  if (ids.length === 0) return new Map();
  const creators = await usersByIds(db, ids);
  return new Map(creators.map((creator) => [creator.id, creator]));
}

function withCreator(row: ApiTokenRow, creators: Map<string, Creator>): IntegrationToken {
  const creator = row.createdBy ? creators.get(row.createdBy) : undefined;
  if (!creator) throw new Error(`integration token ${row.id} without its creator`);
  return toToken(row, creator);
}

/** Every token, live ones first, newest first within each group. */
export async function listIntegrationTokens(db: Db): Promise<IntegrationToken[]> {
  const rows = await listApiTokens(db, 'integration', { liveFirst: true });
  const creators = await creatorsOf(db, rows);
  return rows.map((row) => withCreator(row, creators));
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
  const { row, token } = await issueApiToken(
    db,
    { subject: { kind: 'integration', permissions }, name: input.name, createdBy: creator.user.id },
    (inserted) => ({
      actor: creator.actor,
      action: 'integration_token.created',
      entityType: 'integration_token',
      details: { name: input.name, prefix: inserted.prefix, permissions },
    }),
  );
  const { id, name, email } = creator.user;
  return { ...toToken(row, { id, name, email }), token };
}

export async function revokeIntegrationToken(
  db: Db,
  id: string,
  actor: AuditActor,
): Promise<IntegrationToken> {
  const row = await revokeApiToken(db, { kind: 'integration', id }, (revoked) => ({
    actor,
    action: 'integration_token.revoked',
    entityType: 'integration_token',
    details: { name: revoked.name, prefix: revoked.prefix },
  }));
  return withCreator(row, await creatorsOf(db, [row]));
}

const INVALID_TOKEN = 'Токен интеграции недействителен или отозван';

/**
 * Resolves a bearer `kbt_…` to its principal. An unknown or revoked token, or one whose creator is
 * blocked or no longer staff, answers 401. The token is read on every request (api-tokens caches no
 * integration token), and so is its creator: a revocation or a blocked creator holds on every node at once.
 */
export async function authenticateIntegrationToken(db: Db, token: string): Promise<IntegrationPrincipal> {
  const verified = await verifyApiToken(db, 'integration', token);
  if (!verified?.createdBy) throw new AppError('UNAUTHENTICATED', INVALID_TOKEN);
  const contact = await findUserContact(db, verified.createdBy);
  const creator = contact && { id: verified.createdBy, ...contact };
  if (!creator) throw new AppError('UNAUTHENTICATED', INVALID_TOKEN);
  if (creator.status !== 'active' || !creator.staffRole)
    throw new AppError(
      'UNAUTHENTICATED',
      'Токен интеграции не действует: его создатель заблокирован или больше не сотрудник оператора',
    );
  return {
    tokenId: verified.id,
    tokenName: verified.name,
    permissions: verified.permissions ?? [],
    user: {
      id: creator.id,
      email: creator.email,
      name: creator.name,
      staffRole: creator.staffRole,
      status: creator.status,
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
