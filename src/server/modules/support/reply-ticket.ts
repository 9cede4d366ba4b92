import { eq } from 'drizzle-orm';
import type {
  AdminSupportTicketDetail,
  SupportAuthorKind,
  SupportTicketDetail,
} from '../../../shared/api/support';
import { AppError } from '../../http/errors';
import type { MemberScope, Scope, StaffScope } from '../../http/scope';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { dispatchEmails } from '../notifications/send-email';
import { getAdminTicket, getTicket } from './get-ticket';
import { notifySupportTeam, notifyTicketAuthor } from './notify-support';
import { supportMessages, supportTickets } from './schema';
import { findTicket, lockTicket } from './ticket-view';

type ReplyInput = {
  scope: Scope;
  ticketId: string;
  body: string;
  authorKind: SupportAuthorKind;
  author: { id: string; name: string; email: string };
  actor: AuditActor;
};

/**
 * Adds a message to a request. The customer's message puts it back to `open` (waiting for support) and
 * mails support; support's reply makes it `answered` (waiting for the customer), takes the request for the
 * replier if nobody had, and mails the author. A closed request takes no messages: the customer writes a
 * new one, support reopens it first.
 */
async function addMessage(deps: AppDeps, input: ReplyInput): Promise<void> {
  const mailIds = await deps.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, input.scope, input.ticketId);
    if (ticket.status === 'closed')
      throw new AppError(
        'SUPPORT_TICKET_CLOSED',
        input.authorKind === 'customer'
          ? `Обращение № ${ticket.number} закрыто. Если вопрос остался, создайте новое обращение.`
          : `Обращение № ${ticket.number} закрыто. Чтобы ответить, сначала откройте его заново.`,
      );
    const now = new Date();
    await tx.insert(supportMessages).values({
      ticketId: ticket.id,
      authorId: input.author.id,
      authorKind: input.authorKind,
      body: input.body,
      createdAt: now,
    });
    const staff = input.authorKind === 'staff';
    await tx
      .update(supportTickets)
      .set({
        status: staff ? 'answered' : 'open',
        lastMessageAt: now,
        updatedAt: now,
        ...(staff && !ticket.assigneeId ? { assigneeId: input.author.id } : {}),
      })
      .where(eq(supportTickets.id, ticket.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'support.replied',
      organizationId: ticket.organizationId,
      entityType: 'support_ticket',
      entityId: ticket.id,
      details: { number: ticket.number, authorKind: input.authorKind, length: input.body.length },
    });
    const row = await findTicket(tx, input.scope, ticket.id);
    return staff
      ? notifyTicketAuthor(tx, deps, { row, staffName: input.author.name, body: input.body })
      : notifySupportTeam(tx, deps, {
          kind: 'customer_reply',
          row,
          body: input.body,
          writer: input.author,
        });
  });
  await dispatchEmails(deps, mailIds);
}

/** The customer's message in their organization's request (another organization's request is a 404). */
export async function replyAsCustomer(
  deps: AppDeps,
  tenant: MemberScope,
  input: {
    ticketId: string;
    body: string;
    author: { id: string; name: string; email: string };
    actor: AuditActor;
  },
): Promise<SupportTicketDetail> {
  await addMessage(deps, { ...input, scope: tenant, authorKind: 'customer' });
  return getTicket(deps.db, tenant, input.ticketId);
}

/** Support's reply from the back office. */
export async function replyAsStaff(
  deps: AppDeps,
  scope: StaffScope,
  input: {
    ticketId: string;
    body: string;
    author: { id: string; name: string; email: string };
    actor: AuditActor;
  },
): Promise<AdminSupportTicketDetail> {
  await addMessage(deps, { ...input, scope, authorKind: 'staff' });
  return getAdminTicket(deps.db, scope, input.ticketId);
}
