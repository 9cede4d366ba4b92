import {
  AdminUser,
  AdminUserCreateBody,
  AdminUserList,
  AdminUserListQuery,
  AdminUserUpdateBody,
  AuditList,
  AuditListQuery,
  MailList,
  MailListQuery,
  MailMessage,
  MailMessageDetail,
  PortalInfo,
} from '../../../shared/api/admin';
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
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { getOutboxMessage, listOutbox, retryOutboxMessage } from '../notifications/outbox';
import { changeMemberRole, listMembers, removeMember } from '../organizations/members';
import { getOrganization, toOrganizationResponse } from '../organizations/organization-view';
import {
  createOrganization,
  setOrganizationStatus,
  updateOrganization,
} from '../organizations/save-organization';
import { savePortalInfo } from '../system/portal-info';
import { listAudit } from './list-audit';
import { listOrganizations } from './list-organizations';
import {
  addPersonToOrganization,
  createUser,
  sendUserPasswordReset,
  setUserStatus,
  updateUser,
} from './save-user';
import { getAdminUser, listUsers } from './users';

const errors = ERROR_RESPONSES;

/** The operator's back office API (`/admin` in the web app). */
export async function adminRoutes(app: App): Promise<void> {
  const { deps } = app;
  const orgTags = ['Бэк-офис: организации'];
  const userTags = ['Бэк-офис: пользователи'];
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

  app.get('/api/v1/admin/users', {
    schema: {
      tags: userTags,
      summary: 'Пользователи',
      querystring: AdminUserListQuery,
      response: { 200: AdminUserList, ...errors },
    },
    preHandler: read,
    handler: async (req) => listUsers(deps.db, req.query),
  });
  app.post('/api/v1/admin/users', {
    schema: {
      tags: userTags,
      summary: 'Создать пользователя',
      body: AdminUserCreateBody,
      response: { 201: AdminUser, ...errors },
    },
    preHandler: staffOnly('editUsers'),
    handler: async (req, reply) => {
      if (req.body.staffRole && req.auth?.user.staffRole !== 'admin')
        throw new AppError('FORBIDDEN', 'Сотрудников оператора создаёт только администратор');
      const user = await createUser(deps, req.body, actorOf(req));
      return reply.code(201).send(await getAdminUser(deps.db, user.id));
    },
  });
  app.get('/api/v1/admin/users/:id', {
    schema: {
      tags: userTags,
      summary: 'Пользователь',
      params: IdParams,
      response: { 200: AdminUser, ...errors },
    },
    preHandler: read,
    handler: async (req) => getAdminUser(deps.db, req.params.id),
  });
  app.patch('/api/v1/admin/users/:id', {
    schema: {
      tags: userTags,
      summary: 'Изменить пользователя',
      params: IdParams,
      body: AdminUserUpdateBody,
      response: { 200: AdminUser, ...errors },
    },
    preHandler: staffOnly('editUsers'),
    handler: async (req) => {
      const target = await getAdminUser(deps.db, req.params.id);
      const touchesStaff = req.body.staffRole !== undefined || target.staffRole !== null;
      if (touchesStaff && req.auth?.user.staffRole !== 'admin')
        throw new AppError('FORBIDDEN', 'Сотрудников оператора изменяет только администратор');
      await updateUser(deps, req.params.id, req.body, actorOf(req));
      return getAdminUser(deps.db, req.params.id);
    },
  });
  for (const [action, status] of [
    ['block', 'blocked'],
    ['unblock', 'active'],
  ] as const) {
    app.post(`/api/v1/admin/users/:id/${action}`, {
      schema: {
        tags: userTags,
        summary: action === 'block' ? 'Заблокировать пользователя' : 'Разблокировать пользователя',
        params: IdParams,
        response: { 200: AdminUser, ...errors },
      },
      preHandler: staffOnly('editUsers'),
      handler: async (req) => {
        const target = await getAdminUser(deps.db, req.params.id);
        if (target.staffRole && req.auth?.user.staffRole !== 'admin')
          throw new AppError('FORBIDDEN', 'Сотрудников оператора блокирует только администратор');
        await setUserStatus(deps, req.params.id, status, actorOf(req));
        return getAdminUser(deps.db, req.params.id);
      },
    });
  }
  app.post('/api/v1/admin/users/:id/password-reset', {
    schema: {
      tags: userTags,
      summary: 'Отправить ссылку для смены пароля',
      params: IdParams,
      response: { 200: OkResponse, ...errors },
    },
    preHandler: staffOnly('sendPasswordReset'),
    handler: async (req) => {
      // A reset link for staff is a way into the back office: only an administrator may send one.
      const target = await getAdminUser(deps.db, req.params.id);
      if (target.staffRole && req.auth?.user.staffRole !== 'admin') {
        throw new AppError('FORBIDDEN', 'Ссылку сотруднику оператора отправляет только администратор');
      }
      await sendUserPasswordReset(deps, req.params.id, actorOf(req));
      return { ok: true as const };
    },
  });

  app.get('/api/v1/admin/audit', {
    schema: {
      tags: ['Бэк-офис: аудит'],
      summary: 'Журнал аудита',
      querystring: AuditListQuery,
      response: { 200: AuditList, ...errors },
    },
    preHandler: staffOnly('readAudit'),
    handler: async (req) => listAudit(deps.db, req.query),
  });

  const mailTags = ['Бэк-офис: почта'];
  app.get('/api/v1/admin/mail', {
    schema: {
      tags: mailTags,
      summary: 'Исходящая почта',
      querystring: MailListQuery,
      response: { 200: MailList, ...errors },
    },
    preHandler: staffOnly('readMail'),
    handler: async (req) => listOutbox(deps.db, req.query),
  });
  app.get('/api/v1/admin/mail/:id', {
    schema: {
      tags: mailTags,
      summary: 'Письмо',
      params: IdParams,
      response: { 200: MailMessageDetail, ...errors },
    },
    preHandler: staffOnly('readMail'),
    handler: async (req) =>
      getOutboxMessage(deps.db, req.params.id, { revealLinks: req.auth?.user.staffRole === 'admin' }),
  });
  app.post('/api/v1/admin/mail/:id/retry', {
    schema: {
      tags: mailTags,
      summary: 'Отправить повторно',
      params: IdParams,
      response: { 200: MailMessage, ...errors },
    },
    preHandler: staffOnly('readMail'),
    handler: async (req) => retryOutboxMessage(deps, req.params.id, actorOf(req)),
  });

  app.put('/api/v1/admin/portal-info', {
    schema: {
      tags: ['Бэк-офис: настройки'],
      summary: 'О нас / Контакты',
      body: PortalInfo,
      response: { 200: PortalInfo, ...errors },
    },
    preHandler: staffOnly('editPortalInfo'),
    handler: async (req) => savePortalInfo(deps.db, req.body, actorOf(req)),
  });
}
