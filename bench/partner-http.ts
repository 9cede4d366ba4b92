import type { Session } from './apps';
import { logIn } from './apps';

/**
 * A partner's session over real HTTP, as the cabinet's web client holds it: the cookie and the CSRF token
 * its POSTs carry.
 */
export type PartnerSession = { headers: Record<string, string>; csrf: Record<string, string> };

export async function partnerSession(
  baseUrl: string,
  email: string,
  password: string,
): Promise<PartnerSession> {
  const session: Session = await logIn(baseUrl, email, password);
  const me = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
  const body = (await me.json()) as { csrfToken?: string };
  if (me.status !== 200 || !body.csrfToken) throw new Error(`GET /auth/me: HTTP ${me.status}`);
  const headers = { cookie: session.cookie };
  return { headers, csrf: { ...headers, 'x-csrf-token': body.csrfToken } };
}

/** A request that must succeed, with its wall time; the body parsed as JSON. */
export async function timed<T>(
  url: string,
  init: RequestInit & { expect?: number } = {},
): Promise<{ ms: number; body: T; bytes: number }> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing a non-loopback URL: ${url}`);
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== (init.expect ?? 200))
    throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  const json = response.headers.get('content-type')?.includes('application/json');
  return { ms, body: (json ? JSON.parse(text) : text) as T, bytes: Buffer.byteLength(text) };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

/** p50/p95/p99 of sequential samples, after two unmeasured warm-ups (the latency one person sees). */
export async function sample(
  once: () => Promise<void>,
  limits: { minSamples: number; maxSamples: number; budgetMs: number },
): Promise<{ n: number; p50Ms: number; p95Ms: number; p99Ms: number }> {
  await once();
  await once();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < limits.minSamples ||
    (samples.length < limits.maxSamples && performance.now() - started < limits.budgetMs)
  ) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    n: samples.length,
    p50Ms: percentile(samples, 0.5),
    p95Ms: percentile(samples, 0.95),
    p99Ms: percentile(samples, 0.99),
  };
}

/** An aligned text table: the first two columns left-aligned, the rest right-aligned. */
export function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
