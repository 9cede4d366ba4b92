import type { FastifyRequest } from 'fastify';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import {
  ActivationReportBody,
  ActivationReportResponse,
  LicenseDetail,
  LicenseList,
  LicenseListQuery,
  SerialDecodeResponse,
  SerialParams,
} from '../../../shared/api/licenses';
import { requireTenant, tenantOnly } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { verifyProductToken } from '../catalog/product-tokens';
import { adminLicenseRoutes } from './admin-routes';
import { decodeSerial } from './decode-serial';
import { getLicense } from './get-license';
import { listTenantLicenses } from './list-licenses';
import { reportActivations } from './set-activations';

const errors = ERROR_RESPONSES;

/** The product API token of `Authorization: Bearer kbp_…`, resolved to its product code. */
async function productOfToken(req: FastifyRequest): Promise<string> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const productCode = match?.[1] ? await verifyProductToken(req.server.deps.db, match[1]) : null;
  if (!productCode)
    throw new AppError(
      'UNAUTHENTICATED',
      'Нужен действующий токен сервера активации: Authorization: Bearer …',
    );
  return productCode;
}

/** Licenses (seed 000): the cabinet's table, the public decoder, activation reports; the back office's side. */
export async function licenseRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Лицензии'];
  const customer = tenantOnly(null, 'licenses');

  app.get('/api/v1/licenses', {
    schema: {
      tags,
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
      tags,
      summary: 'Лицензия с расшифровкой серийного номера',
      params: IdParams,
      response: { 200: LicenseDetail, ...errors },
    },
    preHandler: customer,
    handler: async (req) => getLicense(deps.db, requireTenant(req), req.params.id),
  });

  app.get('/api/v1/serial-numbers/:serial', {
    schema: {
      tags: ['Серийные номера'],
      summary: 'Расшифровка серийного номера (публично)',
      description:
        'Формат YY-AA-BCDEFFGHHZZ-DDD-NNNN. 200 — части словами и дата генерации; 400 SERIAL_INVALID — `details` перечисляет ошибки, каждая называет часть (`part`).',
      params: SerialParams,
      response: { 200: SerialDecodeResponse, 400: ErrorResponse },
    },
    handler: async (req) => decodeSerial(deps.db, req.params.serial),
  });

  app.post('/api/v1/activation-reports', {
    schema: {
      tags,
      summary: 'Отчёт сервера активации: сколько активировано по серийному номеру',
      description:
        'Авторизация: `Authorization: Bearer <токен продукта>`. Передаётся текущее общее число активаций; повтор отчёта ничего не меняет.',
      security: [{ productToken: [] }],
      body: ActivationReportBody,
      response: { 200: ActivationReportResponse, ...errors },
    },
    handler: async (req) => {
      const productCode = await productOfToken(req);
      return reportActivations(deps.db, { ...req.body, productCode, ip: req.ip ?? null });
    },
  });

  await adminLicenseRoutes(app);
}
