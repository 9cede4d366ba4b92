import { eq } from 'drizzle-orm';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { organizationAccess } from './organization-access';
import { sessions } from './schema';

export type SwitchOrganizationOptions = {
  userId: string;
  sessionId: string;
  organizationId: string;
  actor: AuditActor;
};

/**
 * «Выбрать организацию»: the session works in another organization of the user. One where they are not a
 * member is not found (404, as another tenant's object); a blocked one is 403 ORGANIZATION_BLOCKED.
 */
export async function switchOrganization(deps: AppDeps, options: SwitchOrganizationOptions): Promise<void> {
  const { userId, sessionId, organizationId, actor } = options;
  const membership = await organizationAccess().findMembership(deps.db, userId, organizationId);
  if (!membership) throw new AppError('NOT_FOUND', 'Организация не найдена');
  if (membership.organizationStatus !== 'active') throw new AppError('ORGANIZATION_BLOCKED');
  await deps.db.transaction(async (tx) => {
    await tx.update(sessions).set({ activeOrganizationId: organizationId }).where(eq(sessions.id, sessionId));
    await recordAudit(tx, {
      actor,
      action: 'auth.organization_switched',
      organizationId,
      entityType: 'organization',
      entityId: organizationId,
    });
  });
}
