import { z } from 'zod';
import {
  ForgotPasswordBody,
  LoginBody,
  LoginResponse,
  ResetPasswordBody,
  ResetTokenStatus,
  TwoFactorLoginBody,
} from '../../../shared/api/auth';
import { ErrorResponse, OkResponse } from '../../../shared/api/common';
import { clearSessionCookie, setSessionCookie } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { logOut } from './log-out';
import { login } from './login';
import { buildMe } from './me';
import { requestPasswordReset, resetPassword, resetTokenStatus } from './password-reset';
import { csrfTokenFor } from './sessions';
import { completeTwoFactorLogin } from './two-factor';

const tags = ['Вход и учётная запись'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

/** Before a session, or on the way out of one: login (with its TOTP step), logout, password recovery. */
export async function publicIdentityRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.post('/api/v1/auth/login', {
    schema: {
      tags,
      summary: 'Вход по email и паролю',
      body: LoginBody,
      response: { 200: LoginResponse, ...errors },
    },
    handler: async (req, reply) => {
      const result = await login(deps, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(app, reply, result.token);
      if (result.twoFactorRequired) {
        return {
          status: 'two_factor_required' as const,
          csrfToken: csrfTokenFor(deps.config.appSecret, result.sessionId),
        };
      }
      const session = {
        id: result.sessionId,
        state: 'active' as const,
        activeOrganizationId: result.activeOrganizationId,
        lastSeenAt: new Date(),
      };
      return {
        status: 'ok' as const,
        me: await buildMe(deps, {
          user: { id: result.userId, email: req.body.email, name: '', staffRole: null, status: 'active' },
          session,
        }),
      };
    },
  });

  app.post('/api/v1/auth/login/two-factor', {
    schema: {
      tags,
      summary: 'Второй шаг входа: код TOTP',
      body: TwoFactorLoginBody,
      response: { 200: LoginResponse, ...errors },
    },
    handler: async (req) => {
      if (!req.auth) throw new AppError('UNAUTHENTICATED');
      await completeTwoFactorLogin(deps, req.auth, req.body.code, req.ip);
      return {
        status: 'ok' as const,
        me: await buildMe(deps, { ...req.auth, session: { ...req.auth.session, state: 'active' } }),
      };
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'Выход', response: { 200: OkResponse } },
    handler: async (req, reply) => {
      if (req.auth) await logOut(deps, req.auth.session.id, actorOf(req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/password/forgot', {
    schema: {
      tags,
      summary: 'Восстановление пароля: отправить ссылку',
      body: ForgotPasswordBody,
      response: { 202: OkResponse, ...errors },
    },
    handler: async (req, reply) => {
      // Answer before doing anything, so the response time does not tell registered emails from others.
      void requestPasswordReset(deps, { email: req.body.email, ip: req.ip }).catch((error: unknown) =>
        req.log.error({ err: error }, 'password reset request failed'),
      );
      return reply.code(202).send({ ok: true as const });
    },
  });

  app.get('/api/v1/auth/password/reset/:token', {
    schema: {
      tags,
      summary: 'Проверить ссылку восстановления',
      params: z.object({ token: z.string().max(200) }),
      response: { 200: ResetTokenStatus },
    },
    handler: async (req) => resetTokenStatus(deps, req.params.token),
  });

  app.post('/api/v1/auth/password/reset', {
    schema: {
      tags,
      summary: 'Задать новый пароль по ссылке',
      body: ResetPasswordBody,
      response: { 200: OkResponse, ...errors },
    },
    handler: async (req, reply) => {
      await resetPassword(deps, { ...req.body, ip: req.ip });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  });
}
