import { eq } from 'drizzle-orm';
import type { ActivationSummary } from '../../../shared/api/activations';
import { PARTNER_ACTING_ROLES } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import type { Scope } from '../../http/scope';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { findActivationInScope, getActivationSummary } from './activation-view';
import { activations } from './schema';

/**
 * «Добавить комментарий» (seed 002, 2.4 and 2.5): e.g. for which client the activation was made. An empty
 * text removes it. A partner's viewer only reads.
 */
export async function commentActivation(
  db: Db,
  scope: Scope,
  activationId: string,
  input: { comment: string },
  actor: AuditActor,
): Promise<ActivationSummary> {
  const comment = input.comment.trim() || null;
  const { organizationId } = await findActivationInScope(db, scope, activationId, PARTNER_ACTING_ROLES);
  await db.transaction(async (tx) => {
    await tx
      .update(activations)
      .set({ comment, updatedAt: new Date() })
      .where(eq(activations.id, activationId));
    await recordAudit(tx, {
      actor,
      action: 'activations.commented',
      organizationId,
      entityType: 'activation',
      entityId: activationId,
      details: { comment },
    });
  });
  return getActivationSummary(db, scope, activationId);
}
