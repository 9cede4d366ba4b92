import { CodeTableList } from '../../../shared/api/catalog';
import type { App } from '../../http/types';
import { listCodeTables } from './save-code';

/** The serial number's code tables («Приложение 1»), open to anyone who decodes a number. */
export async function publicCatalogRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.get('/api/v1/catalog/code-tables', {
    schema: {
      tags: ['Серийные номера'],
      summary: 'Таблицы обозначений серийного номера (Приложение 1), публично',
      response: { 200: CodeTableList },
    },
    handler: async () => ({ items: await listCodeTables(deps.db) }),
  });
}
