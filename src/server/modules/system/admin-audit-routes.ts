import { AuditList, AuditListQuery } from '../../../shared/api/admin';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { auditJournal } from './audit-journal';

const errors = ERROR_RESPONSES;

/** «Журнал аудита» of the back office (audit records it; system shows it, with the organizations' names). */
export async function adminAuditRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.get('/api/v1/admin/audit', {
    schema: {
      tags: ['Бэк-офис: аудит'],
      summary: 'Журнал аудита',
      querystring: AuditListQuery,
      response: { 200: AuditList, ...errors },
    },
    preHandler: staffOnly('readAudit'),
    handler: async (req) => auditJournal(deps.db, req.query),
  });
}
