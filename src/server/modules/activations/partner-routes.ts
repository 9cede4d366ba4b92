import { OrganizationParams, PartnerInfo, PartnerOrganizationList } from '../../../shared/api/activations';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import { CurrentOfferResponse, OfferAcceptBody } from '../../../shared/api/offers';
import { ORG_MANAGER_ROLES } from '../../../shared/api/roles';
import { partnerOnly, requirePartnerScope } from '../../http/auth';
import { AppError } from '../../http/errors';
import { requireInScope } from '../../http/scope';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { acceptCurrentOffer, currentOfferFor } from '../offers/accept-offer';
import { partnerInfo } from './partner-info';
import { listPartnerOrganizations } from './partner-organizations';

const errors = ERROR_RESPONSES;

/**
 * The partner cabinet around activations (seed 002, 2.1–2.3): the organizations the user works for
 * («Выберите организацию»), the offer of each and its acceptance, the info block («Методы установки», «Цены»).
 * An organization is reachable when the user is its member and it takes part in the partner program; any other
 * answers 404.
 */
export async function partnerRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Партнёр: активация лицензий'];

  app.get('/api/v1/partner/organizations', {
    schema: {
      tags,
      summary: 'Организации партнёра: можно ли активировать, принята ли оферта, есть ли блокировка',
      description:
        'Организации, в которых состоит пользователь и которые участвуют в партнёрской программе. `blockedReason` — почему активация сейчас недоступна (просроченный счёт учётной записи, блокировка организации).',
      response: { 200: PartnerOrganizationList, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => ({ items: await listPartnerOrganizations(deps.db, requirePartnerScope(req)) }),
  });

  app.get('/api/v1/partner/organizations/:organizationId/offer', {
    schema: {
      tags,
      summary: 'Текущая редакция оферты и её акцепт организацией',
      params: OrganizationParams,
      response: { 200: CurrentOfferResponse, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => {
      requireInScope(requirePartnerScope(req), req.params.organizationId);
      return currentOfferFor(deps.db, req.params.organizationId);
    },
  });

  app.post('/api/v1/partner/organizations/:organizationId/offer/accept', {
    schema: {
      tags,
      summary: 'Принять текущую редакцию оферты («Продолжить»)',
      description:
        'Фиксируются пользователь, время, IP, User-Agent и редакция. `versionId` — редакция, с которой ознакомились: если тем временем опубликована новая, ответ 409. Принимает владелец или администратор организации.',
      params: OrganizationParams,
      body: OfferAcceptBody,
      response: { 200: CurrentOfferResponse, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => {
      const { organizationId } = req.params;
      requireInScope(requirePartnerScope(req), organizationId, { roles: ORG_MANAGER_ROLES });
      return acceptCurrentOffer(deps.db, {
        organizationId,
        versionId: req.body.versionId,
        actor: actorOf(req),
        userAgent: req.headers['user-agent'] ?? null,
      });
    },
  });

  app.get('/api/v1/partner/info', {
    schema: {
      tags,
      summary: 'Методы установки лицензий по вендорам и цены',
      description:
        '«Цены»: действующие типы лицензий с ценой партнёра и рекомендуемой розничной ценой на сегодня (по Москве).',
      response: { 200: PartnerInfo, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => {
      // The partner prices are for partners: a user without a partner organization has no business here.
      if (requirePartnerScope(req).organizations.length === 0)
        throw new AppError('FORBIDDEN', 'Раздел «Партнёрская программа» не подключён для ваших организаций');
      return partnerInfo(deps.db);
    },
  });
}
