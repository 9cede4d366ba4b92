/**
 * One entry of `error.details`: the field `path` of a validation error, or the serial `part`/`code` and the
 * CSV `row`/`column` of a decoding or import error.
 */
export type ErrorDetail = {
  path?: string;
  message: string;
  code?: string;
  part?: string;
  row?: number;
  column?: string;
};

/**
 * The one error answer, `{ error: { code, message, requestId, details? } }` (src/server/http/error-handler.ts).
 * `details` is typed present so assertions can read it directly; when the answer has none, they fail.
 */
export type ErrorBody = {
  error: { code: string; message: string; requestId: string; details: ErrorDetail[] };
};

export type TestResponse<T = unknown> = { status: number; body: T; headers: Headers; text: string };

/**
 * A small HTTP client over real fetch with a cookie jar and the CSRF header, as the web app sends it.
 * `raw` options let security tests leave things out.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json'))
      parsed = text ? JSON.parse(text) : null;
    const token = (parsed as { csrfToken?: string; me?: { csrfToken?: string } } | null) ?? null;
    if (token && typeof token === 'object') {
      const next = token.me?.csrfToken ?? token.csrfToken;
      if (typeof next === 'string') this.csrfToken = next;
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  /** A raw text body (CSV uploads), with the session cookie and CSRF token like any other request. */
  async postText<T = unknown>(
    path: string,
    text: string,
    contentType = 'text/csv',
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.baseUrl + path, { method: 'POST', headers, body: text });
    const body = await res.text();
    const parsed =
      res.headers.get('content-type')?.includes('application/json') && body ? JSON.parse(body) : body;
    return { status: res.status, body: parsed as T, headers: res.headers, text: body };
  }

  get<T = unknown>(path: string, options?: { headers?: Record<string, string> }) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = unknown>(
    path: string,
    body?: unknown,
    options?: { csrf?: boolean; headers?: Record<string, string> },
  ) {
    return this.request<T>('POST', path, body ?? {}, options);
  }
  patch<T = unknown>(path: string, body: unknown, options?: { csrf?: boolean }) {
    return this.request<T>('PATCH', path, body, options);
  }
  put<T = unknown>(path: string, body: unknown, options?: { csrf?: boolean }) {
    return this.request<T>('PUT', path, body, options);
  }
  delete<T = unknown>(path: string, options?: { csrf?: boolean }) {
    return this.request<T>('DELETE', path, undefined, options);
  }
}
