import { ErrorResponse } from '../../../shared/api/common';
import {
  MemberList,
  OrganizationContactsUpdateBody,
  OrganizationResponse,
} from '../../../shared/api/organizations';
import { ORG_MANAGER_ROLES } from '../../../shared/api/roles';
import { requireTenant, tenantOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { listMembers } from './members';
import { getOrganization, toOrganizationResponse } from './organization-view';
import { updateOrganizationContacts } from './update-organization-contacts';

const tags = ['Организация'];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };

/** The caller's active organization: its card, its contacts, its people. */
export async function customerOrganizationRoutes(app: App): Promise<void> {
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
    handler: async (req) =>
      updateOrganizationContacts(deps, { scope: requireTenant(req), patch: req.body, actor: actorOf(req) }),
  });

  app.get('/api/v1/organization/members', {
    schema: { tags, summary: 'Пользователи организации', response: { 200: MemberList, ...errors } },
    preHandler: tenantOnly(ORG_MANAGER_ROLES),
    handler: async (req) => ({ items: await listMembers(deps.db, requireTenant(req).organizationId) }),
  });
}
