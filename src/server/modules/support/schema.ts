import { bigint, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SUPPORT_AUTHOR_KINDS, SUPPORT_STATUSES } from '../../../shared/api/support';
import { createdAt, enumCheck, id, instant, textEnum, updatedAt } from '../../db/columns';
import { users } from '../identity/schema';
import { licenses } from '../licenses/schema';
import { organizationRef } from '../organizations/schema';

/**
 * A support request («Техподдержка», seed 000). It cites one of the organization's serial numbers — the proof of
 * legitimate use the seed asks for — and so belongs to that license's product. `number` is a gap-free portal-wide
 * number people quote («Обращение № 12»).
 */
export const supportTickets = pgTable(
  'support_tickets',
  {
    id: id(),
    number: bigint('number', { mode: 'number' }).notNull(),
    organizationId: organizationRef(),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id),
    productCode: text('product_code').notNull(),
    subject: text('subject').notNull(),
    /** `open` (waiting for support), `answered` (waiting for the customer), `closed`. */
    status: textEnum('status', SUPPORT_STATUSES).notNull().default('open'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The staff member who took the request, if any. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    lastMessageAt: instant('last_message_at').notNull().defaultNow(),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('support_tickets_number_key').on(t.number),
    index('support_tickets_org_idx').on(t.organizationId, t.lastMessageAt),
    index('support_tickets_status_idx').on(t.status, t.lastMessageAt),
    enumCheck('support_tickets_status_check', t.status, SUPPORT_STATUSES),
  ],
);

/** One message of a support request, by the customer or by the operator's support staff. */
export const supportMessages = pgTable(
  'support_messages',
  {
    id: id(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => supportTickets.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** `customer` or `staff`. */
    authorKind: textEnum('author_kind', SUPPORT_AUTHOR_KINDS).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('support_messages_ticket_idx').on(t.ticketId, t.createdAt),
    enumCheck('support_messages_author_check', t.authorKind, SUPPORT_AUTHOR_KINDS),
  ],
);
