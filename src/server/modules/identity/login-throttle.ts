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

/** Advisory-lock classes (two-int key space, apart from the migration lock) serialising one email / one IP. */
const EMAIL_LOCK_CLASS = 7301;
const IP_LOCK_CLASS = 7302;

/**
 * Reserves one login attempt, or throws LOGIN_LOCKED while the email or the IP has too many recent
 * failures. The reservation is a failure row written before the password is checked (issue 8, item 3):
 * counting and reserving run under per-email and per-IP advisory locks in one short transaction, so
 * parallel requests on any app node cannot all pass the count. The caller settles it with
 * `settleLoginAttempt`; a crash in between leaves it counted as a failure, which errs on the safe side.
 * Locks are always taken email first, then IP, so two reservations cannot deadlock.
 */
export async function reserveLoginAttempt(
  db: Db,
  input: { email: string; ip: string | null },
): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EMAIL_LOCK_CLASS}::int, hashtext(${input.email}))`);
    if (input.ip)
      await tx.execute(sql`select pg_advisory_xact_lock(${IP_LOCK_CLASS}::int, hashtext(${input.ip}))`);
    await assertBelowLimits(tx, input.email, input.ip);
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email: input.email, ip: input.ip, succeeded: false })
      .returning({ id: loginAttempts.id });
    if (!row) throw new Error('login attempt reservation failed');
    return row.id;
  });
}

/**
 * `failed` keeps the reserved failure; `succeeded` turns it into the success that resets the email's count;
 * `refunded` removes it (the password was right but the login goes on, e.g. to the TOTP step).
 */
export async function settleLoginAttempt(
  db: Db,
  id: string,
  outcome: 'failed' | 'succeeded' | 'refunded',
): Promise<void> {
  if (outcome === 'succeeded')
    await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
  if (outcome === 'refunded') await db.delete(loginAttempts).where(eq(loginAttempts.id, id));
}

/** Counts live in the database, so every app node enforces the same limit. A success resets the email's count. */
async function assertBelowLimits(db: Db, email: string, ip: string | null): Promise<void> {
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
