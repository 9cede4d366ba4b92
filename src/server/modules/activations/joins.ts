import { asc, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { type ActivationRow, lockActivation } from './activation-view';
import { activationItems, activations, deviceLicenses } from './schema';

/**
 * The read-only joins and reads other modules make into activations (a module owns its tables: others never
 * write them and read them only through these). An order is made from an activation and shows its №:
 * `.innerJoin(...joinActivation(orders.activationId))`.
 */
export function joinActivation(activationId: PgColumn) {
  return [activations, eq(activations.id, activationId)] as const;
}

/** The joined activation as an order shows it («Связанные активации лицензий»). */
export const activationRef = {
  id: activations.id,
  number: activations.number,
  status: activations.status,
  licenseCount: activations.licenseCount,
  totalKopecks: activations.totalKopecks,
};

export type ActivationItemRow = typeof activationItems.$inferSelect;

/**
 * The activation, locked for the caller's transaction, with its items in input order — what an order is made
 * of. The lock makes parallel completions of one activation queue, so only one of them numbers an order.
 */
export async function lockActivationWithItems(
  tx: Db,
  activationId: string,
): Promise<{ activation: ActivationRow; items: ActivationItemRow[] } | null> {
  const activation = await lockActivation(tx, activationId);
  if (!activation) return null;
  const items = await tx
    .select()
    .from(activationItems)
    .where(eq(activationItems.activationId, activationId))
    .orderBy(asc(activationItems.position));
  return { activation, items };
}

/** One activation as an order shows it, or null. */
export async function findActivationRef(db: Db, activationId: string) {
  const [row] = await db.select(activationRef).from(activations).where(eq(activations.id, activationId));
  return row ?? null;
}

/**
 * The license a device holds now, as the device check-in reads it in its one statement:
 * `.leftJoin(...joinDeviceLicense(deviceRef.id))`. Activations write it when they complete.
 */
export function joinDeviceLicense(deviceId: PgColumn) {
  return [deviceLicenses, eq(deviceLicenses.deviceId, deviceId)] as const;
}

/** The joined current license of a device. */
export const deviceLicenseRef = {
  validUntil: deviceLicenses.validUntil,
  licenseText: deviceLicenses.licenseText,
  kid: deviceLicenses.kid,
};
