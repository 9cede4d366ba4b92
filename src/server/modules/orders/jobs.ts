import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';

const OrderPayload = z.object({ orderId: z.uuid() });
const EmptyPayload = z.object({}).passthrough();

/** Makes the invoice and the УПД of one order, stores them, ships the order and mails the invoice. */
export const generateOrderDocumentsJob: JobDefinition<typeof OrderPayload> = defineJob({
  id: 'generate-order-documents',
  payload: OrderPayload,
  retryLimit: 10,
  retryDelaySeconds: 30,
  handler: () => import('./generate-documents').then((m) => m.generateOrderDocuments),
});

/**
 * Orders are created inside the activation's transaction, where no job can be sent safely (it could run
 * before the commit, or be sent for a rolled-back order). So every minute the sweeper hands each order still
 * without its documents to the job; `queueOrderDocuments` after commit only makes it quicker.
 */
export const sweepOrderDocumentsJob: JobDefinition<typeof EmptyPayload> = defineJob({
  id: 'sweep-order-documents',
  payload: EmptyPayload,
  cron: '* * * * *',
  retryLimit: 0,
  handler: () => import('./generate-documents').then((m) => m.sweepOrderDocuments),
});

/** «Напоминание об оплате»: each overdue unpaid invoice once a day, in the Moscow morning. */
export const remindOverdueOrdersJob: JobDefinition<typeof EmptyPayload> = defineJob({
  id: 'remind-overdue-orders',
  payload: EmptyPayload,
  cron: '0 9 * * *',
  retryLimit: 2,
  handler: () => import('./remind-overdue').then((m) => m.remindOverdueOrders),
});
