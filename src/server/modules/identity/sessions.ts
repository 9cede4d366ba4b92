import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { hmacBase64Url, randomToken, sha256Hex } from '../../http/crypto';
import type { Auth } from '../../http/types';
import { sessions, users } from './schema';

export const SESSION_COOKIE = 'kabinet_session';
/** Sliding lifetime: a session unused this long expires. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** Between a correct password and the TOTP code. */
export const TWO_FACTOR_TTL_MS = 10 * 60 * 1000;
/** last_seen_at and expiry are refreshed at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type NewSession = {
  userId: string;
  state: 'active' | 'two_factor';
  activeOrganizationId: string | null;
  ip: string | null;
  userAgent: string | null;
};

export async function createSession(
  db: Db,
  input: NewSession,
): Promise<{ token: string; sessionId: string }> {
  const token = randomToken();
  const ttl = input.state === 'active' ? SESSION_TTL_MS : TWO_FACTOR_TTL_MS;
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256Hex(token),
      userId: input.userId,
      state: input.state,
      activeOrganizationId: input.activeOrganizationId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(Date.now() + ttl),
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return { token, sessionId: row.id };
}

/** Resolves a cookie token to its live session and user; blocked users and expired sessions resolve to null. */
export async function findSessionByToken(db: Db, token: string): Promise<Auth | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      state: sessions.state,
      activeOrganizationId: sessions.activeOrganizationId,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      staffRole: users.staffRole,
      status: users.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256Hex(token)), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (row?.status !== 'active') return null;
  return {
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      staffRole: row.staffRole as StaffRole | null,
      status: row.status,
    },
    session: {
      id: row.sessionId,
      state: row.state === 'two_factor' ? 'two_factor' : 'active',
      activeOrganizationId: row.activeOrganizationId,
      lastSeenAt: row.lastSeenAt,
    },
  };
}

/** Slides an active session's expiry forward, at most once a minute. */
export async function touchSession(db: Db, auth: Auth): Promise<void> {
  if (auth.session.state !== 'active') return;
  if (Date.now() - auth.session.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
    .where(eq(sessions.id, auth.session.id));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `exceptSessionId`. */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * The CSRF token is bound to the session: HMAC(APP_SECRET, session id). Stateless, so any app node can
 * check it, and useless to an attacker who cannot read the page.
 */
export function csrfTokenFor(appSecret: string, sessionId: string): string {
  return hmacBase64Url(appSecret, `csrf:${sessionId}`);
}
