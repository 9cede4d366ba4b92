import {
  VendorApiToken,
  VendorApiTokenCreateBody,
  VendorApiTokenCreated,
  VendorApiTokenList,
  VendorTokenParams,
} from '../../../shared/api/activations';
import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { createVendorToken, listVendorTokens, revokeVendorToken } from './vendor-tokens';

const errors = ERROR_RESPONSES;

/** Back office: a vendor's tokens for the device check-in API (`kbv_…`). */
export async function adminVendorTokenRoutes(app: App): Promise<void> {
  const { deps } = app;
  const manage = staffOnly('manageDevices');
  const tags = ['Бэк-офис: вендоры и типы лицензий'];

  app.get('/api/v1/admin/vendors/:id/tokens', {
    schema: {
      tags,
      summary: 'Токены вендора для API устройств',
      params: IdParams,
      response: { 200: VendorApiTokenList, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listVendorTokens(deps.db, req.params.id) };
    },
  });

  app.post('/api/v1/admin/vendors/:id/tokens', {
    schema: {
      tags,
      summary: 'Создать токен вендора (показывается один раз)',
      description:
        'Токен `kbv_…` для `GET /api/v1/device-api/devices/{serial}/license`; хранится только его SHA-256.',
      params: IdParams,
      body: VendorApiTokenCreateBody,
      response: { 201: VendorApiTokenCreated, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) => {
      const created = await createVendorToken(
        deps.db,
        { vendorId: req.params.id, name: req.body.name },
        actorOf(req),
      );
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  });

  app.delete('/api/v1/admin/vendors/:id/tokens/:tokenId', {
    schema: {
      tags,
      summary: 'Отозвать токен вендора',
      description:
        'Этот узел сразу отвечает 401 на запросы с токеном; другие узлы — не позже чем через 30 секунд.',
      params: VendorTokenParams,
      response: { 200: VendorApiToken, ...errors },
    },
    preHandler: manage,
    handler: async (req) =>
      revokeVendorToken(deps.db, { vendorId: req.params.id, tokenId: req.params.tokenId }, actorOf(req)),
  });
}
