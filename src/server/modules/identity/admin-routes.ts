import type { FastifyRequest } from 'fastify';
import {
  AdminUser,
  AdminUserCreateBody,
  AdminUserList,
  AdminUserListQuery,
  AdminUserUpdateBody,
} from '../../../shared/api/admin';
import { ERROR_RESPONSES, IdParams, OkResponse } from '../../../shared/api/common';
import type { StaffRole } from '../../../shared/api/roles';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { createUser } from './create-user';
import { getAdminUser, listUsers } from './list-users';
import { sendUserPasswordReset } from './send-user-password-reset';
import { setUserStatus } from './set-user-status';
import { updateUser } from './update-user';

const errors = ERROR_RESPONSES;

/** The staff role the use cases check staff-only changes against; an integration token has none. */
const actingRole = (req: FastifyRequest): StaffRole | null => req.auth?.user.staffRole ?? null;

/** «Пользователи» of the back office. (Adding a person to an organization is organizations/admin-routes.ts.) */
export async function adminUserRoutes(app: App): Promise<void> {
  const { deps } = app;
  const userTags = ['Бэк-офис: пользователи'];
  const read = staffOnly('readDirectory');

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
      const user = await createUser(deps, {
        input: req.body,
        actingRole: actingRole(req),
        actor: actorOf(req),
      });
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
      await updateUser(deps, {
        id: req.params.id,
        patch: req.body,
        actingRole: actingRole(req),
        actor: actorOf(req),
      });
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
        await setUserStatus(deps, {
          id: req.params.id,
          status,
          actingRole: actingRole(req),
          actor: actorOf(req),
        });
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
      await sendUserPasswordReset(deps, {
        id: req.params.id,
        actingRole: actingRole(req),
        actor: actorOf(req),
      });
      return { ok: true as const };
    },
  });
}
