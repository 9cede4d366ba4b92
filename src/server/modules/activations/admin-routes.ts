import {
  ActivationItemList,
  ActivationItemQuery,
  ActivationList,
  ActivationListQuery,
  ActivationSummary,
} from '../../../shared/api/activations';
import { ERROR_RESPONSES, IdParams } from '../../../shared/api/common';
import { requireScope, staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { listActivationItems } from './activation-items';
import { getActivationSummary } from './activation-view';
import { listActivations } from './list-activations';
import { retryActivation } from './retry-activation';

const errors = ERROR_RESPONSES;

/** Back office: every partner organization's activations, their devices, «Повторить запрос» (seed 002). */
export async function adminActivationRoutes(app: App): Promise<void> {
  const { deps } = app;
  const read = staffOnly('readActivations');
  const manage = staffOnly('manageDevices');
  const tags = ['Бэк-офис: активации'];

  app.get('/api/v1/admin/activations', {
    schema: {
      tags,
      summary: 'Активации всех организаций',
      description:
        '`q` — наименование или ИНН организации; `serial` — начало серийного номера устройства; фильтры по организации и статусу.',
      querystring: ActivationListQuery,
      response: { 200: ActivationList, ...errors },
    },
    preHandler: read,
    handler: async (req) => listActivations(deps.db, requireScope(req), req.query),
  });

  app.get('/api/v1/admin/activations/:id', {
    schema: { tags, summary: 'Активация', params: IdParams, response: { 200: ActivationSummary, ...errors } },
    preHandler: read,
    handler: async (req) => getActivationSummary(deps.db, requireScope(req), req.params.id),
  });

  app.get('/api/v1/admin/activations/:id/items', {
    schema: {
      tags,
      summary: 'Устройства активации',
      description: '`q` — начало серийного номера.',
      params: IdParams,
      querystring: ActivationItemQuery,
      response: { 200: ActivationItemList, ...errors },
    },
    preHandler: read,
    handler: async (req) => {
      return listActivationItems(deps.db, requireScope(req), req.params.id, req.query);
    },
  });

  app.post('/api/v1/admin/activations/:id/retry', {
    schema: {
      tags,
      summary: '«Повторить запрос» для активации со статусом «Ошибка»',
      params: IdParams,
      response: { 200: ActivationSummary, ...errors },
    },
    preHandler: manage,
    handler: async (req) => retryActivation(deps, requireScope(req), req.params.id, actorOf(req)),
  });
}
