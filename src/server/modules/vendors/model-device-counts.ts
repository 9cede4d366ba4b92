import type { Db } from '../../db/client';
import { definePort } from '../../port';

/** Devices in the registry per model id (models without devices are absent). */
export type CountDevicesByModel = (db: Db, modelIds: string[]) => Promise<Map<string, number>>;

/**
 * The vendor screens show how many registry devices each model has («Устройств»). The registry (`devices`)
 * sits above vendors — its devices reference vendors' models — so vendors names the read it needs here and
 * `devices/device-counts.ts` provides it; `wireModules` (src/server/wiring.ts) plugs it in once.
 */
const port = definePort<CountDevicesByModel>('the device counts', 'devices');

export const provideDeviceCounts = port.provide;

export function countDevicesByModel(db: Db, modelIds: string[]): Promise<Map<string, number>> {
  return port.get()(db, modelIds);
}
