import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { paymentTermsLabel } from '../../../shared/api/offers';
import type { OrderList, OrderListQuery, OrderSummary } from '../../../shared/api/orders';
import { moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { inScope, type Scope } from '../../http/scope';
import { activationRef, joinActivation } from '../activations/joins';
import { joinOrganization, organizationMatches, organizationRef } from '../organizations/joins';
import { joinVendor, vendorRef } from '../vendors/joins';
import { orders } from './schema';

export const summaryColumns = {
  order: orders,
  organizationName: organizationRef.shortName,
  organizationInn: organizationRef.inn,
  activationNumber: activationRef.number,
  vendorName: vendorRef.name,
};

type SummaryRow = {
  order: typeof orders.$inferSelect;
  organizationName: string;
  organizationInn: string;
  activationNumber: number;
  vendorName: string;
};

export function toOrderSummary(row: SummaryRow, today: string): OrderSummary {
  const { order } = row;
  return {
    id: order.id,
    number: order.number,
    invoiceNumber: order.invoiceNumber,
    organizationId: order.organizationId,
    organizationName: row.organizationName,
    organizationInn: row.organizationInn,
    orderDate: order.orderDate,
    status: order.status,
    paymentMode: order.paymentMode,
    paymentTermsLabel: paymentTermsLabel(order.paymentMode, order.postpaymentDays),
    totalKopecks: order.totalKopecks,
    paymentStatus: order.paymentStatus,
    dueDate: order.dueDate,
    overdue: order.paymentStatus === 'pending' && order.dueDate < today,
    contactName: order.contactName,
    activationId: order.activationId,
    activationNumber: row.activationNumber,
    vendorName: row.vendorName,
  };
}

function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const digits = /^\d{1,9}$/.test(text) ? Number(text) : null;
  return or(
    ilike(orders.invoiceNumber, likePattern(text)),
    organizationMatches(text),
    ...(digits === null
      ? []
      : [eq(orders.number, digits), eq(activationRef.number, digits), eq(orders.invoiceSeq, digits)]),
  );
}

const SORTS = {
  number: orders.number,
  orderDate: orders.orderDate,
  total: orders.totalKopecks,
} as const;

/**
 * «Заказы» (seed 002, 2.6): search over order №, invoice №, activation № and the organization, filters by
 * organization, payment and overdue, sorting and pages. The scope comes first, so a filter never widens it.
 */
export async function listOrders(
  db: Db,
  scope: Scope,
  query: z.output<typeof OrderListQuery>,
  now = new Date(),
): Promise<OrderList> {
  const today = moscowIsoDate(now);
  const overdue = and(eq(orders.paymentStatus, 'pending'), lt(orders.dueDate, today));
  const where = inScope(
    scope,
    orders.organizationId,
    query.organizationId ? eq(orders.organizationId, query.organizationId) : undefined,
    query.paymentStatus ? eq(orders.paymentStatus, query.paymentStatus) : undefined,
    query.overdue === 'true' ? overdue : undefined,
    query.overdue === 'false' ? or(eq(orders.paymentStatus, 'paid'), gte(orders.dueDate, today)) : undefined,
    searchCondition(query.q),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const base = () =>
    db
      .select(summaryColumns)
      .from(orders)
      .innerJoin(...joinOrganization(orders.organizationId))
      .innerJoin(...joinActivation(orders.activationId))
      .innerJoin(...joinVendor(orders.vendorId));
  const rows = await base()
    .where(where)
    .orderBy(direction(SORTS[query.sort]), direction(orders.number))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db
    .select({ n: count() })
    .from(orders)
    .innerJoin(...joinOrganization(orders.organizationId))
    .innerJoin(...joinActivation(orders.activationId))
    .where(where);
  return {
    items: rows.map((row) => toOrderSummary(row, today)),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The same search for one order by id within the scope (detail pages), or null. */
export async function findOrderSummary(
  db: Db,
  scope: Scope,
  orderId: string,
  now = new Date(),
): Promise<{ summary: OrderSummary; order: typeof orders.$inferSelect } | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(orders)
    .innerJoin(...joinOrganization(orders.organizationId))
    .innerJoin(...joinActivation(orders.activationId))
    .innerJoin(...joinVendor(orders.vendorId))
    .where(inScope(scope, orders.organizationId, eq(orders.id, orderId)));
  return row ? { summary: toOrderSummary(row, moscowIsoDate(now)), order: row.order } : null;
}
