import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_METRICS_ALLOW } from '../../config';
import { isInAddressList, parseAddressList } from '../../http/address-ranges';
import { AppError } from '../../http/errors';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Every address a request names: the connecting peer and whatever a proxy in between says it relayed. */
function addressesOf(req: FastifyRequest): string[] {
  const addresses = [req.socket.remoteAddress ?? ''];
  for (const header of ['x-forwarded-for', 'x-real-ip']) {
    const value = req.headers[header];
    for (const part of (Array.isArray(value) ? value.join(',') : (value ?? '')).split(','))
      if (part.trim()) addresses.push(part.trim());
  }
  return addresses;
}

/**
 * Guards `GET /metrics` (issue 8, item 13): the numbers show routes, error rates and the process, so they are
 * for the operator's scraper only. It passes with `Authorization: Bearer <METRICS_TOKEN>` (compared in
 * constant time), or when the connecting address and every address in `X-Forwarded-For` / `X-Real-IP` are
 * in `METRICS_ALLOW`. Checking the relayed addresses too means a reverse proxy on the same machine (whose
 * own address is loopback) never opens the metrics to the public it relays, whatever `TRUST_PROXY` says;
 * adding such a header can only narrow access, never widen it.
 */
export function metricsGuard(config: { metricsToken?: string | undefined; metricsAllow?: string }) {
  const allow = parseAddressList(config.metricsAllow ?? DEFAULT_METRICS_ALLOW);
  const expected = config.metricsToken ? sha256(config.metricsToken) : null;
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (addressesOf(req).every((address) => isInAddressList(allow, address))) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (expected && bearer && timingSafeEqual(sha256(bearer), expected)) return;
    if (expected) {
      reply.header('www-authenticate', 'Bearer realm="metrics"'); // RFC 6750, 3
      throw new AppError('UNAUTHENTICATED', 'Для метрик нужен заголовок Authorization: Bearer METRICS_TOKEN');
    }
    throw new AppError('FORBIDDEN', 'Метрики доступны только с адресов из METRICS_ALLOW');
  };
}
