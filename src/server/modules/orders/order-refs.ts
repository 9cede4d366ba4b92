import { inArray } from 'drizzle-orm';
import type { PaymentStatus } from '../../../shared/api/orders';
import type { Db } from '../../db/client';
import { orders } from './schema';

export type OrderRef = { orderId: string; orderNumber: number; paymentStatus: PaymentStatus };

/**
 * «№ заказа» and «Оплачено» of the activation list (seed 002, 2.1) for a page of activations at once. The
 * caller has already scoped the activations to the user's organizations; an order belongs to its activation.
 */
export async function orderRefsForActivations(
  db: Db,
  activationIds: readonly string[],
): Promise<Map<string, OrderRef>> {
  if (activationIds.length === 0) return new Map();
  const rows = await db
    .select({
      activationId: orders.activationId,
      orderId: orders.id,
      orderNumber: orders.number,
      paymentStatus: orders.paymentStatus,
    })
    .from(orders)
    .where(inArray(orders.activationId, [...activationIds]));
  return new Map(
    rows.map((r) => [
      r.activationId,
      {
        orderId: r.orderId,
        orderNumber: r.orderNumber,
        paymentStatus: r.paymentStatus === 'paid' ? 'paid' : 'pending',
      },
    ]),
  );
}
