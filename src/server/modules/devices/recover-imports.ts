import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { liveJobKeys } from '../../jobs/leases';
import { settleStalledImports } from './import-liveness';
import { importDevicesJob } from './jobs';
import { deviceImports } from './schema';

/**
 * Start-up recovery of registry imports (issue 8, item 16). An import its worker left half done is resumed
 * from the stored file, not failed: that is what the person who uploaded it expects, and a fresh attempt
 * re-reads the whole file, so nothing of the lost attempt is trusted. Only a stalled import (one that may
 * already have been shown failed) is settled as failed and stays so. An import whose job still lives —
 * waiting, or running on another node — is left to that job.
 */
export async function recoverDeviceImports(deps: AppDeps): Promise<void> {
  const { db } = deps;
  await settleStalledImports(db);
  const unfinished = await db
    .select({ id: deviceImports.id })
    .from(deviceImports)
    .where(inArray(deviceImports.status, ['queued', 'reading', 'applying']));
  const ids = unfinished.map((row) => row.id);
  const live = await liveJobKeys(deps.database, importDevicesJob, ids);
  for (const id of ids)
    if (!live.has(id)) await deps.jobs.send(importDevicesJob, { importId: id }, { singletonKey: id });

  // Files of finished imports whose last run died before removing them.
  const leftovers = await db
    .select({ id: deviceImports.id, storageKey: deviceImports.storageKey })
    .from(deviceImports)
    .where(and(inArray(deviceImports.status, ['completed', 'failed']), isNotNull(deviceImports.storageKey)));
  for (const { id, storageKey } of leftovers) {
    if (!storageKey) continue;
    await deps.storage.remove(storageKey);
    await db.update(deviceImports).set({ storageKey: null }).where(eq(deviceImports.id, id));
  }
}
