import type { FastifyRequest } from 'fastify';
import { ERROR_RESPONSES, ErrorResponse } from '../../../shared/api/common';
import {
  ActivationReportBody,
  ActivationReportResponse,
  SerialDecodeResponse,
  SerialParams,
} from '../../../shared/api/licenses';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { verifyProductToken } from '../catalog/product-tokens';
import { decodeSerial } from './decode-serial';
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

/**
 * Licenses without a session (seed 000): the public serial-number decoder, and the reports of product
 * activation servers, which sign in with their product's API token.
 */
export async function publicLicenseRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Лицензии'];

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
}
