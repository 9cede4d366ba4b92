import {
  CodeCreateBody,
  CodeEntry,
  CodeParams,
  CodeRenameBody,
  CodeTableList,
  CodeTableParams,
  Product,
  ProductApiToken,
  ProductApiTokenCreateBody,
  ProductApiTokenCreated,
  ProductApiTokenList,
  ProductList,
  ProductParams,
  ProductSaveBody,
} from '../../../shared/api/catalog';
import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import { notFound } from '../../http/errors';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { createProductToken, listProductTokens, revokeProductToken } from './product-tokens';
import { getProduct, listProducts, saveProduct } from './products';
import { addCode, listCodeTables, updateCode } from './save-code';

const errors = ERROR_RESPONSES;

/** The back office's catalog: the code tables of «Приложение 1», product cards and their API tokens (seed 000). */
export async function adminCatalogRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Бэк-офис: каталог'];
  const read = staffOnly('readDirectory');
  const manage = staffOnly('manageCatalog');

  app.get('/api/v1/admin/catalog/code-tables', {
    schema: { tags, summary: 'Таблицы обозначений', response: { 200: CodeTableList, ...errors } },
    preHandler: read,
    handler: async () => ({ items: await listCodeTables(deps.db) }),
  });
  app.post('/api/v1/admin/catalog/code-tables/:table/codes', {
    schema: {
      tags,
      summary: 'Добавить код в таблицу',
      params: CodeTableParams,
      body: CodeCreateBody,
      response: { 201: CodeEntry, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await addCode(deps.db, { table: req.params.table, ...req.body }, actorOf(req))),
  });
  app.patch('/api/v1/admin/catalog/code-tables/:table/codes/:code', {
    schema: {
      tags,
      summary: 'Переименовать код',
      params: CodeParams,
      body: CodeRenameBody,
      response: { 200: CodeEntry, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateCode(deps.db, { ...req.params, name: req.body.name }, actorOf(req)),
  });
  for (const [action, retired] of [
    ['retire', true],
    ['unretire', false],
  ] as const) {
    app.post(`/api/v1/admin/catalog/code-tables/:table/codes/:code/${action}`, {
      schema: {
        tags,
        summary: retired ? 'Вывести код из употребления' : 'Вернуть код в употребление',
        description:
          'Выведенный код расшифровывается, но новые артикулы и серийные номера с ним не выпускаются.',
        params: CodeParams,
        response: { 200: CodeEntry, ...errors },
      },
      preHandler: manage,
      handler: async (req) => updateCode(deps.db, { ...req.params, retired }, actorOf(req)),
    });
  }

  app.get('/api/v1/admin/catalog/products', {
    schema: { tags, summary: 'Продукты (все коды таблицы 1)', response: { 200: ProductList, ...errors } },
    preHandler: read,
    handler: async () => ({ items: await listProducts(deps.db, { withCardOnly: false }) }),
  });
  app.get('/api/v1/admin/catalog/products/:code', {
    schema: { tags, summary: 'Продукт', params: ProductParams, response: { 200: Product, ...errors } },
    preHandler: read,
    handler: async (req) => {
      const product = await getProduct(deps.db, req.params.code);
      if (!product) throw notFound(`Кода продукта «${req.params.code}» нет в таблице 1`);
      return product;
    },
  });
  app.put('/api/v1/admin/catalog/products/:code', {
    schema: {
      tags,
      summary: 'Карточка продукта: название, описание, ссылки',
      params: ProductParams,
      body: ProductSaveBody,
      response: { 200: Product, ...errors },
    },
    preHandler: manage,
    handler: async (req) => saveProduct(deps.db, req.params.code, req.body, actorOf(req)),
  });

  app.get('/api/v1/admin/catalog/products/:code/api-tokens', {
    schema: {
      tags,
      summary: 'Токены сервера активации продукта',
      params: ProductParams,
      response: { 200: ProductApiTokenList, ...errors },
    },
    preHandler: manage,
    handler: async (req) => ({ items: await listProductTokens(deps.db, req.params.code) }),
  });
  app.post('/api/v1/admin/catalog/products/:code/api-tokens', {
    schema: {
      tags,
      summary: 'Создать токен сервера активации (показывается один раз)',
      params: ProductParams,
      body: ProductApiTokenCreateBody,
      response: { 201: ProductApiTokenCreated, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await createProductToken(deps.db, { productCode: req.params.code, ...req.body }, actorOf(req))),
  });
  app.post('/api/v1/admin/catalog/api-tokens/:id/revoke', {
    schema: {
      tags,
      summary: 'Отозвать токен',
      params: IdParams,
      response: { 200: ProductApiToken, ...errors },
    },
    preHandler: manage,
    handler: async (req) => revokeProductToken(deps.db, req.params.id, actorOf(req)),
  });
}
