import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import {
  LicensorSettings,
  OrderDetail,
  OrderDocumentParams,
  OrderList,
  OrderListQuery,
  OrderPaymentBody,
} from '../../../shared/api/orders';
import { requireScope, staffOnly } from '../../http/auth';
import { AppError } from '../../http/errors';
import { idempotencyKeyOf } from '../../http/idempotency';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { getOrder } from './get-order';
import { getLicensor, saveLicensor } from './licensor';
import { listOrders } from './list-orders';
import { recordOrderPayment } from './record-payment';
import { sendOrderDocument } from './send-document';

const errors = ERROR_RESPONSES;

/** Back office: every partner order, its documents and payments; the licensor's requisites. */
export async function adminOrderRoutes(app: App): Promise<void> {
  const { deps } = app;
  const read = staffOnly('readOrders');
  const tags = ['Бэк-офис: заказы'];

  app.get('/api/v1/admin/orders', {
    schema: {
      tags,
      summary: 'Заказы всех организаций',
      querystring: OrderListQuery,
      response: { 200: OrderList, ...errors },
    },
    preHandler: read,
    handler: async (req) => listOrders(deps.db, requireScope(req), req.query),
  });

  app.get('/api/v1/admin/orders/:id', {
    schema: { tags, summary: 'Заказ', params: IdParams, response: { 200: OrderDetail, ...errors } },
    preHandler: read,
    handler: async (req) => getOrder(deps.db, requireScope(req), req.params.id),
  });

  app.get('/api/v1/admin/orders/:id/documents/:kind', {
    schema: {
      tags,
      summary: 'Скачать счёт на оплату или УПД (PDF)',
      params: OrderDocumentParams,
      response: { ...errors },
    },
    preHandler: read,
    handler: async (req, reply) => {
      await getOrder(deps.db, requireScope(req), req.params.id);
      return sendOrderDocument(deps, reply, req.params.id, req.params.kind);
    },
  });

  app.post('/api/v1/admin/orders/:id/payments', {
    schema: {
      tags,
      summary: 'Отметить оплату',
      description:
        'Дата и № платёжного поручения; без суммы — весь остаток. Когда оплаты покрывают сумму заказа, он «Оплачено», и блокировка активаций по просрочке снимается. Больше остатка — 422, оплаченный заказ — 409 `ORDER_ALREADY_PAID`. Заголовок `Idempotency-Key` обязателен (без него 400 `IDEMPOTENCY_KEY_REQUIRED`): повтор с тем же ключом не создаёт вторую оплату.',
      params: IdParams,
      body: OrderPaymentBody,
      response: { 201: OrderDetail, ...errors, 422: ErrorResponse },
    },
    preHandler: staffOnly('manageOrders'),
    handler: async (req, reply) => {
      // Money moves only with a key (ARCHITECTURE.md): a double submit must never record a part payment twice.
      const idempotencyKey = idempotencyKeyOf(req);
      if (!idempotencyKey) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
      const result = await recordOrderPayment(deps, req.params.id, req.body, {
        actor: actorOf(req),
        idempotencyKey,
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.order);
    },
  });

  app.get('/api/v1/admin/licensor', {
    schema: {
      tags,
      summary: 'Реквизиты лицензиара (поставщик в счетах и УПД)',
      response: { 200: LicensorSettings, ...errors },
    },
    preHandler: read,
    handler: async () => getLicensor(deps.db),
  });

  app.put('/api/v1/admin/licensor', {
    schema: {
      tags,
      summary: 'Изменить реквизиты лицензиара',
      description: 'Действуют для документов, сформированных после изменения; готовые документы не меняются.',
      body: LicensorSettings,
      response: { 200: LicensorSettings, ...errors },
    },
    preHandler: staffOnly('editPortalInfo'),
    handler: async (req) => saveLicensor(deps.db, req.body, actorOf(req)),
  });
}
