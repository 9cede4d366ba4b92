import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import { BUSINESS_TIME_ZONE } from '../../shared/dates';
import type { Database } from '../db/client';
import type { AppDeps } from '../http/types';
import type { AnyJobDefinition, JobDefinition } from './define-job';

export type Jobs = {
  /** Enqueues a job; `singletonKey` collapses duplicates that are still queued. */
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
};

export function createJobs(options: JobsOptions): Jobs {
  const { database, definitions, log } = options;
  const boss = new PgBoss(
    database.connectionString
      ? { connectionString: database.connectionString, max: 4 }
      : { db: database.executor, supervise: true, schedule: true },
  );
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
  let running = false;
  let starting: Promise<void> | null = null;

  async function start(deps: AppDeps): Promise<void> {
    await boss.start();
    for (const job of definitions) {
      await boss.createQueue(job.id, {
        name: job.id,
        retryLimit: job.retryLimit ?? 5,
        retryDelay: job.retryDelaySeconds ?? 10,
        retryBackoff: true,
      });
      if (options.work === false) continue;
      const handle = await job.handler();
      await boss.work(
        job.id,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: job.batchSize ?? 1 },
        async (batch) => {
          for (const item of batch) {
            const payload = job.payload.parse(item.data);
            await handle(deps, payload);
          }
        },
      );
      if (job.cron) await boss.schedule(job.id, job.cron, {}, { tz: BUSINESS_TIME_ZONE });
    }
    running = true;
  }

  return {
    async send(job, payload, sendOptions = {}) {
      const data = job.payload.parse(payload) as object;
      return boss.send(job.id, data, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
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
