import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { SessionList } from '../../../shared/api/auth';
import type { Db } from '../../db/client';
import { sessions } from './schema';

/** «Активные сеансы» of the user, the newest first; `current` marks the one asking. */
export async function listSessions(
  db: Db,
  { userId, currentSessionId }: { userId: string; currentSessionId: string },
): Promise<SessionList> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.state, 'active'), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return {
    items: rows.map((s) => ({
      id: s.id,
      current: s.id === currentSessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
    })),
  };
}
