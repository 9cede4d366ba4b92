import { eq } from 'drizzle-orm';
import type { AdminSupportTicketDetail, SupportTicketDetail } from '../../../shared/api/support';
import type { Db } from '../../db/client';
import type { MemberScope, Scope, StaffScope } from '../../http/scope';
import { type AuditAction, type AuditActor, recordAudit } from '../audit/record-audit';
import { getAdminTicket, getTicket } from './get-ticket';
import { supportTickets } from './schema';
import { lockTicket, type TicketRow } from './ticket-view';

type Change = {
  action: Extract<AuditAction, 'support.closed' | 'support.reopened' | 'support.assigned'>;
  /** The new values, or null when the request already is as asked (then nothing is written). */
  apply: (ticket: TicketRow, now: Date) => Partial<TicketRow> | null;
};

/**
 * Changes a request's state under its row lock and records it. Asking for the state it is already in
 * (closing a closed request, taking one's own request) answers the request as it is: retries are harmless.
 */
async function changeTicket(
  db: Db,
  scope: Scope,
  id: string,
  change: Change,
  actor: AuditActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, scope, id);
    const now = new Date();
    const values = change.apply(ticket, now);
    if (!values) return;
    await tx
      .update(supportTickets)
      .set({ ...values, updatedAt: now })
      .where(eq(supportTickets.id, ticket.id));
    await recordAudit(tx, {
      actor,
      action: change.action,
      organizationId: ticket.organizationId,
      entityType: 'support_ticket',
      entityId: ticket.id,
      details: { number: ticket.number, by: 'tenant' in scope ? 'customer' : 'staff' },
    });
  });
}

const CLOSE: Change = {
  action: 'support.closed',
  apply: (ticket, now) => (ticket.status === 'closed' ? null : { status: 'closed', closedAt: now }),
};

const REOPEN: Change = {
  action: 'support.reopened',
  apply: (ticket) => (ticket.status === 'closed' ? { status: 'open', closedAt: null } : null),
};

/** «Закрыть обращение» in the cabinet: the question is solved. */
export async function closeTicketAsCustomer(
  db: Db,
  tenant: MemberScope,
  id: string,
  actor: AuditActor,
): Promise<SupportTicketDetail> {
  await changeTicket(db, tenant, id, CLOSE, actor);
  return getTicket(db, tenant, id);
}

export async function closeTicketAsStaff(
  db: Db,
  scope: StaffScope,
  id: string,
  actor: AuditActor,
): Promise<AdminSupportTicketDetail> {
  await changeTicket(db, scope, id, CLOSE, actor);
  return getAdminTicket(db, scope, id);
}

/** Back to `open`: support continues the conversation. */
export async function reopenTicket(
  db: Db,
  scope: StaffScope,
  id: string,
  actor: AuditActor,
): Promise<AdminSupportTicketDetail> {
  await changeTicket(db, scope, id, REOPEN, actor);
  return getAdminTicket(db, scope, id);
}

/** «Взять в работу»: the caller becomes the request's assignee. */
export async function assignTicketToMe(
  db: Db,
  scope: StaffScope,
  id: string,
  actor: AuditActor & { userId: string },
): Promise<AdminSupportTicketDetail> {
  await changeTicket(
    db,
    scope,
    id,
    {
      action: 'support.assigned',
      apply: (ticket) => (ticket.assigneeId === actor.userId ? null : { assigneeId: actor.userId }),
    },
    actor,
  );
  return getAdminTicket(db, scope, id);
}
