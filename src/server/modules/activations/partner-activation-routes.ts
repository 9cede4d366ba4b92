import type { FastifyReply } from 'fastify';
import {
  ActivationCommentBody,
  ActivationCreateBody,
  ActivationCreateResponse,
  ActivationItemList,
  ActivationItemQuery,
  ActivationList,
  ActivationListQuery,
  ActivationSummary,
  licenseFileName,
  PrecheckResponse,
  SerialsBody,
} from '../../../shared/api/activations';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import { partnerOnly, requireAuth, requirePartnerScope } from '../../http/auth';
import { attachmentDisposition } from '../../http/download';
import { idempotencyKeyOf } from '../../http/idempotency';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { activationLicenseFile, listActivationItems, SERIALS_SAMPLE_FILE } from './activation-items';
import { getActivationSummary } from './activation-view';
import { commentActivation } from './comment-activation';
import { createActivations } from './create-activations';
import { listActivations } from './list-activations';
import { precheckSerials } from './precheck';
import { retryActivation } from './retry-activation';

const errors = ERROR_RESPONSES;
const withUnprocessable = { ...ERROR_RESPONSES, 422: ErrorResponse };

/** A text file as an attachment whose name survives any characters (RFC 6266 / RFC 5987). */
export function sendTextFile(reply: FastifyReply, fileName: string, text: string, contentType: string) {
  return reply
    .header('content-type', `${contentType}; charset=utf-8`)
    .header('content-disposition', attachmentDisposition(fileName))
    .header('cache-control', 'private, no-cache')
    .send(Buffer.from(text, 'utf8'));
}

/**
 * «Раздел Лицензии» of the partner cabinet (seed 002, 2.1, 2.4, 2.5): the pre-check, activations (one per
 * vendor), their list, page, items, license file, «Повторить запрос» and the comment. Every activation is
 * reached through the user's partner organizations; another partner's answers 404.
 */
export async function partnerActivationRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Партнёр: активация лицензий'];

  app.post('/api/v1/partner/activations/check', {
    schema: {
      tags,
      summary: 'Предварительная проверка серийных номеров',
      description:
        'До 10 000 номеров за раз (ввод по одному или из файла .txt). По каждой строке — модель, вендор, «Текущая подписка», «Новая подписка» = max(текущая, сегодня) + срок, «Ваша цена» или ошибка: INVALID_FORMAT, NOT_FOUND, DUPLICATE, VENDOR_NOT_ALLOWED, NO_LICENSE_TYPE, NO_PRICE, IN_PROGRESS.',
      body: SerialsBody,
      response: { 200: PrecheckResponse, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => precheckSerials(deps.db, requirePartnerScope(req), req.body),
  });

  app.post('/api/v1/partner/activations', {
    schema: {
      tags,
      summary: 'Активировать проверенные серийные номера',
      description:
        'Одна транзакция: активация открыта организации, оферта принята, нет просроченных счетов учётной записи, проверка повторяется и должна пройти по каждому номеру (иначе 422 ACTIVATION_SERIALS_INVALID со списком `details`). Подписка более чем на 180 дней вперёд требует `confirmLongSubscriptions` (иначе 409 LONG_SUBSCRIPTION_UNCONFIRMED, `details.serials`). Номера разных вендоров — разные активации. Устройство может быть только в одной выполняющейся активации (409 DEVICE_ACTIVATION_IN_PROGRESS). Заголовок `Idempotency-Key`: повтор с тем же ключом и телом возвращает тот же ответ.',
      body: ActivationCreateBody,
      response: { 201: ActivationCreateResponse, ...withUnprocessable },
    },
    preHandler: partnerOnly,
    handler: async (req, reply) => {
      const { user } = requireAuth(req);
      const result = await createActivations(deps, requirePartnerScope(req), req.body, {
        actor: actorOf(req),
        creatorName: user.name,
        idempotencyKey: idempotencyKeyOf(req),
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.response);
    },
  });

  app.get('/api/v1/partner/activations', {
    schema: {
      tags,
      summary: 'Список активаций',
      description:
        'Активации всех организаций партнёра. `organizationId` — фильтр «Организация», `serial` — «Поиск по СН» (начало серийного номера), сортировка по номеру, стоимости, дате.',
      querystring: ActivationListQuery,
      response: { 200: ActivationList, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => listActivations(deps.db, requirePartnerScope(req), req.query),
  });

  app.get('/api/v1/partner/activations/sample-file', {
    schema: { tags, summary: 'Пример файла серийных номеров (.txt)', response: errors },
    preHandler: partnerOnly,
    handler: async (_req, reply) =>
      sendTextFile(reply, SERIALS_SAMPLE_FILE.name, SERIALS_SAMPLE_FILE.text, 'text/plain'),
  });

  app.get('/api/v1/partner/activations/:id', {
    schema: { tags, summary: 'Активация', params: IdParams, response: { 200: ActivationSummary, ...errors } },
    preHandler: partnerOnly,
    handler: async (req) => getActivationSummary(deps.db, requirePartnerScope(req), req.params.id),
  });

  app.get('/api/v1/partner/activations/:id/items', {
    schema: {
      tags,
      summary: 'Устройства активации',
      description: '`q` — начало серийного номера («Поиск…»).',
      params: IdParams,
      querystring: ActivationItemQuery,
      response: { 200: ActivationItemList, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => listActivationItems(deps.db, requirePartnerScope(req), req.params.id, req.query),
  });

  app.get('/api/v1/partner/activations/:id/license-file', {
    schema: {
      tags,
      summary: 'Скачать файл лицензий (.slf)',
      description:
        'Лицензии устройств активации одна за другой, каждая подписана Ed25519 (ключи — `GET /api/v1/license-keys`). Только для статуса «Выполнена», иначе 404 LICENSE_FILE_NOT_READY.',
      params: IdParams,
      response: errors,
    },
    preHandler: partnerOnly,
    handler: async (req, reply) => {
      const file = await activationLicenseFile(deps.db, requirePartnerScope(req), req.params.id);
      return sendTextFile(reply, licenseFileName(file.number), file.text, 'text/plain');
    },
  });

  app.post('/api/v1/partner/activations/:id/retry', {
    schema: {
      tags,
      summary: '«Повторить запрос» для активации со статусом «Ошибка»',
      description:
        'Как и новая активация: 403 ACTIVATION_NOT_ALLOWED, если активация закрыта организации, 409 ACTIVATION_BLOCKED_OVERDUE при просроченном счёте учётной записи, 409 DEVICE_ACTIVATION_IN_PROGRESS, если устройство уже в другой выполняющейся активации.',
      params: IdParams,
      response: { 200: ActivationSummary, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => retryActivation(deps, requirePartnerScope(req), req.params.id, actorOf(req)),
  });

  app.put('/api/v1/partner/activations/:id/comment', {
    schema: {
      tags,
      summary: '«Добавить комментарий» к активации',
      description: 'Пустой текст удаляет комментарий.',
      params: IdParams,
      body: ActivationCommentBody,
      response: { 200: ActivationSummary, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) =>
      commentActivation(deps.db, requirePartnerScope(req), req.params.id, req.body, actorOf(req)),
  });
}
