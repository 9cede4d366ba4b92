import { PublishedLicenseKeys } from '../../../shared/api/activations';
import { ERROR_RESPONSES } from '../../../shared/api/common';
import type { App } from '../../http/types';
import { currentLicenseKeys } from './signing-keys';

const _errors = ERROR_RESPONSES;

/**
 * Verifiers may cache the set this long. A file signed by a key created after a verifier's copy was taken
 * is UNKNOWN_KEY to it until the copy expires, so the time stays short (and `verify-license --url` always
 * fetches afresh).
 */
const PUBLIC_CACHE_SECONDS = 300;

/** The public keys that verify license files (seed 000), open to anyone who checks a file. */
export async function publicLicenseKeyRoutes(app: App): Promise<void> {
  const { deps } = app;

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
}
