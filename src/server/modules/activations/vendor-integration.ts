import type dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  hasPrivateLiteralHost,
  PRIVATE_ADDRESS_CODE,
  PRIVATE_INTEGRATION_MESSAGE,
  publicOnlyLookup,
} from '../vendors/integration-address';

/** What the vendor's activation endpoint receives: the activation and its signed licenses. */
export type VendorActivationRequest = {
  activationNumber: number;
  organizationInn: string;
  licenses: Array<{ serial: string; validUntil: string; license: string }>;
};

export type VendorCallResult = { ok: true } | { ok: false; error: string };

/** How long the vendor may take to answer before the activation is «Ошибка». */
export const VENDOR_TIMEOUT_MS = 15_000;
/** The error text is shown in red on the activation page and mailed: keep it readable. */
const MAX_ERROR_LENGTH = 500;

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_ERROR_LENGTH ? `${single.slice(0, MAX_ERROR_LENGTH - 1)}…` : single;
}

/**
 * The vendor's own words from an error answer: `error` or `message` of a JSON body (also `error.message`),
 * else a plain description with the HTTP status (seed 002, 2.5: «текст ошибки с красной подсветкой»).
 */
export function vendorErrorText(status: number, body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const { error, message } = json as Record<string, unknown>;
      const nested =
        error && typeof error === 'object' ? (error as Record<string, unknown>).message : undefined;
      for (const candidate of [error, message, nested])
        if (typeof candidate === 'string' && candidate.trim()) return clip(candidate);
    }
  } catch {
    // not JSON: fall through to the status
  }
  return status >= 500 ? `Внутренняя ошибка (HTTP ${status})` : `Запрос отклонён вендором (HTTP ${status})`;
}

/** The vendor's answer body is read up to this size (only its error text is used). */
const MAX_BODY_BYTES = 64 * 1024;

export type VendorCallOptions = {
  /** `ALLOW_PRIVATE_INTEGRATION_URLS`: the operator's own test or on-premises vendor service. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** Name resolution (default `dns.lookup`); whatever it answers is checked before the socket connects. */
  resolve?: typeof dns.lookup;
};

type RawAnswer = { status: number; body: string };

/** One POST over node:http(s) with our lookup; no redirects are followed (a 3xx is a failed answer). */
function post(url: URL, body: string, lookup: LookupFunction | undefined, signal: AbortSignal) {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        // A fresh socket per call: a pooled one could have been opened by a request without our lookup.
        agent: false,
        ...(lookup ? { lookup } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    const abort = () => {
      req.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    req.on('close', () => signal.removeEventListener('abort', abort));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs the licenses to the vendor. Called outside any database transaction: a slow vendor must never hold
 * row locks. A 2xx answer is success; anything else — another status, a network error, no answer within
 * VENDOR_TIMEOUT_MS — is a failure with a text for people. Unless the operator allows it, the URL may not
 * reach this machine or an internal network (SSRF, issue 8, item 14): its literal host is checked, and the
 * addresses its name resolves to are checked on every call, at the moment the socket connects.
 */
export async function callVendorIntegration(
  url: string,
  request: VendorActivationRequest,
  options: VendorCallOptions = {},
): Promise<VendorCallResult> {
  const timeoutMs = options.timeoutMs ?? VENDOR_TIMEOUT_MS;
  if (!options.allowPrivate && hasPrivateLiteralHost(url))
    return { ok: false, error: PRIVATE_INTEGRATION_MESSAGE };
  let answer: RawAnswer;
  try {
    const lookup = options.allowPrivate ? undefined : publicOnlyLookup(options.resolve);
    answer = await post(new URL(url), JSON.stringify(request), lookup, AbortSignal.timeout(timeoutMs));
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === PRIVATE_ADDRESS_CODE)
      return { ok: false, error: PRIVATE_INTEGRATION_MESSAGE };
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return { ok: false, error: `Сервис вендора не ответил за ${Math.round(timeoutMs / 1000)} с` };
    return { ok: false, error: 'Сервис вендора недоступен' };
  }
  if (answer.status >= 200 && answer.status < 300) return { ok: true };
  return { ok: false, error: vendorErrorText(answer.status, answer.body) };
}
