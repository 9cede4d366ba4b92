import type { App } from '../src/server/http/types';
import { issueLicenses } from '../src/server/modules/licenses/issue-licenses';
import { SERIALS_PER_DAY } from '../src/server/modules/licenses/sequences';
import type { LicenseIssueResponse } from '../src/shared/api/licenses';
import type { Listening } from './apps';
import { benchToken, type LicenseFixtures, organizationWithOwner } from './license-fixtures';

/**
 * Issuance of many serials at once (seed 000, «Отгрузка»). NNNN has four digits and one counter per Moscow
 * day, so one day holds at most SERIALS_PER_DAY = 10 000 serials: that is the largest request the format
 * allows, and 100 000 serials take ten days — issued here through the use case with its `now`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type IssuanceRun = {
  label: string;
  serials: number;
  requests: number;
  ms: number;
  /** Resident memory of this process (server and client together) before and at its peak during the run. */
  rssBeforeMb: number;
  rssPeakMb: number;
  detail?: string;
};

/** Samples the resident set size every few milliseconds; the event loop is free while SQL runs. */
function rssPeak(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function measured(
  label: string,
  work: () => Promise<{ serials: number; requests: number; detail?: string }>,
): Promise<IssuanceRun> {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  const sampler = rssPeak();
  const started = performance.now();
  const done = await work();
  const ms = performance.now() - started;
  const peak = sampler.stop();
  return { label, ...done, ms, rssBeforeMb: mb(before), rssPeakMb: mb(peak) };
}

export async function benchIssuance(
  kabinet: Listening<App>,
  fixtures: LicenseFixtures,
  options: { log: (line: string) => void },
): Promise<IssuanceRun[]> {
  const { deps } = kabinet.app;
  const article = fixtures.articles[0];
  if (!article) throw new Error('no bench article');
  const token = await benchToken(deps.db, fixtures, ['issueLicenses']);
  const runs: IssuanceRun[] = [];
  const today = Date.now();

  // Warm-up on a day far ahead (plans, JIT, the mail template) so the measured request is the steady cost.
  const warm = await organizationWithOwner(deps.db, 0);
  await issueLicenses(
    deps,
    { organizationId: warm.id, articleId: article.id, quantity: 1, serialsCount: 200, reference: null },
    { actor: fixtures.actor, now: new Date(today + 400 * DAY_MS) },
  );

  // 1. One request over HTTP with an integration token: the whole day, 10 000 serials.
  const single = await organizationWithOwner(deps.db, 1);
  runs.push(
    await measured(`1 HTTP request × ${SERIALS_PER_DAY} serials (a whole day)`, async () => {
      const response = await fetch(`${kabinet.baseUrl}/api/v1/admin/licenses/issue`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          organizationId: single.id,
          articleId: article.id,
          quantity: 1,
          serialsCount: SERIALS_PER_DAY,
          reference: 'bench',
        }),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`issue: HTTP ${response.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as LicenseIssueResponse;
      if (body.licenses.length !== SERIALS_PER_DAY) throw new Error('issue: wrong number of serials');
      return {
        serials: body.licenses.length,
        requests: 1,
        detail: `response ${(text.length / 1024).toFixed(0)} KiB, ${body.licenses[0]?.serial} … ${body.licenses.at(-1)?.serial}`,
      };
    }),
  );

  // 2. 100 000 serials: ten requests, one per Moscow day (the use case takes its `now`, as tests pin it).
  const tenDays = await organizationWithOwner(deps.db, 2);
  runs.push(
    await measured(`10 use-case calls × ${SERIALS_PER_DAY} serials over 10 days`, async () => {
      let serials = 0;
      const perCall: number[] = [];
      for (let day = 1; day <= 10; day++) {
        const started = performance.now();
        const { response } = await issueLicenses(
          deps,
          {
            organizationId: tenDays.id,
            articleId: article.id,
            quantity: 1,
            serialsCount: SERIALS_PER_DAY,
            reference: `bench day ${day}`,
          },
          { actor: fixtures.actor, now: new Date(today + day * DAY_MS) },
        );
        perCall.push(performance.now() - started);
        serials += response.licenses.length;
      }
      perCall.sort((a, b) => a - b);
      return {
        serials,
        requests: 10,
        detail: `per call ${perCall[0]?.toFixed(0)}–${perCall.at(-1)?.toFixed(0)} ms`,
      };
    }),
  );

  // The day is full now: the 10 001st serial of a day is refused, nothing issued.
  const refused = await fetch(`${kabinet.baseUrl}/api/v1/admin/licenses/issue`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ organizationId: single.id, articleId: article.id, quantity: 1, serialsCount: 1 }),
  });
  const refusal = (await refused.json()) as { error?: { code?: string } };
  options.log(`10 001st serial of the day: HTTP ${refused.status} ${refusal.error?.code ?? '?'}`);
  return runs;
}

export function formatIssuance(title: string, runs: IssuanceRun[]): string {
  const header = ['run', 'serials', 'time s', 'serials/s', 'RSS before MiB', 'RSS peak MiB'];
  const body = runs.map((r) => [
    r.label,
    String(r.serials),
    (r.ms / 1000).toFixed(2),
    (r.serials / (r.ms / 1000)).toFixed(0),
    r.rssBeforeMb.toFixed(0),
    r.rssPeakMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const details = runs.filter((r) => r.detail).map((r) => `  ${r.label}: ${r.detail}`);
  return [
    title,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    ...details,
  ].join('\n');
}
