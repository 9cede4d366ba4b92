import { eq, sum } from 'drizzle-orm';
import type { OrderDetail, OrderPaymentBody } from '../../../shared/api/orders';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { AppError, notFound } from '../../http/errors';
import {
  claimIdempotencyKey,
  idempotencyClaim,
  type StoredResponse,
  saveIdempotentResponse,
} from '../../http/idempotency';
import { SYSTEM_SCOPE } from '../../http/scope';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { enqueueEmail } from '../notifications/enqueue-email';
import { dispatchEmails } from '../notifications/send-email';
import { orderPaidEmail } from '../notifications/templates/orders';
import { getOrganization } from '../organizations/organization-view';
import { getOrder } from './get-order';
import { orderMailFacts, orderRecipients } from './order-mail';
import { orderPayments, orders } from './schema';

export type RecordPaymentResult = { order: OrderDetail; replayed: boolean };

/**
 * Staff record a payment received for an order (the bank statement's date and payment order №). Payments are
 * append-only; when they cover the total the order is «Оплачено» — and the overdue block of the partner
 * account lifts by itself, since it is computed from unpaid orders. Without an amount the payment is what is
 * still due. One transaction with the audit event, the mail and the `Idempotency-Key` record.
 */
export async function recordOrderPayment(
  deps: AppDeps,
  orderId: string,
  input: OrderPaymentBody,
  options: { actor: AuditActor; idempotencyKey: string | null; now?: Date },
): Promise<RecordPaymentResult> {
  const now = options.now ?? new Date();
  const claim = options.idempotencyKey
    ? idempotencyClaim(
        `orders.payment:${orderId}:${options.actor.userId ?? 'system'}`,
        options.idempotencyKey,
        input,
      )
    : null;
  const outcome = await deps.db.transaction(async (tx) => {
    if (claim) {
      const stored: StoredResponse | null = await claimIdempotencyKey(tx, claim);
      if (stored) return { replayed: true, mailIds: [] as string[] };
    }
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw notFound('Заказ не найден');
    if (order.paymentStatus === 'paid') throw new AppError('ORDER_ALREADY_PAID');
    const [paid] = await tx
      .select({ total: sum(orderPayments.amountKopecks) })
      .from(orderPayments)
      .where(eq(orderPayments.orderId, orderId));
    const paidBefore = Number(paid?.total ?? 0);
    const outstanding = order.totalKopecks - paidBefore;
    const amount = input.amountKopecks ?? outstanding;
    if (amount > outstanding)
      throw new AppError(
        'ORDER_OVERPAID',
        `Сумма ${formatMoney(amount)} больше остатка к оплате по счёту ${order.invoiceNumber}: ${formatMoney(outstanding)}`,
        [{ path: 'amountKopecks', message: `Не больше ${formatMoney(outstanding)}` }],
      );
    const [payment] = await tx
      .insert(orderPayments)
      .values({
        orderId,
        amountKopecks: amount,
        paidOn: input.paidOn,
        reference: input.reference,
        recordedBy: options.actor.userId,
        recordedByEmail: options.actor.email,
        createdAt: now,
      })
      .returning({ id: orderPayments.id });
    const fullyPaid = paidBefore + amount >= order.totalKopecks;
    if (fullyPaid)
      await tx
        .update(orders)
        .set({ paymentStatus: 'paid', paidAt: now, updatedAt: now })
        .where(eq(orders.id, orderId));
    await recordAudit(tx, {
      actor: options.actor,
      action: 'orders.payment_recorded',
      organizationId: order.organizationId,
      entityType: 'order',
      entityId: orderId,
      details: {
        paymentId: payment?.id,
        invoiceNumber: order.invoiceNumber,
        amountKopecks: amount,
        paidOn: input.paidOn,
        reference: input.reference,
        fullyPaid,
      },
    });
    const mailIds: string[] = [];
    if (fullyPaid) {
      const organization = await getOrganization(tx, order.organizationId);
      const to = await orderRecipients(tx, organization);
      if (to.length > 0)
        mailIds.push(
          await enqueueEmail(tx, {
            to,
            email: orderPaidEmail({
              ...orderMailFacts(deps, order, organization),
              paidOn: formatDate(input.paidOn),
            }),
            organizationId: order.organizationId,
            canSend: Boolean(deps.config.smtpUrl),
          }),
        );
    }
    // The stored response is a marker: a replay answers the order as it is then, which is what it would see.
    if (claim) await saveIdempotentResponse(tx, claim, { statusCode: 201, body: { orderId } });
    return { replayed: false, mailIds };
  });
  await dispatchEmails(deps, outcome.mailIds);
  return { order: await getOrder(deps.db, SYSTEM_SCOPE, orderId, now), replayed: outcome.replayed };
}
