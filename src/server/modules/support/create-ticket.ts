import type { z } from 'zod';
import type { SupportTicketCreateBody, SupportTicketDetail } from '../../../shared/api/support';
import type { Db } from '../../db/client';
import { claimIdempotencyKey, idempotencyClaim, saveIdempotentResponse } from '../../http/idempotency';
import type { MemberScope } from '../../http/scope';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { dispatchEmails } from '../notifications/send-email';
import { takeCounterBlock } from '../system/counters';
import { findCitedLicense } from './find-cited-license';
import { getTicket } from './get-ticket';
import { notifySupportTeam } from './notify-support';
import { supportMessages, supportTickets } from './schema';
import { findTicket } from './ticket-view';

/** The gap-free counter of «Обращение № N», portal-wide. */
export const SUPPORT_TICKET_COUNTER = 'support_tickets';

export type NewTicket = {
  organizationId: string;
  licenseId: string;
  productCode: string;
  subject: string;
  body: string;
  createdBy: string;
};

/**
 * Writes a request and its first message inside the caller's transaction, numbered from the gap-free counter
 * (ARCHITECTURE.md, "Numbers people see"): a rollback gives the number back. No mail, no audit — the callers
 * add what their path needs (the demo seed needs neither).
 */
export async function insertTicket(tx: Db, input: NewTicket): Promise<{ id: string; number: number }> {
  const { first: number } = await takeCounterBlock(tx, SUPPORT_TICKET_COUNTER, 1);
  const now = new Date();
  const [ticket] = await tx
    .insert(supportTickets)
    .values({
      number,
      organizationId: input.organizationId,
      licenseId: input.licenseId,
      productCode: input.productCode,
      subject: input.subject,
      status: 'open',
      createdBy: input.createdBy,
      lastMessageAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: supportTickets.id, number: supportTickets.number });
  if (!ticket) throw new Error('support_tickets insert returned nothing');
  await tx.insert(supportMessages).values({
    ticketId: ticket.id,
    authorId: input.createdBy,
    authorKind: 'customer',
    body: input.body,
    createdAt: now,
  });
  return ticket;
}

export type CreateTicketResult = { response: SupportTicketDetail; replayed: boolean };

/**
 * «Новое обращение» (seed 000, «Техподдержка»): the request cites one of the organization's serial numbers.
 * One transaction: the number, the request, its first message, the audit event, the mail to support and the
 * idempotency record commit together or not at all; the mail leaves after commit.
 */
export async function createTicket(
  deps: AppDeps,
  tenant: MemberScope,
  input: z.output<typeof SupportTicketCreateBody>,
  options: { actor: AuditActor; idempotencyKey?: string | null },
): Promise<CreateTicketResult> {
  const license = await findCitedLicense(deps.db, tenant, input.serial);
  const claim = options.idempotencyKey
    ? idempotencyClaim(`support.ticket:${tenant.userId}`, options.idempotencyKey, input)
    : null;

  const outcome = await deps.db.transaction(async (tx) => {
    if (claim) {
      const stored = await claimIdempotencyKey(tx, claim);
      if (stored) return { response: stored.body as SupportTicketDetail, mailIds: [], replayed: true };
    }
    const ticket = await insertTicket(tx, {
      organizationId: tenant.organizationId,
      licenseId: license.id,
      productCode: license.productCode,
      subject: input.subject,
      body: input.body,
      createdBy: tenant.userId,
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'support.ticket_created',
      organizationId: tenant.organizationId,
      entityType: 'support_ticket',
      entityId: ticket.id,
      details: { number: ticket.number, serial: license.serial, subject: input.subject },
    });
    const row = await findTicket(tx, tenant, ticket.id);
    const mailIds = await notifySupportTeam(tx, deps, {
      kind: 'created',
      row,
      body: input.body,
      writer: row.author,
    });
    const response = await getTicket(tx, tenant, ticket.id);
    if (claim) await saveIdempotentResponse(tx, claim, { statusCode: 201, body: response });
    return { response, mailIds, replayed: false };
  });

  await dispatchEmails(deps, outcome.mailIds);
  return { response: outcome.response, replayed: outcome.replayed };
}
