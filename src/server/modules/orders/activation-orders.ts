import type { OrderAccess } from '../activations/order-access';
import { createOrderForActivation, queueOrderDocuments } from './create-order';
import { orderRefsForActivations } from './order-refs';
import { overdueReasonFor, requireNoOverdueOrders } from './overdue';

/** What the activation flow calls of orders (`activations/order-access.ts`); `wireModules` plugs it in. */
export const ordersForActivations: OrderAccess = {
  createOrderForActivation,
  queueOrderDocuments,
  orderRefsForActivations,
  overdueReasonFor,
  requireNoOverdueOrders,
};
