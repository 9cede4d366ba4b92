import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import { DownloadsResponse, InformationResponse } from '../../../shared/api/files';
import { LicenseDetail, LicenseList, LicenseListQuery } from '../../../shared/api/licenses';
import { requireTenant, tenantOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { DOWNLOAD_DESCRIPTION } from '../catalog/admin-product-file-routes';
import { findPublishedFile, listDownloads, listInformation } from '../catalog/product-files-customer';
import { sendProductFile } from '../catalog/product-files-send';
import { getLicense } from './get-license';
import { licensedProductCodes } from './licensed-products';
import { listTenantLicenses } from './list-licenses';

const errors = ERROR_RESPONSES;

/**
 * The customer cabinet's licenses (seed 000): the table of the main page and a license's card; «Скачать» and
 * «Информация», the catalog's files of the products the organization holds licenses for — a product without
 * one, a withdrawn file or an unknown id is the same 404.
 */
export async function customerLicenseRoutes(app: App): Promise<void> {
  const { deps } = app;
  const customer = tenantOnly(null, 'licenses');
  const tags = ['Скачать и информация'];
  const licenseTags = ['Лицензии'];

  app.get('/api/v1/downloads', {
    schema: {
      tags,
      summary: '«Скачать»: дистрибутивы продуктов, на которые у организации есть лицензии',
      description:
        'По продукту — версии от новой к старой: дата выпуска, размер, SHA-256, описание изменений.',
      response: { 200: DownloadsResponse, ...errors },
    },
    preHandler: customer,
    handler: async (req) => listDownloads(deps.db, await licensedProductCodes(deps.db, requireTenant(req))),
  });

  app.get('/api/v1/information', {
    schema: {
      tags,
      summary: '«Информация»: wiki, сайт и документация продуктов организации',
      response: { 200: InformationResponse, ...errors },
    },
    preHandler: customer,
    handler: async (req) => listInformation(deps.db, await licensedProductCodes(deps.db, requireTenant(req))),
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/api/v1/files/:id/download',
    schema: {
      tags,
      summary: 'Скачать дистрибутив или документ',
      description: `${DOWNLOAD_DESCRIPTION} Файл продукта без лицензии организации, отозванный или неизвестный — 404.`,
      params: IdParams,
      response: { 416: ErrorResponse, ...errors },
    },
    preHandler: customer,
    handler: async (req, reply) =>
      sendProductFile(
        req,
        reply,
        deps.storage,
        await findPublishedFile(
          deps.db,
          await licensedProductCodes(deps.db, requireTenant(req)),
          req.params.id,
        ),
      ),
  });

  app.get('/api/v1/licenses', {
    schema: {
      tags: licenseTags,
      summary: 'Лицензии организации',
      description:
        'Столбцы главной страницы: ID, Лицензия, Серийный номер, Продукт, Количество, Активировано. Поиск `q` — по серийному номеру (в любом написании: кириллица, пробелы, без дефисов, фрагмент) или продукту.',
      querystring: LicenseListQuery,
      response: { 200: LicenseList, ...errors },
    },
    preHandler: customer,
    handler: async (req) => listTenantLicenses(deps.db, requireTenant(req), req.query),
  });

  app.get('/api/v1/licenses/:id', {
    schema: {
      tags: licenseTags,
      summary: 'Лицензия с расшифровкой серийного номера',
      params: IdParams,
      response: { 200: LicenseDetail, ...errors },
    },
    preHandler: customer,
    handler: async (req) => getLicense(deps.db, requireTenant(req), req.params.id),
  });
}
