import type { PaymentStatus } from '../../../shared/api/orders';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { definePort } from '../../port';

/** «№ заказа» and «Оплачено» of an activation. */
export type ActivationOrderRef = { orderId: string; orderNumber: number; paymentStatus: PaymentStatus };

/**
 * What the activation flow must know of orders: completing an activation makes its order in the same
 * transaction, an overdue invoice closes activation for the partner account, and the activation list shows
 * each one's order. Orders sit above activations — an order is made from an activation and references it —
 * so activations names the calls it needs here and `orders/activation-orders.ts` provides them;
 * `wireModules` (src/server/wiring.ts) plugs them in once.
 */
export type OrderAccess = {
  /** Inside the completing transaction; idempotent per activation. */
  createOrderForActivation(
    tx: Db,
    activationId: string,
    now: Date,
  ): Promise<{ orderId: string; orderNumber: number }>;
  /** After that transaction commits: starts the order's documents now instead of at the next sweep. */
  queueOrderDocuments(deps: AppDeps, orderId: string): Promise<void>;
  /** The orders of a page of activations at once, by activation id. */
  orderRefsForActivations(db: Db, activationIds: readonly string[]): Promise<Map<string, ActivationOrderRef>>;
  /** Why activation is closed for the organization's partner account right now, or null. */
  overdueReasonFor(db: Db, organizationId: string, now: Date): Promise<string | null>;
  /** Inside the activation's transaction: throws ACTIVATION_BLOCKED_OVERDUE (409) with the reason. */
  requireNoOverdueOrders(tx: Db, organizationId: string, now: Date): Promise<void>;
};

const port = definePort<OrderAccess>('OrderAccess', 'orders');

export const provideOrderAccess = port.provide;
export const orderAccess = port.get;
