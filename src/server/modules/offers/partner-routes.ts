import { ERROR_RESPONSES } from '../../../shared/api/common';
import { CurrentOfferResponse, OfferAcceptBody } from '../../../shared/api/offers';
import { ORG_MANAGER_ROLES } from '../../../shared/api/roles';
import { requireTenant, tenantOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { acceptCurrentOffer, currentOfferFor } from './accept-offer';

const errors = ERROR_RESPONSES;

/** The offer in the partner cabinet (seed 002, 2.3): the version in force and its acceptance by the organization. */
export async function partnerOfferRoutes(app: App): Promise<void> {
  const { deps } = app;
  const partnerTags = ['Партнёр: оферта'];

  app.get('/api/v1/offers/current', {
    schema: {
      tags: partnerTags,
      summary: 'Текущая редакция оферты и её акцепт организацией',
      response: { 200: CurrentOfferResponse, ...errors },
    },
    preHandler: tenantOnly(null, 'partner'),
    handler: async (req) => currentOfferFor(deps.db, requireTenant(req).organizationId),
  });
  app.post('/api/v1/offers/current/accept', {
    schema: {
      tags: partnerTags,
      summary: 'Принять текущую редакцию оферты',
      description:
        'Фиксируются пользователь, время, IP и редакция. `versionId` — редакция, с которой ознакомились: если тем временем опубликована новая, ответ 409. Принимает владелец или администратор организации.',
      body: OfferAcceptBody,
      response: { 200: CurrentOfferResponse, ...errors },
    },
    preHandler: tenantOnly(ORG_MANAGER_ROLES, 'partner'),
    handler: async (req) =>
      acceptCurrentOffer(deps.db, {
        organizationId: requireTenant(req).organizationId,
        versionId: req.body.versionId,
        actor: actorOf(req),
        userAgent: req.headers['user-agent'] ?? null,
      }),
  });
}
