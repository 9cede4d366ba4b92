import { PublishedLicenseKeys } from '../../../shared/api/activations';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { currentLicenseKeys, rotateSigningKey } from './signing-keys';

const errors = ERROR_RESPONSES;

/**
 * The license-signing keys in the back office (ARCHITECTURE.md, "License files"): the set and its rotation;
 * the public set, a stable contract, is ./public-routes.ts.
 */
export async function adminLicenseKeyRoutes(app: App): Promise<void> {
  const { deps } = app;
  const manage = staffOnly('manageLicenseKeys');
  const tags = ['Бэк-офис: ключи подписи лицензий'];

  app.get('/api/v1/admin/license-keys', {
    schema: {
      tags,
      summary: 'Ключи подписи файлов лицензий',
      response: { 200: PublishedLicenseKeys, ...errors },
    },
    preHandler: manage,
    handler: async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { keys: await currentLicenseKeys(deps.db, deps.config.appSecret) };
    },
  });

  app.post('/api/v1/admin/license-keys/rotate', {
    schema: {
      tags,
      summary: 'Сменить ключ подписи',
      description:
        'Новый ключ подписывает новые файлы; прежний становится `retired` и остаётся опубликованным, так что выданные файлы действительны.',
      response: { 200: PublishedLicenseKeys, ...errors },
    },
    preHandler: manage,
    handler: async (req) => {
      await rotateSigningKey(deps.db, deps.config.appSecret, actorOf(req));
      return { keys: await currentLicenseKeys(deps.db, deps.config.appSecret) };
    },
  });
}
