import { ERROR_RESPONSES, IdParams, OkResponse } from '../../../shared/api/common';
import {
  Member,
  MemberAddBody,
  MemberList,
  MemberParams,
  MemberUpdateBody,
  OrganizationCreateBody,
  OrganizationList,
  OrganizationListQuery,
  OrganizationResponse,
  OrganizationUpdateBody,
} from '../../../shared/api/organizations';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { addPersonToOrganization } from './add-person-to-organization';
import { listOrganizations } from './list-organizations';
import { changeMemberRole, listMembers, removeMember } from './members';
import { getOrganization, toOrganizationResponse } from './organization-view';
import { createOrganization, setOrganizationStatus, updateOrganization } from './save-organization';

const errors = ERROR_RESPONSES;

/**
 * «Организации» of the back office: the directory, the card, blocking, the members and their roles, and adding a
 * person (a known email joins; a new one is created through identity and invited).
 */
export async function adminOrganizationRoutes(app: App): Promise<void> {
  const { deps } = app;
  const orgTags = ['Бэк-офис: организации'];
  const read = staffOnly('readDirectory');
  const editOrgs = staffOnly('editOrganizations');

  app.get('/api/v1/admin/organizations', {
    schema: {
      tags: orgTags,
      summary: 'Организации',
      querystring: OrganizationListQuery,
      response: { 200: OrganizationList, ...errors },
    },
    preHandler: read,
    handler: async (req) => listOrganizations(deps.db, req.query),
  });
  app.post('/api/v1/admin/organizations', {
    schema: {
      tags: orgTags,
      summary: 'Создать организацию',
      body: OrganizationCreateBody,
      response: { 201: OrganizationResponse, ...errors },
    },
    preHandler: editOrgs,
    handler: async (req, reply) =>
      reply.code(201).send(toOrganizationResponse(await createOrganization(deps.db, req.body, actorOf(req)))),
  });
  app.get('/api/v1/admin/organizations/:id', {
    schema: {
      tags: orgTags,
      summary: 'Организация',
      params: IdParams,
      response: { 200: OrganizationResponse, ...errors },
    },
    preHandler: read,
    handler: async (req) => toOrganizationResponse(await getOrganization(deps.db, req.params.id)),
  });
  app.patch('/api/v1/admin/organizations/:id', {
    schema: {
      tags: orgTags,
      summary: 'Изменить организацию',
      params: IdParams,
      body: OrganizationUpdateBody,
      response: { 200: OrganizationResponse, ...errors },
    },
    preHandler: editOrgs,
    handler: async (req) =>
      toOrganizationResponse(await updateOrganization(deps.db, req.params.id, req.body, actorOf(req))),
  });
  for (const [action, status] of [
    ['block', 'blocked'],
    ['unblock', 'active'],
  ] as const) {
    app.post(`/api/v1/admin/organizations/:id/${action}`, {
      schema: {
        tags: orgTags,
        summary: action === 'block' ? 'Заблокировать организацию' : 'Разблокировать организацию',
        params: IdParams,
        response: { 200: OrganizationResponse, ...errors },
      },
      preHandler: editOrgs,
      handler: async (req) =>
        toOrganizationResponse(await setOrganizationStatus(deps.db, req.params.id, status, actorOf(req))),
    });
  }
  app.get('/api/v1/admin/organizations/:id/members', {
    schema: {
      tags: orgTags,
      summary: 'Пользователи организации',
      params: IdParams,
      response: { 200: MemberList, ...errors },
    },
    preHandler: read,
    handler: async (req) => {
      await getOrganization(deps.db, req.params.id);
      return { items: await listMembers(deps.db, req.params.id) };
    },
  });
  app.patch('/api/v1/admin/organizations/:id/members/:userId', {
    schema: {
      tags: orgTags,
      summary: 'Изменить роль',
      params: MemberParams,
      body: MemberUpdateBody,
      response: { 200: Member, ...errors },
    },
    preHandler: editOrgs,
    handler: async (req) =>
      changeMemberRole(
        deps.db,
        { organizationId: req.params.id, userId: req.params.userId, role: req.body.role },
        actorOf(req),
      ),
  });
  app.delete('/api/v1/admin/organizations/:id/members/:userId', {
    schema: {
      tags: orgTags,
      summary: 'Исключить из организации',
      params: MemberParams,
      response: { 200: OkResponse, ...errors },
    },
    preHandler: editOrgs,
    handler: async (req) => {
      await removeMember(deps.db, { organizationId: req.params.id, userId: req.params.userId }, actorOf(req));
      return { ok: true as const };
    },
  });
  // Registered last, so the OpenAPI document keeps the order it had when identity served this route.
  app.post('/api/v1/admin/organizations/:id/members', {
    schema: {
      tags: orgTags,
      summary: 'Добавить пользователя в организацию',
      params: IdParams,
      body: MemberAddBody,
      response: { 201: Member, ...errors },
    },
    preHandler: editOrgs,
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await addPersonToOrganization(deps, { organizationId: req.params.id, ...req.body }, actorOf(req)),
        ),
  });
}
