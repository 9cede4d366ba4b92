import { eq, inArray, type SQL } from 'drizzle-orm';
import type { ActivationSummary } from '../../../shared/api/activations';
import type { MembershipRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { requireInScope, type Scope } from '../../http/scope';
import { joinOrganization, organizationRef } from '../organizations/joins';
import { joinVendor, vendorRef } from '../vendors/joins';
import { orderAccess } from './order-access';
import { activations } from './schema';

export type ActivationRow = typeof activations.$inferSelect;

/** The columns of a summary; the organization's and vendor's names are joined for display only. */
export const SUMMARY_COLUMNS = {
  id: activations.id,
  number: activations.number,
  organizationId: activations.organizationId,
  organizationName: organizationRef.shortName,
  organizationInn: organizationRef.inn,
  status: activations.status,
  vendorId: activations.vendorId,
  vendorName: vendorRef.name,
  installMethod: vendorRef.installMethod,
  licenseCount: activations.licenseCount,
  totalKopecks: activations.totalKopecks,
  comment: activations.comment,
  error: activations.error,
  createdAt: activations.createdAt,
  completedAt: activations.completedAt,
};

/** `select … from activations` joined with what a summary shows; the caller adds where / order / limit. */
export function selectSummaries(db: Db, where: SQL | undefined) {
  return db
    .select(SUMMARY_COLUMNS)
    .from(activations)
    .innerJoin(...joinOrganization(activations.organizationId))
    .innerJoin(...joinVendor(activations.vendorId))
    .where(where);
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/** Rows → summaries, with «№ заказа» and «Оплачено» from the orders module for all of them at once. */
export async function toSummaries(db: Db, rows: SummaryRow[]): Promise<ActivationSummary[]> {
  const orders = await orderAccess().orderRefsForActivations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const order = orders.get(row.id);
    return {
      ...row,
      status: row.status,
      installMethod: row.installMethod,
      orderId: order?.orderId ?? null,
      orderNumber: order?.orderNumber ?? null,
      paymentStatus: order?.paymentStatus ?? null,
      createdAt: row.createdAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
    };
  });
}

/** Summaries of the given activations by number (the answer to a request that created several). */
export async function activationSummaries(db: Db, ids: string[]): Promise<ActivationSummary[]> {
  if (ids.length === 0) return [];
  const rows = await selectSummaries(db, inArray(activations.id, ids)).orderBy(activations.number);
  return toSummaries(db, rows);
}

const NOT_FOUND = 'Активация не найдена';

/**
 * An activation within the scope, else 404 — also another partner's, so its existence does not leak. With
 * `roles` the caller must also be allowed to act in its organization (http/scope.ts, `requireInScope`).
 */
export async function findActivationInScope(
  db: Db,
  scope: Scope,
  id: string,
  roles?: readonly MembershipRole[],
): Promise<ActivationRow> {
  const [row] = await db.select().from(activations).where(eq(activations.id, id));
  if (!row) throw notFound(NOT_FOUND);
  requireInScope(scope, row.organizationId, { roles, notFound: NOT_FOUND });
  return row;
}

/** «Активация» (seed 002, 2.5) as lists show it, within the scope. */
export async function getActivationSummary(db: Db, scope: Scope, id: string): Promise<ActivationSummary> {
  await findActivationInScope(db, scope, id);
  const [summary] = await activationSummaries(db, [id]);
  if (!summary) throw notFound(NOT_FOUND);
  return summary;
}

/** Locks the activation for the caller's transaction: processing, retry and completion queue behind it. */
export async function lockActivation(tx: Db, id: string): Promise<ActivationRow | null> {
  const [row] = await tx.select().from(activations).where(eq(activations.id, id)).for('update');
  return row ?? null;
}

/** {@link lockActivation} within the scope (404 outside it), with the acting check of `roles`. */
export async function lockActivationInScope(
  tx: Db,
  scope: Scope,
  id: string,
  roles?: readonly MembershipRole[],
): Promise<ActivationRow> {
  const row = await lockActivation(tx, id);
  if (!row) throw notFound(NOT_FOUND);
  requireInScope(scope, row.organizationId, { roles, notFound: NOT_FOUND });
  return row;
}
