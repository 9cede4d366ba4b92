import { Readable } from 'node:stream';
import { ERROR_RESPONSES, ErrorResponse, IdParams } from '../../../shared/api/common';
import {
  Device,
  DeviceImport,
  DeviceImportList,
  DeviceImportUploadQuery,
  DeviceList,
  DeviceListQuery,
  DeviceUpdateBody,
} from '../../../shared/api/devices';
import { staffOnly } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { createDeviceImport } from './create-import';
import { getDeviceImport, listDeviceImports } from './import-view';
import { importDevicesJob } from './jobs';
import { getDevice, listDevices } from './list-devices';
import { updateDevice } from './update-device';

const errors = { ...ERROR_RESPONSES, 415: ErrorResponse, 422: ErrorResponse };

/** What a browser or a script may send a registry file as; the bytes decide the format, not this header. */
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Back office: the device registry (seed 002) and its import from CSV/XLSX. */
export async function adminDeviceRoutes(app: App): Promise<void> {
  const { deps } = app;
  const read = staffOnly('readDirectory');
  const manage = staffOnly('manageDevices');
  const tags = ['Бэк-офис: реестр устройств'];

  // The file is handed on as a stream (to the file storage), never buffered; scoped to this plugin.
  app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

  app.get('/api/v1/admin/devices', {
    schema: {
      tags,
      summary: 'Реестр устройств',
      description: '`q` — начало серийного номера (пробелы не учитываются).',
      querystring: DeviceListQuery,
      response: { 200: DeviceList, ...errors },
    },
    preHandler: read,
    handler: async (req) => listDevices(deps.db, req.query),
  });
  app.get('/api/v1/admin/devices/:id', {
    schema: { tags, summary: 'Устройство', params: IdParams, response: { 200: Device, ...errors } },
    preHandler: read,
    handler: async (req) => getDevice(deps.db, req.params.id),
  });
  app.patch('/api/v1/admin/devices/:id', {
    schema: {
      tags,
      summary: 'Исправить модель или дату окончания подписки',
      params: IdParams,
      body: DeviceUpdateBody,
      response: { 200: Device, ...errors },
    },
    preHandler: manage,
    handler: async (req) => updateDevice(deps.db, req.params.id, req.body, actorOf(req)),
  });

  app.post('/api/v1/admin/devices/imports', {
    schema: {
      tags,
      summary: 'Загрузить реестр из CSV или XLSX',
      description:
        'Тело — сам файл (`application/octet-stream`), имя — в `fileName`. Столбцы: Серийный номер; Модель; Вендор; Подписка до (заголовок необязателен; в XLSX — первый лист). CSV — в UTF-8, Windows-1251 или UTF-16 с BOM; UTF-16 без BOM, UTF-32 и двоичные файлы → 422 FILE_ENCODING_UNSUPPORTED (при загрузке — по началу файла, дальше — импорт завершается ошибкой с причиной). Ответ 202: импорт поставлен в очередь, ход — `GET …/imports/{id}`. Всё или ничего: при ошибке в любой строке реестр не меняется, отчёт — `errors` (`row`, `column`, `message`). Известный серийный номер получает модель из файла и более позднюю из двух дат подписки.',
      querystring: DeviceImportUploadQuery,
      response: { 202: DeviceImport, ...errors },
    },
    preHandler: manage,
    handler: async (req, reply) => {
      if (!(req.body instanceof Readable))
        throw new AppError('BAD_REQUEST', 'Отправьте файл телом запроса с типом application/octet-stream');
      const created = await createDeviceImport(deps.db, deps.storage, {
        source: req.body,
        fileName: req.query.fileName,
        actor: actorOf(req),
      });
      await deps.jobs.send(importDevicesJob, { importId: created.id }, { singletonKey: created.id });
      return reply.code(202).send(created);
    },
  });
  app.get('/api/v1/admin/devices/imports', {
    schema: {
      tags,
      summary: 'Последние импорты реестра',
      response: { 200: DeviceImportList, ...errors },
    },
    preHandler: read,
    handler: async () => ({ items: await listDeviceImports(deps.db) }),
  });
  app.get('/api/v1/admin/devices/imports/:id', {
    schema: {
      tags,
      summary: 'Ход импорта и отчёт об ошибках',
      params: IdParams,
      response: { 200: DeviceImport, ...errors },
    },
    preHandler: read,
    handler: async (req) => getDeviceImport(deps.db, req.params.id),
  });
}
