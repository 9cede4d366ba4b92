import { eq } from 'drizzle-orm';
import { ErrorResponse } from '../../../shared/api/common';
import {
  MemberList,
  OrganizationContactsUpdateBody,
  OrganizationResponse,
} from '../../../shared/api/organizations';
import { ORG_MANAGER_ROLES } from '../../../shared/api/roles';
import { requireTenant, tenantOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf, recordAudit } from '../audit/record-audit';
import { listMembers } from './members';
import { getOrganization, toOrganizationResponse } from './organization-view';
import { organizations } from './schema';

const tags = ['Организация'];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };

/** The caller's active organization: its card, its contacts, its people. */
export async function organizationRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.get('/api/v1/organization', {
    schema: { tags, summary: 'Текущая организация', response: { 200: OrganizationResponse, ...errors } },
    preHandler: tenantOnly(),
    handler: async (req) =>
      toOrganizationResponse(await getOrganization(deps.db, requireTenant(req).organizationId)),
  });

  app.patch('/api/v1/organization', {
    schema: {
      tags,
      summary: 'Изменить контакты и адреса для документов',
      body: OrganizationContactsUpdateBody,
      response: { 200: OrganizationResponse, 400: ErrorResponse, ...errors },
    },
    preHandler: tenantOnly(ORG_MANAGER_ROLES),
    handler: async (req) => {
      const { organizationId } = requireTenant(req);
      const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      const row = await deps.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(organizations)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(organizations.id, organizationId))
          .returning();
        await recordAudit(tx, {
          actor: actorOf(req),
          action: 'org.updated',
          organizationId,
          entityType: 'organization',
          entityId: organizationId,
          details: { changed: Object.keys(patch) },
        });
        return updated;
      });
      return toOrganizationResponse(row ?? (await getOrganization(deps.db, organizationId)));
    },
  });

  app.get('/api/v1/organization/members', {
    schema: { tags, summary: 'Пользователи организации', response: { 200: MemberList, ...errors } },
    preHandler: tenantOnly(ORG_MANAGER_ROLES),
    handler: async (req) => ({ items: await listMembers(deps.db, requireTenant(req).organizationId) }),
  });
}
