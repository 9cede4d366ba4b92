import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import { OrderDetail, OrderDocumentParams, OrderList, OrderListQuery } from '../../../shared/api/orders';
import { partnerOnly, requirePartnerScope } from '../../http/auth';
import type { App } from '../../http/types';
import { getOrder } from './get-order';
import { listOrders } from './list-orders';
import { sendOrderDocument } from './send-document';

const errors = ERROR_RESPONSES;

/**
 * The partner's «Заказы» (seed 002, 2.6–2.7): orders of every organization where the user is a member and
 * which takes part in the partner program; any other order answers 404.
 */
export async function partnerOrderRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Партнёр: заказы'];

  app.get('/api/v1/partner/orders', {
    schema: {
      tags,
      summary: 'Заказы организаций партнёра',
      description:
        'Поиск `q` — по № заказа, № счёта, № активации, названию или ИНН организации; фильтры по организации, оплате и просрочке.',
      querystring: OrderListQuery,
      response: { 200: OrderList, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => listOrders(deps.db, requirePartnerScope(req), req.query),
  });

  app.get('/api/v1/partner/orders/:id', {
    schema: {
      tags,
      summary: 'Заказ: заказчик, условия, содержание, активация, документы, оплаты',
      params: IdParams,
      response: { 200: OrderDetail, ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req) => getOrder(deps.db, requirePartnerScope(req), req.params.id),
  });

  app.get('/api/v1/partner/orders/:id/documents/:kind', {
    schema: {
      tags,
      summary: 'Скачать счёт на оплату или УПД (PDF)',
      description:
        '`kind`: `invoice` — «Счет на оплату», `upd` — УПД. Пока документ формируется — 404 `DOCUMENT_NOT_READY`. Байты хранятся один раз: повторные скачивания идентичны.',
      params: OrderDocumentParams,
      response: { ...errors },
    },
    preHandler: partnerOnly,
    handler: async (req, reply) => {
      await getOrder(deps.db, requirePartnerScope(req), req.params.id);
      return sendOrderDocument(deps, reply, req.params.id, req.params.kind);
    },
  });
}
