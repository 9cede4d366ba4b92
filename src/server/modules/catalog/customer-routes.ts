import { ProductList } from '../../../shared/api/catalog';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import { authenticated } from '../../http/auth';
import type { App } from '../../http/types';
import { listProducts } from './products';

const errors = ERROR_RESPONSES;

/** Product cards for the cabinet (any signed-in user): description, «Подробнее», documentation. */
export async function customerCatalogRoutes(app: App): Promise<void> {
  const { deps } = app;

  app.get('/api/v1/products', {
    schema: {
      tags: ['Лицензии'],
      summary: 'Продукты: описание, «Подробнее», документация',
      response: { 200: ProductList, ...errors },
    },
    preHandler: authenticated,
    handler: async () => ({ items: await listProducts(deps.db, { withCardOnly: true }) }),
  });
}
