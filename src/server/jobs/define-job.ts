import type { z } from 'zod';
import type { AppDeps } from '../http/types';

/**
 * A job is a small definition: an id, a zod payload, an optional cron (Europe/Moscow) and a lazily imported
 * handler. Delivery is at-least-once, so every handler must be idempotent (state lives in the database).
 */
export type JobDefinition<P extends z.ZodType> = {
  id: string;
  payload: P;
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How many jobs a worker takes per poll. */
  batchSize?: number;
  /**
   * The handler's hard time limit (default 15 min): past it the attempt counts as failed and is retried.
   * A dead worker is noticed much sooner, by its lease (boss.ts).
   */
  expireInSeconds?: number;
  handler: () => Promise<(deps: AppDeps, payload: z.infer<P>) => Promise<void>>;
  /** Runs once when the jobs start (every node): resumes what a crashed process left half done. */
  recover?: () => Promise<(deps: AppDeps) => Promise<void>>;
};

export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of any payload type.
export type AnyJobDefinition = JobDefinition<any>;
