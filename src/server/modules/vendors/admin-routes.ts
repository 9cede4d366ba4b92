import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import {
  DeviceModel,
  DeviceModelSaveBody,
  LicensePriceCreateBody,
  LicensePriceParams,
  LicenseType,
  LicenseTypeList,
  LicenseTypeListQuery,
  LicenseTypeSaveBody,
  Vendor,
  VendorList,
  VendorSaveBody,
} from '../../../shared/api/devices';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { addLicensePrice, deleteLicensePrice } from './license-prices';
import { getLicenseType, listLicenseTypes } from './license-type-view';
import { createLicenseType, updateLicenseType } from './save-license-type';
import { addModel, createVendor, updateModel, updateVendor } from './save-vendor';
import { getVendor, listVendors } from './vendor-view';

const errors = ERROR_RESPONSES;

/** Back office: vendors and their models, license types and their prices (seed 002 reference data). */
export async function adminVendorRoutes(app: App): Promise<void> {
  const { deps } = app;
  const read = staffOnly('readDirectory');
  const manage = staffOnly('manageDevices');
  // Read per request: the setting is the operator's (config), the rule lives in the use case.
  const urlOptions = () => ({ allowPrivateIntegrationUrls: deps.config.allowPrivateIntegrationUrls });
  const tags = ['Бэк-офис: вендоры и типы лицензий'];

  app.get('/api/v1/admin/vendors', {
    schema: { tags, summary: 'Вендоры с моделями', response: { 200: VendorList, ...errors } },
    preHandler: read,
    handler: async () => ({ items: await listVendors(deps.db) }),
  });
  app.post('/api/v1/admin/vendors', {
    schema: {
      tags,
      summary: 'Создать вендора',
      body: VendorSaveBody,
      response: { 201: Vendor, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await createVendor(deps.db, req.body, actorOf(req), urlOptions())),
  });
  app.get('/api/v1/admin/vendors/:id', {
    schema: { tags, summary: 'Вендор', params: IdParams, response: { 200: Vendor, ...errors } },
    preHandler: read,
    handler: async (req) => getVendor(deps.db, req.params.id),
  });
  app.put('/api/v1/admin/vendors/:id', {
    schema: {
      tags,
      summary: 'Изменить вендора: реквизиты, метод установки, инструкции',
      params: IdParams,
      body: VendorSaveBody,
      response: { 200: Vendor, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateVendor(deps.db, req.params.id, req.body, actorOf(req), urlOptions()),
  });
  app.post('/api/v1/admin/vendors/:id/models', {
    schema: {
      tags,
      summary: 'Добавить модель устройства',
      params: IdParams,
      body: DeviceModelSaveBody,
      response: { 201: DeviceModel, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await addModel(deps.db, req.params.id, req.body, actorOf(req))),
  });
  app.put('/api/v1/admin/device-models/:id', {
    schema: {
      tags,
      summary: 'Переименовать модель или задать её метод установки',
      params: IdParams,
      body: DeviceModelSaveBody,
      response: { 200: DeviceModel, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateModel(deps.db, req.params.id, req.body, actorOf(req)),
  });

  app.get('/api/v1/admin/license-types', {
    schema: {
      tags,
      summary: 'Типы лицензий с историей цен',
      querystring: LicenseTypeListQuery,
      response: { 200: LicenseTypeList, ...errors },
    },
    preHandler: read,
    handler: async (req) => ({ items: await listLicenseTypes(deps.db, req.query) }),
  });
  app.post('/api/v1/admin/license-types', {
    schema: {
      tags,
      summary: 'Создать тип лицензии',
      body: LicenseTypeSaveBody,
      response: { 201: LicenseType, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await createLicenseType(deps.db, req.body, actorOf(req))),
  });
  app.get('/api/v1/admin/license-types/:id', {
    schema: { tags, summary: 'Тип лицензии', params: IdParams, response: { 200: LicenseType, ...errors } },
    preHandler: read,
    handler: async (req) => getLicenseType(deps.db, req.params.id),
  });
  app.put('/api/v1/admin/license-types/:id', {
    schema: {
      tags,
      summary: 'Изменить тип лицензии',
      description: 'Вендор не меняется. Цены меняются только новыми строками: `POST …/prices`.',
      params: IdParams,
      body: LicenseTypeSaveBody,
      response: { 200: LicenseType, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateLicenseType(deps.db, req.params.id, req.body, actorOf(req)),
  });
  app.post('/api/v1/admin/license-types/:id/prices', {
    schema: {
      tags,
      summary: 'Новая цена с даты',
      description:
        'Цена действует с 00:00 по Москве указанного дня до следующей цены. Если какая-то цена уже действует, новая — не раньше завтрашнего дня: действующие и прошлые цены не меняются и не удаляются.',
      params: IdParams,
      body: LicensePriceCreateBody,
      response: { 201: LicenseType, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await addLicensePrice(deps.db, req.params.id, req.body, actorOf(req))),
  });
  app.delete('/api/v1/admin/license-types/:id/prices/:priceId', {
    schema: {
      tags,
      summary: 'Удалить будущую цену (ещё не вступившую в силу)',
      params: LicensePriceParams,
      response: { 200: LicenseType, ...errors },
    },
    preHandler: manage,
    handler: async (req) => deleteLicensePrice(deps.db, req.params.id, req.params.priceId, actorOf(req)),
  });
}
