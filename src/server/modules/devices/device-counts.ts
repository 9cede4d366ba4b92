import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { devices } from './schema';

/** Devices in the registry per model id (models without devices are absent). */
export async function countDevicesByModel(db: Db, modelIds: string[]): Promise<Map<string, number>> {
  if (modelIds.length === 0) return new Map();
  const rows = await db
    .select({ modelId: devices.modelId, n: count() })
    .from(devices)
    .where(inArray(devices.modelId, modelIds))
    .groupBy(devices.modelId);
  return new Map(rows.map((r) => [r.modelId, Number(r.n)]));
}
