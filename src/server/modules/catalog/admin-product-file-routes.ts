import fastifyMultipart from '@fastify/multipart';
import { ProductParams } from '../../../shared/api/catalog';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import { AdminProductFile, AdminProductFileList, ProductFileUpdateBody } from '../../../shared/api/files';
import { staffOnly } from '../../http/auth';
import { multipartBoundary } from '../../http/download';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { sendProductFile } from './product-files-send';
import { setProductFileWithdrawn, updateProductFile } from './product-files-update';
import { uploadProductFile } from './product-files-upload';
import { getProductFileRow, listProductFiles } from './product-files-view';

const errors = ERROR_RESPONSES;
export const DOWNLOAD_DESCRIPTION =
  'Тело — байты файла. `Accept-Ranges: bytes`: один диапазон `Range: bytes=…` → 206 с `Content-Range`, за пределами файла → 416. `ETag` — SHA-256 файла; `If-None-Match` с ним → 304. Имя файла — в `Content-Disposition` (`filename*`, RFC 5987).';

/**
 * Product files (seed 000, «Скачать» and «Информация»): the operator uploads distributions and documentation
 * (multipart, streamed to the file storage). Customers list and download them through licenses/customer-routes.ts.
 */
export async function adminProductFileRoutes(app: App): Promise<void> {
  const { deps } = app;
  const manage = staffOnly('manageCatalog');
  const staffTags = ['Бэк-офис: файлы продуктов'];

  // Scoped to this plugin: one file per request, small fields, the file itself up to UPLOAD_LIMIT_MB.
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: deps.config.uploadLimitBytes,
      files: 1,
      fields: 10,
      fieldSize: 64 * 1024,
      parts: 11,
      headerPairs: 100,
    },
  });

  app.get('/api/v1/admin/catalog/products/:code/files', {
    schema: {
      tags: staffTags,
      summary: 'Файлы продукта (и отозванные)',
      params: ProductParams,
      response: { 200: AdminProductFileList, ...errors },
    },
    preHandler: manage,
    handler: async (req) => ({
      items: await listProductFiles(deps.db, req.params.code),
      uploadLimitBytes: deps.config.uploadLimitBytes,
    }),
  });

  app.post('/api/v1/admin/catalog/products/:code/files', {
    schema: {
      tags: staffTags,
      summary: 'Загрузить дистрибутив или документ',
      description:
        '`multipart/form-data`: сначала поля `kind` (`distribution` | `document`), `title`, `version` (обязательна для дистрибутива), `releasedOn` (ГГГГ-ММ-ДД, по умолчанию сегодня), `notes`, затем одна часть-файл. Файл не читается в память целиком; размер и SHA-256 считаются на лету. Больше `UPLOAD_LIMIT_MB` → 413 FILE_TOO_LARGE. Тело без границы частей, с чужой границей или оборванное → 400 UPLOAD_MALFORMED; ничего не сохраняется.',
      consumes: ['multipart/form-data'],
      params: ProductParams,
      response: { 201: AdminProductFile, 413: ErrorResponse, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('BAD_REQUEST', 'Ожидается multipart/form-data: поля описания, затем файл');
      if (!multipartBoundary(req.headers['content-type']))
        throw new AppError(
          'UPLOAD_MALFORMED',
          'В заголовке Content-Type нет границы частей (boundary) от 1 до 70 символов (RFC 2046): файл не загружен',
        );
      const file = await uploadProductFile(
        deps,
        { productCode: req.params.code, parts: req.parts() },
        actorOf(req),
      );
      return reply.code(201).send(file);
    },
  });

  app.patch('/api/v1/admin/catalog/files/:id', {
    schema: {
      tags: staffTags,
      summary: 'Изменить название, версию, дату выпуска, описание',
      params: IdParams,
      body: ProductFileUpdateBody,
      response: { 200: AdminProductFile, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateProductFile(deps.db, req.params.id, req.body, actorOf(req)),
  });

  for (const [action, withdrawn] of [
    ['withdraw', true],
    ['restore', false],
  ] as const) {
    app.post(`/api/v1/admin/catalog/files/:id/${action}`, {
      schema: {
        tags: staffTags,
        summary: withdrawn ? 'Отозвать файл' : 'Вернуть отозванный файл',
        description: 'Отозванный файл клиенты не видят и не скачивают; в бэк-офисе он остаётся.',
        params: IdParams,
        response: { 200: AdminProductFile, ...errors },
      },
      preHandler: manage,
      handler: async (req) => setProductFileWithdrawn(deps.db, req.params.id, withdrawn, actorOf(req)),
    });
  }

  app.route({
    method: ['GET', 'HEAD'],
    url: '/api/v1/admin/catalog/files/:id/download',
    schema: {
      tags: staffTags,
      summary: 'Скачать файл (и отозванный)',
      description: DOWNLOAD_DESCRIPTION,
      params: IdParams,
      response: { 416: ErrorResponse, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) =>
      sendProductFile(req, reply, deps.storage, await getProductFileRow(deps.db, req.params.id)),
  });
}
