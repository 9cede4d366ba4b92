import { processActivationJob, sweepActivationsJob } from '../modules/activations/jobs';
import { importDevicesJob } from '../modules/devices/jobs';
import { sendEmailJob, sweepOutboxJob } from '../modules/notifications/jobs';
import {
  generateOrderDocumentsJob,
  remindOverdueOrdersJob,
  sweepOrderDocumentsJob,
} from '../modules/orders/jobs';
import type { AnyJobDefinition } from './define-job';

/** Every job of every module; a new module adds its definitions here. */
export const JOB_DEFINITIONS: AnyJobDefinition[] = [
  sendEmailJob,
  sweepOutboxJob,
  importDevicesJob,
  generateOrderDocumentsJob,
  sweepOrderDocumentsJob,
  remindOverdueOrdersJob,
  processActivationJob,
  sweepActivationsJob,
];
