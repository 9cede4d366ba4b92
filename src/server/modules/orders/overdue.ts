import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { formatDate, moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { accountOrganizationIds } from '../offers/partner-terms';
import { joinOrganization, organizationRef } from '../organizations/joins';
import { orders } from './schema';

/**
 * Why activation is closed for the organization right now, or null: the oldest unpaid invoice past its due
 * date among all organizations of its partner account (seed 002, section 1: «В случае отсутствия Оплаты …
 * Лицензиар оставляет за собой право блокировать возможность дальнейшей Активации лицензий в ЛКП для всех
 * Организаций, привязанных к учетной записи ЛКП»). Computed from unpaid orders, so paying lifts it at once.
 */
export async function overdueReasonFor(db: Db, organizationId: string, now: Date): Promise<string | null> {
  const organizationIds = await accountOrganizationIds(db, organizationId);
  const today = moscowIsoDate(now);
  const [row] = await db
    .select({
      invoiceNumber: orders.invoiceNumber,
      orderDate: orders.orderDate,
      dueDate: orders.dueDate,
      organizationName: organizationRef.shortName,
    })
    .from(orders)
    .innerJoin(...joinOrganization(orders.organizationId))
    .where(
      and(
        inArray(orders.organizationId, organizationIds),
        eq(orders.paymentStatus, 'pending'),
        lt(orders.dueDate, today),
      ),
    )
    .orderBy(asc(orders.dueDate), asc(orders.number))
    .limit(1);
  if (!row) return null;
  return `Активация лицензий приостановлена: не оплачен счёт ${row.invoiceNumber} от ${formatDate(row.orderDate)} (${row.organizationName}), срок оплаты истёк ${formatDate(row.dueDate)}. После оплаты активация откроется автоматически.`;
}

/** For the activation flow, inside its transaction: throws ACTIVATION_BLOCKED_OVERDUE (409) with the reason. */
export async function requireNoOverdueOrders(tx: Db, organizationId: string, now: Date): Promise<void> {
  const reason = await overdueReasonFor(tx, organizationId, now);
  if (reason) throw new AppError('ACTIVATION_BLOCKED_OVERDUE', reason);
}
