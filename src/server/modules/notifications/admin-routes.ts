import { MailList, MailListQuery, MailMessage, MailMessageDetail } from '../../../shared/api/admin';
import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { getOutboxMessage, listOutbox, retryOutboxMessage } from './outbox';

const errors = ERROR_RESPONSES;

/** «Исходящая почта» of the back office: the outbox, one message, sending again. */
export async function adminMailRoutes(app: App): Promise<void> {
  const { deps } = app;
  const mailTags = ['Бэк-офис: почта'];
  app.get('/api/v1/admin/mail', {
    schema: {
      tags: mailTags,
      summary: 'Исходящая почта',
      querystring: MailListQuery,
      response: { 200: MailList, ...errors },
    },
    preHandler: staffOnly('readMail'),
    handler: async (req) => listOutbox(deps.db, req.query),
  });
  app.get('/api/v1/admin/mail/:id', {
    schema: {
      tags: mailTags,
      summary: 'Письмо',
      params: IdParams,
      response: { 200: MailMessageDetail, ...errors },
    },
    preHandler: staffOnly('readMail'),
    handler: async (req) =>
      getOutboxMessage(deps.db, req.params.id, { revealLinks: req.auth?.user.staffRole === 'admin' }),
  });
  app.post('/api/v1/admin/mail/:id/retry', {
    schema: {
      tags: mailTags,
      summary: 'Отправить повторно',
      params: IdParams,
      response: { 200: MailMessage, ...errors },
    },
    preHandler: staffOnly('readMail'),
    handler: async (req) => retryOutboxMessage(deps, req.params.id, actorOf(req)),
  });
}
