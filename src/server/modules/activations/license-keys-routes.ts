import { PublishedLicenseKeys } from '../../../shared/api/activations';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import { staffOnly } from '../../http/auth';
import type { App } from '../../http/types';
import { actorOf } from '../audit/record-audit';
import { currentLicenseKeys, rotateSigningKey } from './signing-keys';

const errors = ERROR_RESPONSES;

/**
 * Verifiers may cache the set this long. A file signed by a key created after a verifier's copy was taken
 * is UNKNOWN_KEY to it until the copy expires, so the time stays short (and `verify-license --url` always
 * fetches afresh).
 */
const PUBLIC_CACHE_SECONDS = 300;

/**
 * The license-signing keys (ARCHITECTURE.md, "License files"): the public set (a stable contract) and the
 * back office's view and rotation.
 */
export async function licenseKeyRoutes(app: App): Promise<void> {
  const { deps } = app;
  const manage = staffOnly('manageLicenseKeys');

  app.get('/api/v1/license-keys', {
    schema: {
      tags: ['Файлы лицензий'],
      summary: 'Открытые ключи подписи файлов лицензий (публично)',
      description:
        'Ed25519, PEM и JWK, с идентификатором `kid` из файла лицензии. Действующий ключ первый; выведенные из работы (`retired`) остаются в списке, чтобы файлы, подписанные до смены ключа, проверялись.',
      response: { 200: PublishedLicenseKeys },
    },
    handler: async (_req, reply) => {
      reply.header('cache-control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
      return { keys: await currentLicenseKeys(deps.db, deps.config.appSecret) };
    },
  });

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
