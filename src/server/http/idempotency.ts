import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../modules/system/schema';
import { sha256Hex } from './crypto';
import { AppError } from './errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export type IdempotencyClaim = { scope: string; key: string; fingerprint: string };
export type StoredResponse = { statusCode: number; body: unknown };

/**
 * Reads the `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header): 1–255 visible ASCII
 * characters, or absent.
 */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const value = req.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(value))
    throw new AppError('VALIDATION_ERROR', 'Заголовок Idempotency-Key: от 1 до 255 латинских символов', [
      { path: 'Idempotency-Key', message: 'Неверный ключ идемпотентности' },
    ]);
  return value;
}

/** JSON with sorted keys, so the same body always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function idempotencyClaim(scope: string, key: string, body: unknown): IdempotencyClaim {
  return { scope, key, fingerprint: sha256Hex(canonicalJson(body)) };
}

/**
 * Claims the key inside the caller's transaction. Returns null when the work should run (then call
 * {@link saveIdempotentResponse} in the same transaction), or the stored response of the earlier request.
 *
 * Why this is race-free: the INSERT of a key another transaction holds uncommitted waits for that
 * transaction. If it commits, ON CONFLICT DO NOTHING skips and the next statement (READ COMMITTED) sees its
 * stored response; if it rolls back, this INSERT wins and the work runs once.
 */
export async function claimIdempotencyKey(tx: Db, claim: IdempotencyClaim): Promise<StoredResponse | null> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values(claim)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return null;
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)))
    .limit(1);
  if (!row || row.fingerprint !== claim.fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  if (row.statusCode === null)
    throw new AppError('CONFLICT', 'Запрос с этим ключом идемпотентности ещё выполняется');
  return { statusCode: row.statusCode, body: row.response };
}

export async function saveIdempotentResponse(
  tx: Db,
  claim: IdempotencyClaim,
  response: StoredResponse,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: response.statusCode, response: response.body })
    .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)));
}
