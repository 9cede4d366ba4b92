import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { loginAttempts } from './schema';

/** Five wrong passwords for one email within 15 minutes lock that email for the rest of the window. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** A wider net per IP address, against password spraying across many emails. */
export const MAX_FAILURES_PER_IP = 30;
export const LOCKOUT_WINDOW_MINUTES = 15;

const windowStart = () => sql`now() - make_interval(mins => ${LOCKOUT_WINDOW_MINUTES})`;

/**
 * Throws LOGIN_LOCKED while the email or the IP has too many recent failures. Counts live in the
 * database, so every app node enforces the same limit. A success resets the email's count.
 */
export async function assertLoginAllowed(db: Db, email: string, ip: string | null): Promise<void> {
  const [lastSuccess] = await db
    .select({ at: max(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, true),
        gt(loginAttempts.createdAt, windowStart()),
      ),
    );
  const since = lastSuccess?.at ?? null;
  const [byEmail] = await db
    .select({ failures: count(), oldest: sql<Date | string | null>`min(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since ?? windowStart()),
        gt(loginAttempts.createdAt, windowStart()),
      ),
    );
  if (byEmail && byEmail.failures >= MAX_FAILURES_PER_EMAIL) throw lockedError(byEmail.oldest);
  if (!ip) return;
  const [byIp] = await db
    .select({ failures: count(), oldest: sql<Date | string | null>`min(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, windowStart()),
      ),
    );
  if (byIp && byIp.failures >= MAX_FAILURES_PER_IP) throw lockedError(byIp.oldest);
}

function lockedError(oldest: Date | string | null): AppError {
  const oldestMs = oldest ? new Date(oldest).getTime() : Date.now();
  const minutes = Math.max(1, Math.ceil((oldestMs + LOCKOUT_WINDOW_MINUTES * 60_000 - Date.now()) / 60_000));
  return new AppError(
    'LOGIN_LOCKED',
    `Слишком много неудачных попыток входа. Вход временно заблокирован, повторите через ${minutes} мин. или восстановите пароль.`,
    { retryAfterMinutes: minutes },
  );
}

export async function recordLoginAttempt(
  db: Db,
  input: { email: string; ip: string | null; succeeded: boolean },
): Promise<void> {
  await db.insert(loginAttempts).values(input);
}
