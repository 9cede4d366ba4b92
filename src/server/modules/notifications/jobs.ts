import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';

const SendEmailPayload = z.object({ outboxId: z.uuid() });
const EmptyPayload = z.object({}).passthrough();

export const sendEmailJob: JobDefinition<typeof SendEmailPayload> = defineJob({
  id: 'send-email',
  payload: SendEmailPayload,
  retryLimit: 5,
  retryDelaySeconds: 30,
  handler: () => import('./send-email').then((m) => m.sendEmail),
});

/** Re-sends what missed its job: a crash between commit and `send`, or a worker that died mid-send. */
export const sweepOutboxJob: JobDefinition<typeof EmptyPayload> = defineJob({
  id: 'sweep-outbox',
  payload: EmptyPayload,
  cron: '* * * * *',
  retryLimit: 0,
  handler: () => import('./send-email').then((m) => m.sweepOutbox),
});
