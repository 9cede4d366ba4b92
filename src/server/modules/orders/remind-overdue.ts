import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { moscowIsoDate } from '../../../shared/dates';
import type { AppDeps } from '../../http/types';
import { enqueueEmail } from '../notifications/enqueue-email';
import { dispatchEmails } from '../notifications/send-email';
import { orderOverdueEmail } from '../notifications/templates/orders';
import { getOrganization } from '../organizations/organization-view';
import { orderMailFacts, orderRecipients } from './order-mail';
import { orders } from './schema';

/** Not reminded yet on this Moscow calendar day. */
function notRemindedOn(today: string) {
  return or(
    isNull(orders.remindedAt),
    sql`(${orders.remindedAt} at time zone 'Europe/Moscow')::date < ${today}::date`,
  );
}

/**
 * The `remind-overdue-orders` job (daily, Moscow morning): one reminder per overdue unpaid order and day.
 * The guarded update of `reminded_at` commits with the mail, so a second run the same day, or a second node
 * running the schedule, sends nothing more.
 */
export async function remindOverdueOrders(
  deps: AppDeps,
  _payload?: unknown,
  now = new Date(),
): Promise<void> {
  const today = moscowIsoDate(now);
  const due = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.paymentStatus, 'pending'), lt(orders.dueDate, today), notRemindedOn(today)))
    .orderBy(asc(orders.dueDate));
  const outboxIds: string[] = [];
  for (const { id } of due) {
    const mailId = await deps.db.transaction(async (tx) => {
      const [order] = await tx
        .update(orders)
        .set({ remindedAt: now })
        .where(and(eq(orders.id, id), eq(orders.paymentStatus, 'pending'), notRemindedOn(today)))
        .returning();
      if (!order) return null;
      const organization = await getOrganization(tx, order.organizationId);
      const to = await orderRecipients(tx, organization);
      if (to.length === 0) return null;
      return enqueueEmail(tx, {
        to,
        email: orderOverdueEmail(orderMailFacts(deps, order, organization)),
        organizationId: order.organizationId,
        canSend: Boolean(deps.config.smtpUrl),
      });
    });
    if (mailId) outboxIds.push(mailId);
  }
  await dispatchEmails(deps, outboxIds);
}
