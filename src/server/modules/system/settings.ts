import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { portalSettings } from './schema';

/**
 * The operator's settings, one JSON value per key («О нас / Контакты», the licensor's requisites). Other
 * modules keep their own defaults and validation and read and write their key through these two functions.
 */
export async function readSetting(db: Db, key: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select().from(portalSettings).where(eq(portalSettings.key, key)).limit(1);
  return row?.value ?? null;
}

/** Writes the key's value in the caller's transaction (so the audit row commits with it). */
export async function writeSetting(tx: Db, key: string, value: Record<string, unknown>): Promise<void> {
  await tx
    .insert(portalSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: portalSettings.key, set: { value, updatedAt: new Date() } });
}
