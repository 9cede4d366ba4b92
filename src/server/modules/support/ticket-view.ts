import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  AdminSupportTicketItem,
  SupportMessage,
  SupportStatus,
  SupportTicketItem,
} from '../../../shared/api/support';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { inScope, type Scope } from '../../http/scope';
import { joinProductByCode, joinProductCodeByCode, productNameOf } from '../catalog/joins';
import { joinUser, userAlias, userRef } from '../identity/joins';
import { joinLicense, licenseSerial } from '../licenses/joins';
import { joinOrganization, organizationRef } from '../organizations/joins';
import { supportMessages, supportTickets } from './schema';

export type TicketRow = typeof supportTickets.$inferSelect;

/** A customer reaches their organization's requests only; staff reach every request. */
export function ticketsInScope(scope: Scope, ...conditions: Array<SQL | undefined>): SQL {
  return inScope(scope, supportTickets.organizationId, ...conditions);
}

const authors = userAlias('ticket_author');
const assignees = userAlias('ticket_assignee');

/** The product's display name: its card's name, else the code's name in table 1, else the code. */
const productNameSql = productNameOf(supportTickets.productCode);

/** support_tickets ⋈ license serial ⋈ organization ⋈ author ⋈ assignee ⋈ product name: what lists show. */
export function selectTickets(db: Db) {
  return db
    .select({
      ticket: supportTickets,
      serial: licenseSerial,
      productName: productNameSql,
      organization: organizationRef,
      author: { id: authors.id, name: authors.name, email: authors.email },
      assignee: { id: assignees.id, name: assignees.name },
    })
    .from(supportTickets)
    .innerJoin(...joinLicense(supportTickets.licenseId))
    .innerJoin(...joinOrganization(supportTickets.organizationId))
    .innerJoin(authors, eq(authors.id, supportTickets.createdBy))
    .leftJoin(assignees, eq(assignees.id, supportTickets.assigneeId))
    .leftJoin(...joinProductByCode(supportTickets.productCode))
    .leftJoin(...joinProductCodeByCode(supportTickets.productCode));
}

export type TicketJoined = Awaited<ReturnType<ReturnType<typeof selectTickets>['where']>>[number];

/** The row counted by lists: the same joins the search conditions need (serial, organization). */
export function countTicketsFrom(db: Db) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(supportTickets)
    .innerJoin(...joinLicense(supportTickets.licenseId))
    .innerJoin(...joinOrganization(supportTickets.organizationId));
}

function statusOf(value: string): SupportStatus {
  return value === 'answered' || value === 'closed' ? value : 'open';
}

export function toTicketItem(row: TicketJoined): SupportTicketItem {
  const { ticket } = row;
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: statusOf(ticket.status),
    serial: row.serial,
    licenseId: ticket.licenseId,
    productCode: ticket.productCode,
    productName: row.productName,
    createdAt: ticket.createdAt.toISOString(),
    lastMessageAt: ticket.lastMessageAt.toISOString(),
    closedAt: ticket.closedAt?.toISOString() ?? null,
  };
}

export function toAdminTicketItem(row: TicketJoined): AdminSupportTicketItem {
  return {
    ...toTicketItem(row),
    organization: row.organization,
    author: row.author,
    assignee: row.assignee,
  };
}

/** One request with its joins, or 404 — also for another tenant's request (ARCHITECTURE.md, "Tenancy"). */
export async function findTicket(db: Db, scope: Scope, id: string): Promise<TicketJoined> {
  const [row] = await selectTickets(db)
    .where(ticketsInScope(scope, eq(supportTickets.id, id)))
    .limit(1);
  if (!row) throw notFound('Обращение не найдено');
  return row;
}

/**
 * Locks the request's row for a change (a reply, closing) so parallel changes apply one after another and
 * each sees the status the previous one left.
 */
export async function lockTicket(tx: Db, scope: Scope, id: string): Promise<TicketRow> {
  const [row] = await tx
    .select()
    .from(supportTickets)
    .where(ticketsInScope(scope, eq(supportTickets.id, id)))
    .for('update');
  if (!row) throw notFound('Обращение не найдено');
  return row;
}

/** The thread, oldest first. */
export async function listMessages(db: Db, ticketId: string): Promise<SupportMessage[]> {
  const rows = await db
    .select({ message: supportMessages, author: { id: userRef.id, name: userRef.name } })
    .from(supportMessages)
    .innerJoin(...joinUser(supportMessages.authorId))
    .where(eq(supportMessages.ticketId, ticketId))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
  return rows.map(({ message, author }) => ({
    id: message.id,
    authorKind: message.authorKind === 'staff' ? 'staff' : 'customer',
    author,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
  }));
}
