import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import {
  OfferAcceptanceList,
  OfferPublishBody,
  OfferSaveBody,
  OfferVersion,
  OfferVersionList,
  PartnerAccount,
  PartnerAccountCreateBody,
  PartnerAccountList,
  PartnerTerms,
  PartnerTermsSaveBody,
} from '../../../shared/api/offers';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { listAcceptances } from './accept-offer';
import { getOffer, listOffers } from './offer-view';
import {
  createPartnerAccount,
  getPartnerTerms,
  listPartnerAccounts,
  savePartnerTerms,
} from './partner-terms';
import { createOffer, publishOffer, updateOffer } from './save-offer';

const errors = ERROR_RESPONSES;

/** The back office's offer versions, their acceptances (seed 002, 2.3) and partner organizations' terms. */
export async function adminOfferRoutes(app: App): Promise<void> {
  const { deps } = app;
  const read = staffOnly('readDirectory');
  const manage = staffOnly('manageDevices');
  const adminTags = ['Бэк-офис: оферта и условия партнёров'];

  app.get('/api/v1/admin/offers', {
    schema: { tags: adminTags, summary: 'Редакции оферты', response: { 200: OfferVersionList, ...errors } },
    preHandler: read,
    handler: async () => ({ items: await listOffers(deps.db) }),
  });
  app.post('/api/v1/admin/offers', {
    schema: {
      tags: adminTags,
      summary: 'Новая редакция (черновик)',
      body: OfferSaveBody,
      response: { 201: OfferVersion, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) => reply.code(201).send(await createOffer(deps.db, req.body, actorOf(req))),
  });
  app.get('/api/v1/admin/offers/:id', {
    schema: {
      tags: adminTags,
      summary: 'Редакция оферты',
      params: IdParams,
      response: { 200: OfferVersion, ...errors },
    },
    preHandler: read,
    handler: async (req) => getOffer(deps.db, req.params.id),
  });
  app.put('/api/v1/admin/offers/:id', {
    schema: {
      tags: adminTags,
      summary: 'Изменить черновик редакции',
      params: IdParams,
      body: OfferSaveBody,
      response: { 200: OfferVersion, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateOffer(deps.db, req.params.id, req.body, actorOf(req)),
  });
  app.post('/api/v1/admin/offers/:id/publish', {
    schema: {
      tags: adminTags,
      summary: 'Опубликовать редакцию (сейчас или с даты)',
      description:
        'С момента публикации редакция текущая: организации принимают её перед следующей активацией. Опубликованная редакция не меняется.',
      params: IdParams,
      body: OfferPublishBody,
      response: { 200: OfferVersion, ...errors },
    },
    preHandler: manage,
    handler: async (req) => publishOffer(deps.db, req.params.id, req.body, actorOf(req)),
  });
  app.get('/api/v1/admin/offers/:id/acceptances', {
    schema: {
      tags: adminTags,
      summary: 'Кто принял редакцию',
      params: IdParams,
      response: { 200: OfferAcceptanceList, ...errors },
    },
    preHandler: read,
    handler: async (req) => {
      await getOffer(deps.db, req.params.id);
      return { items: await listAcceptances(deps.db, req.params.id) };
    },
  });

  app.get('/api/v1/admin/organizations/:id/partner-terms', {
    schema: {
      tags: adminTags,
      summary: 'Условия партнёра: активация, оплата, учётная запись',
      params: IdParams,
      response: { 200: PartnerTerms, ...errors },
    },
    preHandler: read,
    handler: async (req) => getPartnerTerms(deps.db, req.params.id),
  });
  app.put('/api/v1/admin/organizations/:id/partner-terms', {
    schema: {
      tags: adminTags,
      summary: 'Изменить условия партнёра',
      params: IdParams,
      body: PartnerTermsSaveBody,
      response: { 200: PartnerTerms, ...errors },
    },
    preHandler: manage,
    handler: async (req) => savePartnerTerms(deps.db, req.params.id, req.body, actorOf(req)),
  });
  app.get('/api/v1/admin/partner-accounts', {
    schema: {
      tags: adminTags,
      summary: 'Учётные записи партнёров и их организации',
      response: { 200: PartnerAccountList, ...errors },
    },
    preHandler: read,
    handler: async () => ({ items: await listPartnerAccounts(deps.db) }),
  });
  app.post('/api/v1/admin/partner-accounts', {
    schema: {
      tags: adminTags,
      summary: 'Создать учётную запись партнёра',
      body: PartnerAccountCreateBody,
      response: { 201: PartnerAccount, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await createPartnerAccount(deps.db, req.body, actorOf(req))),
  });
}
