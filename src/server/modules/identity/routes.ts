import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ChangePasswordBody,
  ForgotPasswordBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  ProfileUpdateBody,
  ResetPasswordBody,
  ResetTokenStatus,
  SessionList,
  SwitchOrganizationBody,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorLoginBody,
  TwoFactorSetupResponse,
} from '../../../shared/api/auth';
import { ErrorResponse, OkResponse } from '../../../shared/api/common';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { actorOf, recordAudit } from '../audit/record-audit';
import { findMembership } from '../organizations/memberships';
import { changePassword } from './change-password';
import { login } from './login';
import { buildMe } from './me';
import { requestPasswordReset, resetPassword, resetTokenStatus } from './password-reset';
import { sessions, users } from './schema';
import { csrfTokenFor, deleteSession, deleteUserSessions } from './sessions';
import { completeTwoFactorLogin, disableTwoFactor, enableTwoFactor, setupTwoFactor } from './two-factor';

const tags = ['Вход и учётная запись'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

export async function identityRoutes(app: App): Promise<void> {
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
      if (req.auth) {
        const auth = req.auth;
        await deps.db.transaction(async (tx) => {
          await deleteSession(tx, auth.session.id);
          await recordAudit(tx, {
            actor: actorOf(req),
            action: 'auth.logout',
            entityType: 'session',
            entityId: auth.session.id,
          });
        });
      }
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/logout-all', {
    schema: { tags, summary: 'Выйти на всех устройствах', response: { 200: OkResponse, ...errors } },
    handler: async (req, reply) => {
      const auth = requireAuth(req);
      await deps.db.transaction(async (tx) => {
        const ended = await deleteUserSessions(tx, auth.user.id);
        await recordAudit(tx, {
          actor: actorOf(req),
          action: 'auth.logout_all',
          entityType: 'user',
          entityId: auth.user.id,
          details: { sessionsEnded: ended },
        });
      });
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
      const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      if (Object.keys(patch).length > 0) {
        await deps.db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({ ...patch, updatedAt: new Date() })
            .where(eq(users.id, auth.user.id));
          await recordAudit(tx, {
            actor: actorOf(req),
            action: 'auth.profile_updated',
            entityType: 'user',
            entityId: auth.user.id,
            details: { changed: Object.keys(patch) },
          });
        });
      }
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
      const membership = await findMembership(deps.db, auth.user.id, req.body.organizationId);
      if (!membership) throw new AppError('NOT_FOUND', 'Организация не найдена');
      if (membership.organizationStatus !== 'active') throw new AppError('ORGANIZATION_BLOCKED');
      await deps.db.transaction(async (tx) => {
        await tx
          .update(sessions)
          .set({ activeOrganizationId: req.body.organizationId })
          .where(eq(sessions.id, auth.session.id));
        await recordAudit(tx, {
          actor: actorOf(req),
          action: 'auth.organization_switched',
          organizationId: req.body.organizationId,
          entityType: 'organization',
          entityId: req.body.organizationId,
        });
      });
      return buildMe(deps, {
        ...auth,
        session: { ...auth.session, activeOrganizationId: req.body.organizationId },
      });
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

  app.get('/api/v1/auth/sessions', {
    schema: { tags, summary: 'Активные сеансы', response: { 200: SessionList, ...errors } },
    handler: async (req) => {
      const auth = requireAuth(req);
      const rows = await deps.db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, auth.user.id),
            eq(sessions.state, 'active'),
            gt(sessions.expiresAt, sql`now()`),
          ),
        )
        .orderBy(desc(sessions.lastSeenAt));
      return {
        items: rows.map((s) => ({
          id: s.id,
          current: s.id === auth.session.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
        })),
      };
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
      const removed = await deps.db.transaction(async (tx) => {
        const rows = await tx
          .delete(sessions)
          .where(and(eq(sessions.id, req.params.id), eq(sessions.userId, auth.user.id)))
          .returning({ id: sessions.id });
        if (rows.length > 0)
          await recordAudit(tx, {
            actor: actorOf(req),
            action: 'auth.session_revoked',
            entityType: 'session',
            entityId: req.params.id,
          });
        return rows.length;
      });
      if (removed === 0) throw new AppError('NOT_FOUND', 'Сеанс не найден');
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
