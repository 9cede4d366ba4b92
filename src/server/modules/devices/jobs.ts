import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';

/** Job attempts (pg-boss retryLimit + 1): after the last one an unexpected failure fails the import. */
export const MAX_IMPORT_ATTEMPTS = 3;

const ImportDevicesPayload = z.object({ importId: z.uuid() });

/**
 * Reads an uploaded registry file and applies it all or nothing (run-import.ts). Progress and the error
 * report live in `device_imports`; a retry starts a fresh attempt, a finished import is left alone. At
 * start-up, imports a dead process left unfinished are handed to the job again (recover-imports.ts).
 */
export const importDevicesJob: JobDefinition<typeof ImportDevicesPayload> = defineJob({
  id: 'devices.import',
  payload: ImportDevicesPayload,
  retryLimit: MAX_IMPORT_ATTEMPTS - 1,
  retryDelaySeconds: 5,
  // A million-row file takes minutes; a dead worker is noticed by its lease long before this.
  expireInSeconds: 2 * 60 * 60,
  handler: () =>
    import('./run-import').then(
      ({ runDeviceImport }) =>
        (deps, { importId }) =>
          runDeviceImport({ db: deps.db, storage: deps.storage }, importId),
    ),
  recover: () => import('./recover-imports').then((m) => m.recoverDeviceImports),
});
