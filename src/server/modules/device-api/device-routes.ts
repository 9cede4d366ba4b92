import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeviceCheckIn, DeviceSerialParams } from '../../../shared/api/activations';
import { ErrorResponse } from '../../../shared/api/common';
import { AppError } from '../../http/errors';
import type { App } from '../../http/types';
import { authenticateVendorToken, type VendorPrincipal } from '../activations/vendor-tokens';
import { deviceCheckIn } from './check-in';

/** Every route under it authenticates by vendor token alone: the session hook skips it (http/auth.ts). */
export const DEVICE_API_PREFIX = '/api/v1/device-api/';

/**
 * Per token and per node: a steady 1 000 check-ins a second with bursts of 2 000. A fleet of a million
 * devices checking in hourly needs under 300 a second; the limit is there for a runaway script, not for them.
 */
export const RATE_PER_SECOND = 1000;
export const BURST = 2000;

type Bucket = { tokens: number; at: number };

/** Buckets kept per node; only live tokens get one, so this is only ever reached after many revocations. */
const MAX_BUCKETS = 10_000;

/** A token bucket per token id: `allow(tokenId, nowMs)` takes one request's token or says no. */
export function tokenRateLimiter() {
  const buckets = new Map<string, Bucket>();
  return (tokenId: string, now: number): boolean => {
    if (buckets.size >= MAX_BUCKETS && !buckets.has(tokenId)) buckets.clear();
    const bucket = buckets.get(tokenId) ?? { tokens: BURST, at: now };
    bucket.tokens = Math.min(BURST, bucket.tokens + ((now - bucket.at) / 1000) * RATE_PER_SECOND);
    bucket.at = now;
    buckets.set(tokenId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

async function vendorOf(req: FastifyRequest, reply: FastifyReply): Promise<VendorPrincipal> {
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  const principal = token ? await authenticateVendorToken(req.server.deps.db, token) : null;
  if (!principal) {
    // RFC 6750, 3: a 401 names the scheme the client should use.
    reply.header('www-authenticate', 'Bearer realm="kabinet-device-api"');
    throw new AppError(
      'UNAUTHENTICATED',
      'Нужен действующий токен вендора: Authorization: Bearer kbv_… (токен неизвестен или отозван)',
    );
  }
  return principal;
}

/**
 * The device API: what a vendor's device (or the vendor's server on its behalf) asks to install or renew its
 * license. No session, cookie or CSRF work happens here — the bearer token is the whole authentication.
 */
export async function deviceRoutes(app: App): Promise<void> {
  const { deps } = app;
  const allow = tokenRateLimiter();

  app.get(`${DEVICE_API_PREFIX}devices/:serial/license`, {
    // Helmet's headers are for pages a browser renders (CSP, frames, HSTS); @fastify/helmet also rebuilds its
    // middleware on every request. A device reads JSON: only `nosniff` matters, on every answer.
    helmet: false,
    onRequest: (_req, reply, done) => {
      reply.header('x-content-type-options', 'nosniff');
      done();
    },
    schema: {
      tags: ['API устройств'],
      summary: 'Лицензия устройства (check-in)',
      description:
        'Авторизация: `Authorization: Bearer kbv_…` (токен вендора). `active` — текущая лицензия в формате `.slf` и её `kid` (ключи: `GET /api/v1/license-keys`); `expired` — срок истёк (`validUntil`); `none` — устройство известно, лицензий не было. Серийный номер чужого вендора — как неизвестный: 404 DEVICE_NOT_FOUND. Не больше 1000 запросов в секунду на токен (429 с Retry-After).',
      security: [{ vendorToken: [] }],
      params: DeviceSerialParams,
      response: {
        200: DeviceCheckIn,
        400: ErrorResponse,
        401: ErrorResponse,
        404: ErrorResponse,
        429: ErrorResponse,
      },
    },
    handler: async (req, reply) => {
      const vendor = await vendorOf(req, reply);
      const now = Date.now();
      if (!allow(vendor.tokenId, now)) {
        reply.header('retry-after', '1');
        throw new AppError(
          'RATE_LIMITED',
          `Слишком много запросов с этим токеном: не больше ${RATE_PER_SECOND} в секунду`,
        );
      }
      reply.header('cache-control', 'no-store');
      return deviceCheckIn(deps.db, { vendorId: vendor.vendorId, serial: req.params.serial, now });
    },
  });
}
