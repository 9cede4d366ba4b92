import autocannon from 'autocannon';

export type LoadOptions = {
  durationSeconds: number;
  connections: number;
  /** A short unmeasured run first, so JIT warm-up and first-query planning do not count. */
  warmupSeconds: number;
};

export type Target = { route: string; url: string; headers?: Record<string, string> };

export type Measurement = {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
};

function assertLoopback(url: string): void {
  // The benchmark only ever loads our own listeners; refuse anything else outright.
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load a non-loopback URL: ${url}`);
}

async function load(
  target: Target,
  durationSeconds: number,
  connections: number,
): Promise<autocannon.Result> {
  assertLoopback(target.url);
  return autocannon({
    url: target.url,
    method: 'GET',
    connections,
    duration: durationSeconds,
    ...(target.headers ? { headers: target.headers } : {}),
  });
}

export async function measure(target: Target, options: LoadOptions): Promise<Measurement> {
  if (options.warmupSeconds > 0) await load(target, options.warmupSeconds, options.connections);
  const result = await load(target, options.durationSeconds, options.connections);
  return {
    route: target.route,
    requestsPerSecond: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Measures every target once per round, rotating which goes first, so drift over the run (GC pressure,
 * a growing WAL, CPU throttling) spreads evenly instead of penalising whichever route runs last. Rounds are
 * merged by summing requests and averaging the rounds' percentiles — an approximation, as autocannon's
 * result carries no raw histogram to merge.
 */
export async function measureAlternating(
  targets: Target[],
  options: LoadOptions,
  rounds: number,
): Promise<Measurement[]> {
  const perRound = options.durationSeconds / rounds;
  const collected = new Map<string, Measurement[]>();
  for (const target of targets) {
    if (options.warmupSeconds > 0) await load(target, options.warmupSeconds, options.connections);
    collected.set(target.route, []);
  }
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
    for (const target of order) {
      const m = await measure(target, { ...options, durationSeconds: perRound, warmupSeconds: 0 });
      collected.get(target.route)?.push(m);
    }
  }
  return targets.map((target) => {
    const parts = collected.get(target.route) ?? [];
    const mean = (pick: (m: Measurement) => number) =>
      parts.reduce((s, m) => s + pick(m), 0) / (parts.length || 1);
    const sum = (pick: (m: Measurement) => number) => parts.reduce((s, m) => s + pick(m), 0);
    return {
      route: target.route,
      requestsPerSecond: mean((m) => m.requestsPerSecond),
      p50Ms: mean((m) => m.p50Ms),
      p99Ms: mean((m) => m.p99Ms),
      requests: sum((m) => m.requests),
      non2xx: sum((m) => m.non2xx),
      errors: sum((m) => m.errors),
    };
  });
}

/** One aligned table: route, req/s, p50, p99, and each route's throughput relative to the first (bare) one. */
export function formatTable(title: string, rows: Measurement[]): string {
  const base = rows[0]?.requestsPerSecond ?? 0;
  const header = ['route', 'req/s (mean)', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'vs bare'];
  const body = rows.map((r) => [
    r.route,
    r.requestsPerSecond.toFixed(0),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    String(r.requests),
    String(r.non2xx + r.errors),
    base > 0 ? `${(r.requestsPerSecond / base).toFixed(3)}×` : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(header), rule, ...body.map(line)].join('\n');
}
