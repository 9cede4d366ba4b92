import {
  Article,
  ArticleCreateBody,
  ArticleList,
  ArticleListQuery,
  ArticleUpdateBody,
} from '../../../shared/api/catalog';
import { ERROR_RESPONSES, IdParams, OkResponse } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { getArticle, listArticles } from './article-view';
import { createArticle, deleteArticle, updateArticle } from './save-article';

const errors = ERROR_RESPONSES;

/** Articles (SKUs `AA-BCDEFFGHHZZ`) with prices in kopecks: operator CRUD. */
export async function adminArticleRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Бэк-офис: каталог'];
  const manage = staffOnly('manageCatalog');

  app.get('/api/v1/admin/catalog/articles', {
    schema: {
      tags,
      summary: 'Артикулы',
      querystring: ArticleListQuery,
      response: { 200: ArticleList, ...errors },
    },
    preHandler: staffOnly('readDirectory'),
    handler: async (req) => listArticles(deps.db, req.query),
  });
  app.get('/api/v1/admin/catalog/articles/:id', {
    schema: { tags, summary: 'Артикул', params: IdParams, response: { 200: Article, ...errors } },
    preHandler: staffOnly('readDirectory'),
    handler: async (req) => getArticle(deps.db, req.params.id),
  });
  app.post('/api/v1/admin/catalog/articles', {
    schema: {
      tags,
      summary: 'Создать артикул',
      description: 'Коды выбираются из таблиц Приложения 1; выведенные из употребления коды не принимаются.',
      body: ArticleCreateBody,
      response: { 201: Article, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) => reply.code(201).send(await createArticle(deps.db, req.body, actorOf(req))),
  });
  app.patch('/api/v1/admin/catalog/articles/:id', {
    schema: {
      tags,
      summary: 'Изменить название, цену, архивировать',
      params: IdParams,
      body: ArticleUpdateBody,
      response: { 200: Article, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateArticle(deps.db, req.params.id, req.body, actorOf(req)),
  });
  app.delete('/api/v1/admin/catalog/articles/:id', {
    schema: {
      tags,
      summary: 'Удалить артикул без лицензий',
      params: IdParams,
      response: { 200: OkResponse, ...errors },
    },
    preHandler: manage,
    handler: async (req) => {
      await deleteArticle(deps.db, req.params.id, actorOf(req));
      return { ok: true as const };
    },
  });
}
