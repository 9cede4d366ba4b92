import { PortalInfo } from '../../../shared/api/admin';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { savePortalInfo } from './portal-info';

const errors = ERROR_RESPONSES;

/** «О нас / Контакты» edited in the back office (read publicly through ./public-routes.ts). */
export async function adminSystemRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.put('/api/v1/admin/portal-info', {
    schema: {
      tags: ['Бэк-офис: настройки'],
      summary: 'О нас / Контакты',
      body: PortalInfo,
      response: { 200: PortalInfo, ...errors },
    },
    preHandler: staffOnly('editPortalInfo'),
    handler: async (req) => savePortalInfo(deps.db, req.body, actorOf(req)),
  });
}
