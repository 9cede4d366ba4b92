import { eq, sql } from 'drizzle-orm';
import { type InstallMethod, normalizeDeviceSerial } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { deviceModelRef, joinDeviceModel, joinVendor, vendorRef } from '../vendors/joins';
import { installMethodOf } from '../vendors/vendor-view';
import { devices } from './schema';

/** What the partner's pre-check needs to know about a device (seed 002, «Активация лицензий»). */
export type RegistryDevice = {
  id: string;
  serial: string;
  modelId: string;
  modelName: string;
  vendorId: string;
  vendorName: string;
  installMethod: InstallMethod;
  /** «Текущая подписка», `YYYY-MM-DD`, or null. */
  subscriptionEnd: string | null;
};

/**
 * Registry entries of the given serials (normalized here), keyed by normalized serial; an absent key is
 * «Серийный номер не найден». One query whatever the number of serials.
 */
export async function findDevicesBySerials(db: Db, serials: string[]): Promise<Map<string, RegistryDevice>> {
  const wanted = [...new Set(serials.map(normalizeDeviceSerial).filter((s) => s !== ''))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: devices.id,
      serial: devices.serial,
      modelId: devices.modelId,
      modelName: deviceModelRef.name,
      modelInstallMethod: deviceModelRef.installMethod,
      vendorId: vendorRef.id,
      vendorName: vendorRef.name,
      vendorInstallMethod: vendorRef.installMethod,
      subscriptionEnd: devices.subscriptionEnd,
    })
    .from(devices)
    .innerJoin(...joinDeviceModel(devices.modelId))
    .innerJoin(...joinVendor(deviceModelRef.vendorId))
    // One bound array, not one parameter per serial: 10 000 serials bind and plan in a few milliseconds.
    .where(sql`${devices.serial} = any(${sql.param(wanted)}::text[])`);
  return new Map(
    rows.map(({ modelInstallMethod, vendorInstallMethod, ...row }) => [
      row.serial,
      {
        ...row,
        installMethod: installMethodOf(
          { installMethod: modelInstallMethod },
          { installMethod: vendorInstallMethod },
        ),
      },
    ]),
  );
}

/**
 * Moves a device's «Текущая подписка» forward inside the caller's (activation's) transaction; never back —
 * the later of the stored and the given end wins. Returns the end now stored.
 */
export async function extendSubscription(tx: Db, deviceId: string, until: string): Promise<string | null> {
  const [row] = await tx
    .update(devices)
    .set({
      subscriptionEnd: sql`greatest(${devices.subscriptionEnd}, ${until}::date)`,
      updatedAt: new Date(),
    })
    .where(eq(devices.id, deviceId))
    .returning({ subscriptionEnd: devices.subscriptionEnd });
  return row?.subscriptionEnd ?? null;
}

/** Devices per UPDATE of {@link extendSubscriptions}: two bound arrays, so the size is about memory only. */
const EXTEND_CHUNK = 5_000;

/**
 * {@link extendSubscription} for many devices at once (an activation of 10 000 devices): one UPDATE … FROM
 * unnest(ids, ends) per chunk instead of a statement per device. The same rule — the later end wins — so
 * running it again with the same ends changes nothing.
 */
export async function extendSubscriptions(
  tx: Db,
  extensions: ReadonlyArray<{ deviceId: string; until: string }>,
): Promise<void> {
  for (let at = 0; at < extensions.length; at += EXTEND_CHUNK) {
    const chunk = extensions.slice(at, at + EXTEND_CHUNK);
    // Dates travel as text[] cast to date[]: postgres.js cannot serialize a parameter the server types date[].
    await tx.execute(sql`
      update ${devices} as d
      set subscription_end = v.until, updated_at = now()
      from unnest(
        ${sql.param(chunk.map((e) => e.deviceId))}::uuid[],
        ${sql.param(chunk.map((e) => e.until))}::text[]::date[]
      ) as v(device_id, until)
      where d.id = v.device_id and (d.subscription_end is null or d.subscription_end < v.until)
    `);
  }
}
