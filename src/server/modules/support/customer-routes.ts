import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import {
  SUPPORT_WRITER_ROLES,
  SupportContacts,
  SupportMessageBody,
  SupportTicketCreateBody,
  SupportTicketDetail,
  SupportTicketList,
  SupportTicketListQuery,
} from '../../../shared/api/support';
import { requireAuth, requireTenant, tenantOnly } from '../../http/auth';
import { idempotencyKeyOf } from '../../http/idempotency';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { closeTicketAsCustomer } from './change-ticket';
import { createTicket } from './create-ticket';
import { getTicket } from './get-ticket';
import { listSupportContacts } from './list-contacts';
import { listTenantTickets } from './list-tickets';
import { replyAsCustomer } from './reply-ticket';

const errors = { ...ERROR_RESPONSES, 422: ErrorResponse };

/**
 * «Техподдержка» (seed 000) in the cabinet: contacts per licensed product and requests that cite a serial
 * number. Every member reads the organization's requests; a `viewer` writes nothing.
 */
export async function customerSupportRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Техподдержка'];
  const reader = tenantOnly(null, 'licenses');
  const writer = tenantOnly(SUPPORT_WRITER_ROLES, 'licenses');

  app.get('/api/v1/support/contacts', {
    schema: {
      tags,
      summary: 'Контакты технической поддержки',
      description:
        'Для каждого продукта, на который у организации есть лицензии, — email и телефон его поддержки; и руководитель технического отдела из настроек портала.',
      response: { 200: SupportContacts, ...errors },
    },
    preHandler: reader,
    handler: async (req) => listSupportContacts(deps.db, requireTenant(req)),
  });

  app.get('/api/v1/support/tickets', {
    schema: {
      tags,
      summary: 'Обращения организации',
      description:
        'Сначала с последней активностью. `q` — номер, тема или серийный номер (в любом написании).',
      querystring: SupportTicketListQuery,
      response: { 200: SupportTicketList, ...errors },
    },
    preHandler: reader,
    handler: async (req) => listTenantTickets(deps.db, requireTenant(req), req.query),
  });

  app.post('/api/v1/support/tickets', {
    schema: {
      tags,
      summary: 'Новое обращение',
      description:
        'Серийный номер — одной из лицензий организации, в любом написании (кириллица, пробелы, без дефисов): он подтверждает право на поддержку. Иначе 422 SUPPORT_SERIAL_UNKNOWN. Заголовок `Idempotency-Key`: повтор с тем же ключом и телом возвращает то же обращение.',
      body: SupportTicketCreateBody,
      response: { 201: SupportTicketDetail, ...errors },
    },
    preHandler: writer,
    handler: async (req, reply) => {
      const result = await createTicket(deps, requireTenant(req), req.body, {
        actor: actorOf(req),
        idempotencyKey: idempotencyKeyOf(req),
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.response);
    },
  });

  app.get('/api/v1/support/tickets/:id', {
    schema: {
      tags,
      summary: 'Обращение с перепиской',
      params: IdParams,
      response: { 200: SupportTicketDetail, ...errors },
    },
    preHandler: reader,
    handler: async (req) => getTicket(deps.db, requireTenant(req), req.params.id),
  });

  app.post('/api/v1/support/tickets/:id/messages', {
    schema: {
      tags,
      summary: 'Ответить в обращении',
      description:
        'Отвеченное обращение снова ждёт поддержку (`open`). В закрытое писать нельзя: 409 SUPPORT_TICKET_CLOSED.',
      params: IdParams,
      body: SupportMessageBody,
      response: { 200: SupportTicketDetail, ...errors },
    },
    preHandler: writer,
    handler: async (req) => {
      const { user } = requireAuth(req);
      return replyAsCustomer(deps, requireTenant(req), {
        ticketId: req.params.id,
        body: req.body.body,
        author: { id: user.id, name: user.name, email: user.email },
        actor: actorOf(req),
      });
    },
  });

  app.post('/api/v1/support/tickets/:id/close', {
    schema: {
      tags,
      summary: 'Закрыть обращение',
      description: 'Повторное закрытие ничего не меняет.',
      params: IdParams,
      response: { 200: SupportTicketDetail, ...errors },
    },
    preHandler: writer,
    handler: async (req) => closeTicketAsCustomer(deps.db, requireTenant(req), req.params.id, actorOf(req)),
  });
}
