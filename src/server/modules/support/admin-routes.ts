import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import {
  AdminSupportTicketDetail,
  AdminSupportTicketList,
  AdminSupportTicketListQuery,
  SupportMessageBody,
} from '../../../shared/api/support';
import { requireAuth, requireStaffScope, staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { assignTicketToMe, closeTicketAsStaff, reopenTicket } from './change-ticket';
import { getAdminTicket } from './get-ticket';
import { listAllTickets } from './list-tickets';
import { replyAsStaff } from './reply-ticket';

const errors = ERROR_RESPONSES;

/** «Обращения» in the back office: every organization's requests; answering is the support team's work. */
export async function adminSupportRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Бэк-офис: техподдержка'];
  const read = staffOnly('readSupport');
  const handle = staffOnly('handleSupport');

  app.get('/api/v1/admin/support/tickets', {
    schema: {
      tags,
      summary: 'Обращения',
      description:
        'Фильтры: статус, организация, продукт, исполнитель (`me` — мои, `none` — без исполнителя); `q` — номер, тема, серийный номер, организация или ИНН.',
      querystring: AdminSupportTicketListQuery,
      response: { 200: AdminSupportTicketList, ...errors },
    },
    preHandler: read,
    handler: async (req) =>
      listAllTickets(deps.db, requireStaffScope(req), req.query, requireAuth(req).user.id),
  });

  app.get('/api/v1/admin/support/tickets/:id', {
    schema: {
      tags,
      summary: 'Обращение: лицензия, организация, переписка',
      params: IdParams,
      response: { 200: AdminSupportTicketDetail, ...errors },
    },
    preHandler: read,
    handler: async (req) => getAdminTicket(deps.db, requireStaffScope(req), req.params.id),
  });

  app.post('/api/v1/admin/support/tickets/:id/messages', {
    schema: {
      tags,
      summary: 'Ответить клиенту',
      description:
        'Обращение становится «Отвечено», автор получает письмо со ссылкой; обращение без исполнителя достаётся ответившему.',
      params: IdParams,
      body: SupportMessageBody,
      response: { 200: AdminSupportTicketDetail, ...errors },
    },
    preHandler: handle,
    handler: async (req) => {
      const { user } = requireAuth(req);
      return replyAsStaff(deps, requireStaffScope(req), {
        ticketId: req.params.id,
        body: req.body.body,
        author: { id: user.id, name: user.name, email: user.email },
        actor: actorOf(req),
      });
    },
  });

  app.post('/api/v1/admin/support/tickets/:id/assign', {
    schema: {
      tags,
      summary: 'Взять в работу (исполнитель — я)',
      params: IdParams,
      response: { 200: AdminSupportTicketDetail, ...errors },
    },
    preHandler: handle,
    handler: async (req) =>
      assignTicketToMe(deps.db, requireStaffScope(req), req.params.id, {
        ...actorOf(req),
        userId: requireAuth(req).user.id,
      }),
  });

  app.post('/api/v1/admin/support/tickets/:id/close', {
    schema: {
      tags,
      summary: 'Закрыть обращение',
      params: IdParams,
      response: { 200: AdminSupportTicketDetail, ...errors },
    },
    preHandler: handle,
    handler: async (req) => closeTicketAsStaff(deps.db, requireStaffScope(req), req.params.id, actorOf(req)),
  });

  app.post('/api/v1/admin/support/tickets/:id/reopen', {
    schema: {
      tags,
      summary: 'Открыть заново',
      params: IdParams,
      response: { 200: AdminSupportTicketDetail, ...errors },
    },
    preHandler: handle,
    handler: async (req) => reopenTicket(deps.db, requireStaffScope(req), req.params.id, actorOf(req)),
  });
}
