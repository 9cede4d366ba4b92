import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import { BUSINESS_TIME_ZONE } from '../../shared/dates';
import type { Database } from '../db/client';
import type { AppDeps } from '../http/types';
import type { AnyJobDefinition, JobDefinition } from './define-job';
import { extendLeases, failActiveJobs, liveJobKeys } from './leases';

export type Jobs = {
  /** Enqueues a job; `singletonKey` skips the send while a job with that key still waits to start. */
  send<P extends z.ZodType>(
    job: JobDefinition<P>,
    payload: z.infer<P>,
    options?: { singletonKey?: string; startAfterSeconds?: number },
  ): Promise<string | null>;
  start(deps: AppDeps): Promise<void>;
  stop(): Promise<void>;
  isRunning(): boolean;
};

export type JobsOptions = {
  database: Database;
  definitions: AnyJobDefinition[];
  log: Pick<FastifyBaseLogger, 'error'>;
  /** Workers poll this often; tests shorten it. */
  pollingIntervalSeconds?: number;
  /** Whether this process runs workers and schedules (every app node does by default). */
  work?: boolean;
  /** A running job's lease: without a heartbeat for this long its worker counts as dead (default 60 s). */
  leaseSeconds?: number;
  /** How often pg-boss fails (and so retries) jobs whose lease ran out (default 30 s). */
  maintenanceIntervalSeconds?: number;
};

/** A job's lease is renewed three times per lease, so one slow beat never loses a live job. */
const BEATS_PER_LEASE = 3;

/**
 * pg-boss with crash recovery (issue 8, item 16). pg-boss 10 has no heartbeat: a job whose worker died stays
 * `active` until its expiry, and the expiry is also the handler's own time limit, so it cannot be short.
 * Each queue therefore keeps a long expiry (the hang guard, default 15 min) and the worker holds a short
 * lease instead: while a handler runs it moves the job's deadline to now + lease (leases.ts), so pg-boss's
 * maintenance (every 30 s) retries a dead node's job about a minute after its last beat, and never a live
 * one. On PGlite one process owns the data directory (db/data-dir-lock.ts), so every job still `active` at
 * start-up belonged to a dead process: it is retried at once. Then each module's `recover` hook resumes
 * its own stale work (activations «В работе», registry imports).
 */
export function createJobs(options: JobsOptions): Jobs {
  const { database, definitions, log } = options;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const boss = new PgBoss({
    ...(database.connectionString
      ? { connectionString: database.connectionString, max: 4 }
      : { db: database.executor }),
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  let running = false;
  let starting: Promise<void> | null = null;

  async function start(deps: AppDeps): Promise<void> {
    await boss.start();
    if (database.kind === 'pglite' && options.work !== false) await failActiveJobs(boss, database);
    for (const job of definitions) {
      const queue = {
        name: job.id,
        retryLimit: job.retryLimit ?? 5,
        retryDelay: job.retryDelaySeconds ?? 10,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds ?? 15 * 60,
      };
      await boss.createQueue(job.id, queue);
      // An existing install keeps the options its queues were created with: bring them up to date.
      await boss.updateQueue(job.id, queue);
      if (options.work === false) continue;
      const handle = await job.handler();
      await boss.work(
        job.id,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: job.batchSize ?? 1 },
        async (batch) => {
          const lease = extendLeases(
            database,
            job.id,
            batch.map((item) => item.id),
            {
              leaseSeconds,
              everyMs: (leaseSeconds * 1000) / BEATS_PER_LEASE,
              onError: (error) => log.error({ err: error, queue: job.id }, 'job lease renewal failed'),
            },
          );
          try {
            await lease.first;
            for (const item of batch) {
              const payload = job.payload.parse(item.data);
              await handle(deps, payload);
            }
          } finally {
            lease.stop();
          }
        },
      );
      if (job.cron) await boss.schedule(job.id, job.cron, {}, { tz: BUSINESS_TIME_ZONE });
    }
    running = true;
    if (options.work === false) return;
    for (const job of definitions) {
      if (!job.recover) continue;
      const recover = await job.recover();
      await recover(deps).catch((error: unknown) =>
        log.error({ err: error, queue: job.id }, 'start-up recovery failed'),
      );
    }
  }

  return {
    async send(job, payload, sendOptions = {}) {
      const data = job.payload.parse(payload) as object;
      const key = sendOptions.singletonKey;
      // pg-boss ignores singletonKey on a standard queue; a job that has not started yet will see the
      // latest state anyway, so a second one would only repeat it.
      if (key && (await liveJobKeys(database, job, [key], 'waiting')).size > 0) return null;
      return boss.send(job.id, data, {
        ...(key ? { singletonKey: key } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
    },
    start(deps) {
      starting ??= start(deps);
      return starting;
    },
    async stop() {
      if (!running) return;
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    isRunning: () => running,
  };
}
