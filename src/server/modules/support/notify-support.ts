import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { productSupportEmail } from '../catalog/joins';
import { activeStaffEmails, findUserContact } from '../identity/joins';
import { enqueueEmail } from '../notifications/enqueue-email';
import {
  type SupportMailTicket,
  supportReplyToCustomerEmail,
  supportRequestToStaffEmail,
} from '../notifications/templates/support';
import { findMembership } from '../organizations/memberships';
import type { TicketJoined } from './ticket-view';

function mailTicket(row: TicketJoined): SupportMailTicket {
  return {
    number: row.ticket.number,
    subject: row.ticket.subject,
    serial: row.serial,
    productName: row.productName,
  };
}

/**
 * Where a request goes: the product's support email when the operator set one (seed 000: support contacts
 * per product), else every active staff member with the `support` role. The staff member who took the
 * request hears about the customer's replies too.
 */
async function supportRecipients(tx: Db, productCode: string, assigneeId: string | null): Promise<string[]> {
  const desk = await productSupportEmail(tx, productCode);
  const team = desk ? [desk] : await activeStaffEmails(tx, 'support');
  if (assigneeId) {
    const assignee = await findUserContact(tx, assigneeId);
    if (assignee?.status === 'active' && assignee.staffRole) team.push(assignee.email);
  }
  return [...new Set(team)];
}

/** A new request or a customer's reply, to support; returns the outbox ids (none when nobody is set up). */
export async function notifySupportTeam(
  tx: Db,
  deps: AppDeps,
  input: {
    kind: 'created' | 'customer_reply';
    row: TicketJoined;
    body: string;
    /** Who wrote this message: the request's author or another member of the organization. */
    writer: { name: string; email: string };
  },
): Promise<string[]> {
  const { row } = input;
  const to = await supportRecipients(tx, row.ticket.productCode, row.ticket.assigneeId);
  if (to.length === 0) return [];
  const email = supportRequestToStaffEmail({
    kind: input.kind,
    ticket: mailTicket(row),
    organizationName: row.organization.shortName,
    organizationInn: row.organization.inn,
    authorName: input.writer.name,
    authorEmail: input.writer.email,
    body: input.body,
    url: `${deps.config.publicUrl}/admin/support/${row.ticket.id}`,
  });
  // One mail to all recipients: the team sees who else got it. Not tied to the organization: it is staff mail.
  return [await enqueueEmail(tx, { to, email, canSend: Boolean(deps.config.smtpUrl) })];
}

/**
 * Support's reply, to the request's author — while they are still an active member of the organization:
 * someone who left it must not keep receiving its correspondence.
 */
export async function notifyTicketAuthor(
  tx: Db,
  deps: AppDeps,
  input: { row: TicketJoined; staffName: string; body: string },
): Promise<string[]> {
  const { row } = input;
  const author = await findUserContact(tx, row.author.id);
  const membership = await findMembership(tx, row.author.id, row.ticket.organizationId);
  if (author?.status !== 'active' || !membership) return [];
  const email = supportReplyToCustomerEmail({
    name: row.author.name,
    ticket: mailTicket(row),
    staffName: input.staffName,
    body: input.body,
    url: `${deps.config.publicUrl}/support/${row.ticket.id}`,
  });
  return [
    await enqueueEmail(tx, {
      to: [row.author.email],
      email,
      organizationId: row.ticket.organizationId,
      canSend: Boolean(deps.config.smtpUrl),
    }),
  ];
}
