import type { MailMessage } from '../../shared/api/admin';

type MailStatus = MailMessage['status'];

/**
 * `MAIL_STATUSES` lives in shared/api/admin.ts next to zod schemas; importing it into the router would put
 * zod into the eager bundle. This copy is checked against the contract both ways at compile time.
 */
export const MAIL_STATUS_VALUES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'stored',
] as const satisfies readonly MailStatus[];

type Missing = Exclude<MailStatus, (typeof MAIL_STATUS_VALUES)[number]>;
export const MAIL_STATUSES_COMPLETE: [Missing] extends [never] ? true : Missing = true;
