import type { FastifyRequest } from 'fastify';
import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import {
  IntegrationToken,
  IntegrationTokenCreateBody,
  IntegrationTokenCreated,
  IntegrationTokenList,
} from '../../../shared/api/integration-tokens';
import { requireAuth, staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { createIntegrationToken, listIntegrationTokens, revokeIntegrationToken } from './integration-tokens';

const errors = ERROR_RESPONSES;
const manageStaff = staffOnly('manageStaff');

/**
 * Tokens are managed by an administrator from a logged-in session only: an integration token never reaches
 * these routes (requireAuth answers 403 to one), so a leaked token cannot mint or revoke tokens.
 */
async function administratorSession(req: FastifyRequest): Promise<void> {
  requireAuth(req);
  await manageStaff(req);
}

/** «API-токены»: tokens of the operator's integrations (`Authorization: Bearer kbt_…`). */
export async function adminIntegrationTokenRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Бэк-офис: API-токены'];
  const security = [{ session: [] }];

  app.get('/api/v1/admin/integration-tokens', {
    schema: {
      tags,
      summary: 'Токены интеграций',
      description: 'Все токены, действующие и отозванные. Сам токен не возвращается — только его начало.',
      security,
      response: { 200: IntegrationTokenList, ...errors },
    },
    preHandler: administratorSession,
    handler: async () => ({ items: await listIntegrationTokens(deps.db) }),
  });

  app.post('/api/v1/admin/integration-tokens', {
    schema: {
      tags,
      summary: 'Создать токен интеграции (показывается один раз)',
      description:
        'Токен `kbt_…` передаётся в заголовке `Authorization: Bearer kbt_…` без cookie и CSRF-токена. Он действует с выбранными правами (не шире прав создателя) в API бэк-офиса, а в журнале аудита его запросы записываются на создателя с id токена в подробностях.',
      security,
      body: IntegrationTokenCreateBody,
      response: { 201: IntegrationTokenCreated, ...errors },
    },
    preHandler: administratorSession,
    handler: async (req, reply) => {
      const created = await createIntegrationToken(deps.db, req.body, {
        user: requireAuth(req).user,
        actor: actorOf(req),
      });
      return reply.code(201).send(created);
    },
  });

  app.post('/api/v1/admin/integration-tokens/:id/revoke', {
    schema: {
      tags,
      summary: 'Отозвать токен интеграции',
      description: 'Следующий запрос с этим токеном получит 401.',
      security,
      params: IdParams,
      response: { 200: IntegrationToken, ...errors },
    },
    preHandler: administratorSession,
    handler: async (req) => revokeIntegrationToken(deps.db, req.params.id, actorOf(req)),
  });
}
