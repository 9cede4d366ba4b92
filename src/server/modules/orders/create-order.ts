import { eq } from 'drizzle-orm';
import { moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { lockActivationWithItems } from '../activations/joins';
import { findUserById } from '../identity/users';
import { requireOfferAccepted } from '../offers/accept-offer';
import { partnerTermsOf } from '../offers/partner-terms';
import { takeCounterBlock } from '../system/counters';
import { generateOrderDocumentsJob } from './jobs';
import { getLicensor } from './licensor';
import { dueDateFor, formatInvoiceNumber, groupOrderLines } from './order-terms';
import { orderLines, orders } from './schema';

/**
 * «Заказ создается в ЛКП автоматически после успешной Активации лицензий» (seed 002, section 1). Call it
 * inside the transaction that completes the activation: the order, its lines and its numbers (order № from
 * the counter `order`, invoice `ПГ-118` from `invoice:<year>`) commit with the completion or not at all.
 * Idempotent: a second call for the same activation returns the existing order. The documents are made
 * afterwards by the `generate-order-documents` job — the sweeper finds the order within a minute, and
 * {@link queueOrderDocuments} after commit starts it at once.
 */
export async function createOrderForActivation(
  tx: Db,
  activationId: string,
  now: Date,
): Promise<{ orderId: string; orderNumber: number }> {
  // The row lock makes parallel completions of one activation queue here, so only one of them numbers an order.
  const locked = await lockActivationWithItems(tx, activationId);
  if (!locked) throw notFound('Активация не найдена');
  const { activation, items } = locked;
  const [existing] = await tx
    .select({ orderId: orders.id, orderNumber: orders.number })
    .from(orders)
    .where(eq(orders.activationId, activationId));
  if (existing) return existing;

  if (items.length === 0) throw new Error(`activation ${activationId} has no items: nothing to order`);
  const terms = (await partnerTermsOf(tx, [activation.organizationId])).get(activation.organizationId);
  if (!terms) throw new Error('partnerTermsOf returned no terms');
  // The contract in force when the partner sent the request (processing may finish after a new version).
  const offer = await requireOfferAccepted(tx, activation.organizationId, activation.createdAt);
  const creator = activation.createdBy ? await findUserById(tx, activation.createdBy) : null;
  const licensor = await getLicensor(tx);

  const lines = groupOrderLines(
    items.map((item) => ({
      licenseTypeId: item.licenseTypeId,
      licenseTypeName: item.licenseTypeName,
      priceKopecks: item.priceKopecks,
      vatMode: item.vatMode,
      vatRatePercent: item.vatRatePercent,
    })),
  );
  const orderDate = moscowIsoDate(now);
  const invoiceYear = Number(orderDate.slice(0, 4));
  const { first: orderNumber } = await takeCounterBlock(tx, 'order', 1);
  const { first: invoiceSeq } = await takeCounterBlock(tx, `invoice:${invoiceYear}`, 1);

  const [order] = await tx
    .insert(orders)
    .values({
      number: orderNumber,
      activationId,
      organizationId: activation.organizationId,
      vendorId: activation.vendorId,
      invoiceNumber: formatInvoiceNumber(licensor.invoicePrefix, invoiceSeq),
      invoiceYear,
      invoiceSeq,
      orderDate,
      paymentMode: terms.paymentMode,
      postpaymentDays: terms.paymentMode === 'postpayment' ? terms.postpaymentDays : null,
      dueDate: dueDateFor(orderDate, terms.paymentMode, terms.postpaymentDays),
      totalKopecks: lines.reduce((sum, line) => sum + line.amountKopecks, 0),
      vatKopecks: lines.reduce((sum, line) => sum + line.vatKopecks, 0),
      contractTitle: offer.title,
      contractDate: moscowIsoDate(offer.acceptedAt),
      contactName: creator?.name ?? activation.createdByName,
      contactPhone: creator?.phone ?? null,
      contactEmail: creator?.email ?? activation.createdByEmail,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: orders.id });
  if (!order) throw new Error('orders insert returned nothing');
  await tx.insert(orderLines).values(
    lines.map((line) => ({
      orderId: order.id,
      lineNo: line.lineNo,
      licenseTypeId: line.licenseTypeId,
      name: line.name,
      priceKopecks: line.priceKopecks,
      quantity: line.quantity,
      amountKopecks: line.amountKopecks,
      vatMode: line.vatMode,
      vatRatePercent: line.vatRatePercent,
      vatKopecks: line.vatKopecks,
    })),
  );
  return { orderId: order.id, orderNumber };
}

/**
 * Starts the documents of a committed order now instead of at the next sweep. Call it after the transaction
 * that created the order has committed (a job that ran before the commit would not see the order).
 */
export async function queueOrderDocuments(deps: AppDeps, orderId: string): Promise<void> {
  await deps.jobs.send(generateOrderDocumentsJob, { orderId }, { singletonKey: orderId });
}
