import { eq, sql } from 'drizzle-orm';
import type { ActivationSummary } from '../../../shared/api/activations';
import { PARTNER_ACTING_ROLES } from '../../../shared/api/roles';
import { AppError } from '../../http/errors';
import type { Scope } from '../../http/scope';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { requirePartnerMayActivate } from '../offers/partner-terms';
import { getActivationSummary, lockActivationInScope } from './activation-view';
import { processActivationJob } from './jobs';
import { orderAccess } from './order-access';
import { isPendingDeviceConflict } from './pending-conflict';
import { activationItems, activations } from './schema';

/**
 * «Повторить запрос» (seed 002, 2.5), only for «Ошибка»: the activation takes its devices back (409 when
 * another activation in progress holds one of them — the partial unique index decides), goes back to
 * «В работе» with one more attempt and no error, and is handed to the job again after commit. Within the
 * scope only (a partner's viewer only reads). A partner's retry leads to a new order like a new activation
 * does, so it obeys the same rules: activation open for the organization and no overdue invoice on the partner
 * account (seed 002, section 1); staff may retry regardless.
 */
export async function retryActivation(
  deps: AppDeps,
  scope: Scope,
  activationId: string,
  actor: AuditActor,
  options: { now?: Date } = {},
): Promise<ActivationSummary> {
  const now = options.now ?? new Date();
  try {
    await deps.db.transaction(async (tx) => {
      const activation = await lockActivationInScope(tx, scope, activationId, PARTNER_ACTING_ROLES);
      if (activation.status !== 'failed')
        throw new AppError('CONFLICT', 'Повторить запрос можно только для активации со статусом «Ошибка»');
      if (scope.kind !== 'staff') {
        await requirePartnerMayActivate(tx, activation.organizationId);
        await orderAccess().requireNoOverdueOrders(tx, activation.organizationId, now);
      }
      await tx
        .update(activationItems)
        .set({ pending: true })
        .where(eq(activationItems.activationId, activationId));
      await tx
        .update(activations)
        .set({
          status: 'in_progress',
          error: null,
          attempts: sql`${activations.attempts} + 1`,
          updatedAt: now,
        })
        .where(eq(activations.id, activationId));
      await recordAudit(tx, {
        actor,
        action: 'activations.retried',
        organizationId: activation.organizationId,
        entityType: 'activation',
        entityId: activationId,
        details: {
          number: activation.number,
          previousError: activation.error,
          attempt: activation.attempts + 1,
        },
      });
    });
  } catch (error) {
    if (isPendingDeviceConflict(error))
      throw new AppError(
        'DEVICE_ACTIVATION_IN_PROGRESS',
        'Некоторые устройства этой активации уже участвуют в другой активации, которая выполняется. Дождитесь её завершения.',
      );
    throw error;
  }
  await deps.jobs.send(processActivationJob, { activationId }, { singletonKey: activationId });
  return getActivationSummary(deps.db, scope, activationId);
}
