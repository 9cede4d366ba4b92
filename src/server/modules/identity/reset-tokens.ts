import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken, sha256Hex } from '../../http/crypto';
import { passwordResetTokens, users } from './schema';

export const RESET_TTL_MINUTES = 60;
export const INVITE_TTL_DAYS = 7;
/** At most this many reset emails per user per hour; more requests are accepted silently and dropped. */
export const MAX_RESETS_PER_HOUR = 3;

export type TokenPurpose = 'reset' | 'invite';

/** Creates a single-use link token; only its SHA-256 is stored. Returns the raw token for the link. */
export async function createResetToken(
  db: Db,
  input: { userId: string; purpose: TokenPurpose; ip: string | null },
): Promise<string> {
  const token = randomToken();
  const ttlMs = input.purpose === 'invite' ? INVITE_TTL_DAYS * 86_400_000 : RESET_TTL_MINUTES * 60_000;
  await db.insert(passwordResetTokens).values({
    tokenHash: sha256Hex(token),
    userId: input.userId,
    purpose: input.purpose,
    expiresAt: new Date(Date.now() + ttlMs),
    requestedIp: input.ip,
  });
  return token;
}

export async function recentResetCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.userId, userId),
        gt(passwordResetTokens.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  return row?.n ?? 0;
}

/** A token that is unknown, used or expired resolves to null. */
export async function findLiveToken(db: Db, token: string) {
  const [row] = await db
    .select({
      userId: passwordResetTokens.userId,
      purpose: passwordResetTokens.purpose,
      email: users.email,
      name: users.name,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, sha256Hex(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Marks the token used in one conditional UPDATE, so two parallel requests with the same link cannot both
 * succeed. Returns the user id, or null when the link is no longer valid.
 */
export async function consumeToken(
  db: Db,
  token: string,
): Promise<{ userId: string; purpose: TokenPurpose } | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, sha256Hex(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passwordResetTokens.userId, purpose: passwordResetTokens.purpose });
  return row ? { userId: row.userId, purpose: row.purpose === 'invite' ? 'invite' : 'reset' } : null;
}

/** Every other outstanding link of the user dies with a successful reset. */
export async function expireUserTokens(db: Db, userId: string): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
