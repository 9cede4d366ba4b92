import { asc, eq } from 'drizzle-orm';
import type { OrderDetail } from '../../../shared/api/orders';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import type { Scope } from '../../http/scope';
import { findActivationRef } from '../activations/joins';
import { getOrganization } from '../organizations/organization-view';
import { getLicensor } from './licensor';
import { findOrderSummary } from './list-orders';
import { contractLabel, lineVatLabel } from './order-terms';
import { orderDocuments, orderLines, orderPayments } from './schema';

/** A blank value (a phone saved as '' from a form) is no contact: the next one in line answers instead. */
function filled(value: string | null): string | null {
  return value?.trim() ? value : null;
}

/** «Выбранный Заказ» (seed 002, 2.7); another organization's order answers 404 like a missing one. */
export async function getOrder(
  db: Db,
  scope: Scope,
  orderId: string,
  now = new Date(),
): Promise<OrderDetail> {
  const found = await findOrderSummary(db, scope, orderId, now);
  if (!found) throw notFound('Заказ не найден');
  const { summary, order } = found;
  const [lines, activation, documents, payments, licensor, buyer] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo)),
    findActivationRef(db, order.activationId),
    db.select().from(orderDocuments).where(eq(orderDocuments.orderId, orderId)),
    db
      .select()
      .from(orderPayments)
      .where(eq(orderPayments.orderId, orderId))
      .orderBy(asc(orderPayments.createdAt)),
    getLicensor(db),
    getOrganization(db, order.organizationId),
  ]);
  return {
    ...summary,
    // Блок «Заказчик» (seed 002, 2.7; issue 14.3): the person who activated, else the organization's contact
    // (read now, so a phone the organization adds later shows on older orders too); a dash only when neither.
    contactPhone: filled(order.contactPhone) ?? filled(buyer.contactPhone),
    contactEmail: filled(order.contactEmail) ?? filled(buyer.contactEmail) ?? buyer.email,
    contract: contractLabel({
      paymentMode: order.paymentMode,
      postpaymentDays: order.postpaymentDays,
      contractDate: order.contractDate,
    }),
    supplierName: licensor.shortName,
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      name: line.name,
      priceKopecks: line.priceKopecks,
      quantity: line.quantity,
      amountKopecks: line.amountKopecks,
      vatLabel: lineVatLabel(line.vatMode, line.vatRatePercent),
      vatKopecks: line.vatKopecks,
    })),
    vatKopecks: order.vatKopecks,
    activations: activation
      ? [
          {
            id: activation.id,
            number: activation.number,
            status: activation.status,
            vendorName: summary.vendorName,
            licenseCount: activation.licenseCount,
            totalKopecks: activation.totalKopecks,
          },
        ]
      : [],
    documents: documents
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'invoice' ? -1 : 1))
      .map((d) => ({
        kind: d.kind,
        number: d.number,
        date: d.documentDate,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
      })),
    payments: payments.map((p) => ({
      id: p.id,
      amountKopecks: p.amountKopecks,
      paidOn: p.paidOn,
      reference: p.reference,
      // Who in the back office recorded it is the operator's business, not the partner's.
      recordedByEmail: scope.kind === 'staff' ? p.recordedByEmail : null,
      createdAt: p.createdAt.toISOString(),
    })),
    paidAt: order.paidAt?.toISOString() ?? null,
  };
}
