import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { MAIL_STATUSES } from '../../../shared/api/admin';
import { createdAt, id, instant, textEnum } from '../../db/columns';

/**
 * The email outbox: a mail is a row first (written in the transaction that causes it), then a job sends
 * it. Without SMTP_URL it stays here as `stored`, visible in the back office («Почта»).
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    to: text('to').array().notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    template: text('template').notNull(),
    organizationId: uuid('organization_id'),
    /** Files from the file storage sent with the mail (the invoice PDF). */
    attachments: jsonb('attachments')
      .$type<{ fileName: string; storageKey: string; contentType: string }[]>()
      .notNull()
      .default([]),
    /** queued → sending → sent | failed; `stored` when no SMTP server is configured. */
    status: textEnum('status', MAIL_STATUSES).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    /** When a worker claimed it; a `sending` row older than a few minutes belongs to a dead worker. */
    claimedAt: instant('claimed_at'),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('email_outbox_status_idx').on(t.status, t.createdAt),
    index('email_outbox_created_idx').on(t.createdAt),
  ],
);
