import type { Db } from '../../db/client';

/** Devices in the registry per model id (models without devices are absent). */
export type CountDevicesByModel = (db: Db, modelIds: string[]) => Promise<Map<string, number>>;

/**
 * The vendor screens show how many registry devices each model has («Устройств»). The registry (`devices`)
 * sits above vendors — its devices reference vendors' models — so vendors names the read it needs here and
 * `devices/device-counts.ts` provides it; `wireModules` (src/server/wiring.ts) plugs it in once.
 */
let provided: CountDevicesByModel | null = null;

export function provideDeviceCounts(count: CountDevicesByModel): void {
  provided = count;
}

export function countDevicesByModel(db: Db, modelIds: string[]): Promise<Map<string, number>> {
  if (!provided) throw new Error('devices has not provided the device counts (see wireModules)');
  return provided(db, modelIds);
}
