import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { recordAudit } from '../audit/record-audit';
import { getOrganization } from '../organizations/organization-view';
import { getVendor } from '../vendors/vendor-view';
import { lockActivation } from './activation-view';
import { notifyActivationOutcome } from './notify-activation';
import { activationItems, activations } from './schema';

const SYSTEM = { userId: null, email: null, ip: null };

/**
 * «Ошибка» (seed 002, 2.5): the activation keeps the vendor's error text, releases its devices (so a new
 * activation or «Повторить запрос» may take them) and the creator is told — in one transaction, and only
 * while it is still «В работе». Returns the mail ids to dispatch after commit (none when nothing changed).
 */
export async function failActivation(
  deps: AppDeps,
  activationId: string,
  error: string,
  now: Date,
): Promise<string[]> {
  return deps.db.transaction(async (tx) => {
    const activation = await lockActivation(tx, activationId);
    if (activation?.status !== 'in_progress') return [];
    const [organization, vendor] = await Promise.all([
      getOrganization(tx, activation.organizationId),
      getVendor(tx, activation.vendorId),
    ]);
    await tx
      .update(activations)
      .set({ status: 'failed', error, updatedAt: now })
      .where(eq(activations.id, activationId));
    await tx
      .update(activationItems)
      .set({ pending: false })
      .where(eq(activationItems.activationId, activationId));
    await recordAudit(tx, {
      actor: SYSTEM,
      action: 'activations.failed',
      organizationId: activation.organizationId,
      entityType: 'activation',
      entityId: activationId,
      details: { number: activation.number, error, attempts: activation.attempts },
    });
    return notifyActivationOutcome(tx, deps, { activation, organization, vendor }, { kind: 'failed', error });
  });
}
