import { z } from 'zod';
import {
  ChangePasswordBody,
  MeResponse,
  ProfileUpdateBody,
  SessionList,
  SwitchOrganizationBody,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorSetupResponse,
} from '../../../shared/api/auth';
import { ErrorResponse, OkResponse } from '../../../shared/api/common';
import { clearSessionCookie, requireAuth } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { changePassword } from './change-password';
import { listSessions } from './list-sessions';
import { logOutEverywhere } from './log-out-everywhere';
import { buildMe } from './me';
import { revokeSession } from './revoke-session';
import { switchOrganization } from './switch-organization';
import { disableTwoFactor, enableTwoFactor, setupTwoFactor } from './two-factor';
import { updateProfile } from './update-profile';

const tags = ['Вход и учётная запись'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

/**
 * The signed-in user's own account, whoever they are (cabinet, partner or staff): profile, organization
 * switch, password, sessions, 2FA.
 */
export async function accountRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.post('/api/v1/auth/logout-all', {
    schema: { tags, summary: 'Выйти на всех устройствах', response: { 200: OkResponse, ...errors } },
    handler: async (req, reply) => {
      await logOutEverywhere(deps, requireAuth(req).user.id, actorOf(req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  });

  app.get('/api/v1/auth/me', {
    schema: { tags, summary: 'Текущий пользователь', response: { 200: MeResponse, 401: ErrorResponse } },
    handler: async (req) => buildMe(deps, requireAuth(req)),
  });

  app.patch('/api/v1/auth/me', {
    schema: {
      tags,
      summary: 'Изменить профиль',
      body: ProfileUpdateBody,
      response: { 200: MeResponse, ...errors },
    },
    handler: async (req) => {
      const auth = requireAuth(req);
      await updateProfile(deps, { userId: auth.user.id, patch: req.body, actor: actorOf(req) });
      return buildMe(deps, auth);
    },
  });

  app.post('/api/v1/auth/active-organization', {
    schema: {
      tags,
      summary: 'Выбрать организацию',
      body: SwitchOrganizationBody,
      response: { 200: MeResponse, ...errors, 404: ErrorResponse },
    },
    handler: async (req) => {
      const auth = requireAuth(req);
      const { organizationId } = req.body;
      await switchOrganization(deps, {
        userId: auth.user.id,
        sessionId: auth.session.id,
        organizationId,
        actor: actorOf(req),
      });
      return buildMe(deps, { ...auth, session: { ...auth.session, activeOrganizationId: organizationId } });
    },
  });

  app.post('/api/v1/auth/password/change', {
    schema: {
      tags,
      summary: 'Смена пароля',
      body: ChangePasswordBody,
      response: { 200: OkResponse, ...errors },
    },
    handler: async (req) => {
      await changePassword(deps, requireAuth(req), req.body, actorOf(req));
      return { ok: true as const };
    },
  });

  app.get('/api/v1/auth/sessions', {
    schema: { tags, summary: 'Активные сеансы', response: { 200: SessionList, ...errors } },
    handler: async (req) => {
      const auth = requireAuth(req);
      return listSessions(deps.db, { userId: auth.user.id, currentSessionId: auth.session.id });
    },
  });

  app.delete('/api/v1/auth/sessions/:id', {
    schema: {
      tags,
      summary: 'Завершить сеанс',
      params: z.object({ id: z.uuid() }),
      response: { 200: OkResponse, ...errors, 404: ErrorResponse },
    },
    handler: async (req, reply) => {
      const auth = requireAuth(req);
      await revokeSession(deps, { userId: auth.user.id, sessionId: req.params.id, actor: actorOf(req) });
      if (req.params.id === auth.session.id) clearSessionCookie(reply);
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/two-factor/setup', {
    schema: {
      tags,
      summary: 'Начать настройку 2FA',
      response: { 200: TwoFactorSetupResponse, ...errors, 409: ErrorResponse },
    },
    handler: async (req) => setupTwoFactor(deps, requireAuth(req)),
  });

  app.post('/api/v1/auth/two-factor/enable', {
    schema: {
      tags,
      summary: 'Включить 2FA',
      body: TwoFactorEnableBody,
      response: { 200: OkResponse, ...errors, 409: ErrorResponse },
    },
    handler: async (req) => {
      await enableTwoFactor(deps, requireAuth(req), req.body.code, actorOf(req));
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/two-factor/disable', {
    schema: {
      tags,
      summary: 'Отключить 2FA',
      body: TwoFactorDisableBody,
      response: { 200: OkResponse, ...errors },
    },
    handler: async (req) => {
      await disableTwoFactor(deps, requireAuth(req), req.body.password, actorOf(req));
      return { ok: true as const };
    },
  });
}
