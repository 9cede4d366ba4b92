import { importDevicesJob } from '../modules/devices/jobs';
import { sendEmailJob, sweepOutboxJob } from '../modules/notifications/jobs';
import type { AnyJobDefinition } from './define-job';

/** Every job of every module; a new module adds its definitions here. */
export const JOB_DEFINITIONS: AnyJobDefinition[] = [sendEmailJob, sweepOutboxJob, importDevicesJob];
