import { asc, eq } from 'drizzle-orm';
import type { LicensorSettings } from '../../../shared/api/orders';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { getOrganization, type OrganizationRow } from '../organizations/organization-view';
import { getLicensor } from './licensor';
import { contractLabel } from './order-terms';
import { orderLines, orders } from './schema';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/** Everything the invoice and the УПД print, read once. */
export type DocumentData = {
  order: OrderRow;
  lines: OrderLineRow[];
  buyer: OrganizationRow;
  supplier: LicensorSettings;
  /** «Основание»: `Сублицензионный договор (Предоплата 100%) от 15.12.2025`. */
  contract: string;
};

export async function loadDocumentData(db: Db, orderId: string): Promise<DocumentData> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound('Заказ не найден');
  // One after another: `db` may be a transaction, which runs one statement at a time.
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNo));
  const buyer = await getOrganization(db, order.organizationId);
  const supplier = await getLicensor(db);
  return {
    order,
    lines,
    buyer,
    supplier,
    contract: contractLabel({
      paymentMode: order.paymentMode,
      postpaymentDays: order.postpaymentDays,
      contractDate: order.contractDate,
    }),
  };
}

/** `ИНН 7701234567, КПП 770101001` (no KPP for an ИП). */
export function innKpp(inn: string, kpp: string | null): string {
  return kpp ? `ИНН ${inn}, КПП ${kpp}` : `ИНН ${inn}`;
}

/** All lines exempt from VAT (пп. 26 п. 2 ст. 149 НК РФ): no счёт-фактура, УПД status 2. */
export function isVatExempt(lines: readonly OrderLineRow[]): boolean {
  return lines.every((line) => line.vatMode === 'exempt');
}
