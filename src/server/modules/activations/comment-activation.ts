import { eq } from 'drizzle-orm';
import type { ActivationSummary } from '../../../shared/api/activations';
import type { Db } from '../../db/client';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getActivationSummary } from './activation-view';
import { activations } from './schema';

/**
 * «Добавить комментарий» (seed 002, 2.4 and 2.5): e.g. for which client the activation was made. An empty
 * text removes it. The caller has checked the activation is the user's.
 */
export async function commentActivation(
  db: Db,
  activationId: string,
  input: { comment: string; organizationId: string },
  actor: AuditActor,
): Promise<ActivationSummary> {
  const comment = input.comment.trim() || null;
  await db.transaction(async (tx) => {
    await tx
      .update(activations)
      .set({ comment, updatedAt: new Date() })
      .where(eq(activations.id, activationId));
    await recordAudit(tx, {
      actor,
      action: 'activations.commented',
      organizationId: input.organizationId,
      entityType: 'activation',
      entityId: activationId,
      details: { comment },
    });
  });
  return getActivationSummary(db, activationId);
}
