import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';

const ActivationPayload = z.object({ activationId: z.uuid() });
const EmptyPayload = z.object({}).passthrough();

/**
 * Signs the licenses of one activation, hands them to the vendor's integration when it has one, and completes
 * the activation («Выполнена», devices extended, order made) or fails it («Ошибка» with the vendor's text).
 * At-least-once and idempotent: the activation row is locked and only an activation still «В работе» is
 * touched, so a second delivery does nothing more.
 */
export const processActivationJob: JobDefinition<typeof ActivationPayload> = defineJob({
  id: 'process-activation',
  payload: ActivationPayload,
  retryLimit: 5,
  retryDelaySeconds: 10,
  handler: () => import('./process-activation').then((m) => m.processActivation),
});

/**
 * A crash between an activation's commit and its job being sent, or a job that ran out of retries while the
 * database was away, would leave the activation «В работе» for ever: every minute the sweeper hands each
 * activation that has not moved for a while, and has no live job, to the job again; at start-up it does so
 * at once for every such activation (`recover`).
 */
export const sweepActivationsJob: JobDefinition<typeof EmptyPayload> = defineJob({
  id: 'sweep-activations',
  payload: EmptyPayload,
  cron: '* * * * *',
  retryLimit: 0,
  handler: () => import('./process-activation').then((m) => m.sweepActivations),
  recover: () => import('./process-activation').then((m) => m.recoverActivations),
});
