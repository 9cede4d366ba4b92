import { eq } from 'drizzle-orm';
import type { OrganizationContactsUpdateBody, OrganizationResponse } from '../../../shared/api/organizations';
import { ORG_MANAGER_ROLES } from '../../../shared/api/roles';
import { type MemberScope, requireInScope } from '../../http/scope';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getOrganization, toOrganizationResponse } from './organization-view';
import { organizations } from './schema';

export type UpdateOrganizationContactsOptions = {
  scope: MemberScope;
  patch: OrganizationContactsUpdateBody;
  actor: AuditActor;
};

/**
 * «Контакты и адреса для документов» of the caller's active organization: only its owner or administrator
 * changes them (requisites stay with the operator); the audit row names the fields changed.
 */
export async function updateOrganizationContacts(
  deps: AppDeps,
  { scope, patch, actor }: UpdateOrganizationContactsOptions,
): Promise<OrganizationResponse> {
  const { organizationId } = scope;
  requireInScope(scope, organizationId, { roles: ORG_MANAGER_ROLES });
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organizations)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(organizations.id, organizationId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'org.updated',
      organizationId,
      entityType: 'organization',
      entityId: organizationId,
      details: { changed: Object.keys(values) },
    });
    return updated;
  });
  return toOrganizationResponse(row ?? (await getOrganization(deps.db, organizationId)));
}
