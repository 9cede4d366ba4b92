import type { z } from 'zod';
import type { ErrorResponse } from '../../shared/api/common';

/** Every endpoint of the contract lives under this prefix. */
export const API_PREFIX = '/api/v1';

/** One field-level problem of a `VALIDATION_ERROR` response. */
export type ValidationIssue = { path: string; message: string };

/** The API's one error shape, `{ error: { code, message, requestId, details } }`, as an exception. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(init: {
    code: string;
    status: number;
    message: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
  }

  /** Field problems of a `VALIDATION_ERROR`; empty for any other error. */
  get issues(): ValidationIssue[] {
    if (this.code !== 'VALIDATION_ERROR' || !Array.isArray(this.details)) return [];
    return this.details.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { path, message } = item as Record<string, unknown>;
      if (typeof message !== 'string') return [];
      return [{ path: normalizeIssuePath(path), message }];
    });
  }
}

/** `body/inn`, `body.inn`, `["documentEmails", 0]` → `inn`, `documentEmails.0`. */
function normalizeIssuePath(path: unknown): string {
  const raw = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
  return raw
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

/** The token comes with `/auth/me` and with login responses; every non-GET request echoes it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let unauthenticatedHandler: (() => void) | null = null;

/** Called when a request answers 401 `UNAUTHENTICATED` (the session ended): the app sends people to /login. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions<T> = {
  signal?: AbortSignal;
  /** Checked in development only: a mismatch with the shared contract is logged, never thrown. */
  schema?: z.ZodType<T>;
  /** Set for requests whose 401 is an expected answer (`/auth/me` before login). */
  quietUnauthenticated?: boolean;
  /** Internal: set on the one retry after a stale CSRF token. */
  csrfRetried?: boolean;
  /** Extra request headers, e.g. `Idempotency-Key` for license issuance. */
  headers?: Record<string, string>;
};

type Query = Record<string, unknown>;

/** `withQuery('/admin/users', { q: 'ив', page: 2, status: undefined })` → `/admin/users?q=%D0%B8%D0%B2&page=2`. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' ? value === '' : typeof value !== 'number' && typeof value !== 'boolean')
      continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'Нет связи с сервером' });
  }

  const payload: unknown = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) {
    const error = toApiError(response, payload, options.quietUnauthenticated === true);
    // The token belongs to the session; after a re-login in another tab it is stale. Fetch the
    // current one and try once more.
    if (
      error.code === 'CSRF_FAILED' &&
      method !== 'GET' &&
      !options.csrfRetried &&
      (await refreshCsrfToken())
    ) {
      return request<T>(method, path, body, { ...options, csrfRetried: true });
    }
    throw error;
  }

  if (import.meta.env.DEV && options.schema) {
    const result = options.schema.safeParse(payload);
    if (!result.success)
      console.warn(`Ответ ${method} ${path} не совпадает с контрактом`, result.error.issues);
  }
  return payload as T;
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await request<{ csrfToken: string }>('GET', '/auth/me', undefined, {
      quietUnauthenticated: true,
    });
    setCsrfToken(me.csrfToken);
    return true;
  } catch {
    return false;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown, quiet: boolean): ApiError {
  const envelope = (payload as Partial<ErrorResponse> | undefined)?.error;
  const error = new ApiError({
    code: envelope?.code ?? `HTTP_${response.status}`,
    status: response.status,
    message: envelope?.message ?? response.statusText,
    details: envelope?.details,
    requestId: envelope?.requestId,
  });
  if (response.status === 401 && error.code === 'UNAUTHENTICATED' && !quiet) unauthenticatedHandler?.();
  return error;
}

/** Typed JSON calls to `/api/v1`; `path` is relative to the prefix (`/auth/me`). */
export const api = {
  get: <T>(path: string, options?: RequestOptions<T>) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions<T>) =>
    request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions<T>) =>
    request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions<T>) =>
    request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions<T>) => request<T>('DELETE', path, undefined, options),
};
