import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from '../../db/columns';
import { users } from '../identity/schema';
import { licenses } from '../licenses/schema';
import { organizations } from '../organizations/schema';

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
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id),
    productCode: text('product_code').notNull(),
    subject: text('subject').notNull(),
    /** `open` (waiting for support), `answered` (waiting for the customer), `closed`. */
    status: text('status').notNull().default('open'),
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
    check('support_tickets_status_check', sql`${t.status} in ('open', 'answered', 'closed')`),
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
    authorKind: text('author_kind').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('support_messages_ticket_idx').on(t.ticketId, t.createdAt),
    check('support_messages_author_check', sql`${t.authorKind} in ('customer', 'staff')`),
  ],
);
