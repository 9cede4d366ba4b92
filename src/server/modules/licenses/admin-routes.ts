import { z } from 'zod';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import {
  ActivationReportResponse,
  ActivationsSetBody,
  AdminLicense,
  AdminLicenseList,
  AdminLicenseListQuery,
  LicenseImportJsonBody,
  LicenseImportResponse,
  LicenseIssueBody,
  LicenseIssueResponse,
} from '../../../shared/api/licenses';
import { requireScope, staffOnly } from '../../http/auth';
import { idempotencyKeyOf } from '../../http/idempotency';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { getAdminLicense } from './get-license';
import { decodeImportFile, importLicenses } from './import-licenses';
import { issueLicenses } from './issue-licenses';
import { listAllLicenses } from './list-licenses';
import { setActivationsByStaff } from './set-activations';

const errors = { ...ERROR_RESPONSES, 422: ErrorResponse };

/** A CSV register of a few thousand licenses fits easily. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/** The back office's side of licenses: issue, register, activations by hand, CSV import. */
export async function adminLicenseRoutes(app: App): Promise<void> {
  const { deps } = app;
  const tags = ['Бэк-офис: лицензии'];
  const issue = staffOnly('issueLicenses');

  // CSV arrives as text/csv (or text/plain); scoped to this module's routes by Fastify's encapsulation.
  // Taken as bytes and decoded here, not by Fastify as UTF-8: Excel writes Windows-1251 and UTF-16, and a
  // binary file must be refused as such instead of arriving as U+FFFD and NUL characters.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => {
      try {
        done(null, decodeImportFile(body as Buffer));
      } catch (error) {
        done(error as Error);
      }
    },
  );

  app.post('/api/v1/admin/licenses/issue', {
    schema: {
      tags,
      summary: 'Выпустить лицензии (отгрузка)',
      description:
        'Каждый серийный номер — YY-артикул-DDD-NNNN по дате генерации (Москва) и сквозному номеру за день. Заголовок `Idempotency-Key`: повтор с тем же ключом и телом возвращает тот же результат без повторного выпуска. Вход в кабинет уходит на `recipientEmail` (по умолчанию при первой отгрузке — контактный адрес организации): новый адрес добавляется в кабинет организации и получает приглашение, пользователи кабинета — письмо о новых лицензиях.',
      body: LicenseIssueBody,
      response: { 201: LicenseIssueResponse, ...errors },
    },
    preHandler: issue,
    handler: async (req, reply) => {
      const result = await issueLicenses(deps, req.body, {
        actor: actorOf(req),
        idempotencyKey: idempotencyKeyOf(req),
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.response);
    },
  });

  app.get('/api/v1/admin/licenses', {
    schema: {
      tags,
      summary: 'Реестр лицензий',
      querystring: AdminLicenseListQuery,
      response: { 200: AdminLicenseList, ...errors },
    },
    preHandler: staffOnly('readDirectory'),
    handler: async (req) => listAllLicenses(deps.db, requireScope(req), req.query),
  });

  app.get('/api/v1/admin/licenses/:id', {
    schema: { tags, summary: 'Лицензия', params: IdParams, response: { 200: AdminLicense, ...errors } },
    preHandler: staffOnly('readDirectory'),
    handler: async (req) => getAdminLicense(deps.db, requireScope(req), req.params.id),
  });

  app.post('/api/v1/admin/licenses/:id/activations', {
    schema: {
      tags,
      summary: 'Задать «Активировано» вручную',
      description: '`count` — новое общее число активаций, от 0 до количества по лицензии.',
      params: IdParams,
      body: ActivationsSetBody,
      response: { 200: ActivationReportResponse, ...errors },
    },
    preHandler: issue,
    handler: async (req) => setActivationsByStaff(deps.db, req.params.id, req.body.count, actorOf(req)),
  });

  app.post('/api/v1/admin/licenses/import', {
    schema: {
      tags,
      summary: 'Загрузить существующие лицензии из CSV',
      description:
        'Тело — text/csv или JSON `{ "csv": "…" }`. Столбцы: ИНН; серийный номер; артикул; количество; активировано (заголовок необязателен, разделитель `;` или `,`). Кодировка — UTF-8, Windows-1251 или UTF-16 с BOM («Юникод-текст» Excel); UTF-16 без BOM, UTF-32 и двоичные файлы → 422 FILE_ENCODING_UNSUPPORTED. Всё или ничего: при ошибках ответ 400 IMPORT_INVALID, `details` — список `{ row, column, message }`.',
      body: z.union([z.string().min(1, 'Файл пуст'), LicenseImportJsonBody]),
      response: { 201: LicenseImportResponse, ...errors },
    },
    bodyLimit: IMPORT_BODY_LIMIT,
    preHandler: issue,
    handler: async (req, reply) => {
      const csv = typeof req.body === 'string' ? req.body : req.body.csv;
      return reply.code(201).send(await importLicenses(deps.db, csv, actorOf(req)));
    },
  });
}
