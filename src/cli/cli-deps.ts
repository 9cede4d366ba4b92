import type { Config } from '../server/config';
import type { Database } from '../server/db/client';
import type { AppDeps } from '../server/http/types';
import type { Jobs } from '../server/jobs/boss';
import type { AuditActor } from '../server/modules/audit/record-audit';
import { createDiskStorage } from '../server/storage/disk-storage';

/** Audit events of a command name the CLI as their actor. */
export const CLI_ACTOR: AuditActor = { userId: null, email: 'cli', ip: null };

/**
 * The CLI does not run job workers. Mails a command causes are written to the outbox in its transaction, and
 * the running server's outbox sweep (every minute) sends those that wait without a job.
 */
export const OUTBOX_ONLY_JOBS: Jobs = {
  send: async () => null,
  start: async () => {},
  stop: async () => {},
  isRunning: () => false,
};

/** What the use cases reach, for a command: the same as a request's, with outbox-only jobs. */
export function cliDeps(config: Config, database: Database): AppDeps {
  return {
    config,
    database,
    db: database.db,
    jobs: OUTBOX_ONLY_JOBS,
    storage: createDiskStorage(config.storageDir),
  };
}
