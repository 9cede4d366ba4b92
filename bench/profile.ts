import { eq } from 'drizzle-orm';
import type { Database } from '../src/server/db/client';
import { findSessionByToken } from '../src/server/modules/identity/sessions';
import { findMembership } from '../src/server/modules/organizations/memberships';
import { getOrganization } from '../src/server/modules/organizations/organization-view';
import { organizations } from '../src/server/modules/organizations/schema';

/** `route` steps are what one authenticated request runs; the others split one of them into parts. */
export type QueryTiming = { step: string; meanUs: number; p50Us: number; route: boolean };

/** The lookups `GET /api/v1/organization` makes, in request order (auth hook, tenant guard, handler). */
export type AuthLookups = { token: string; userId: string; organizationId: string };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function time(run: () => unknown, iterations: number): Promise<{ meanUs: number; p50Us: number }> {
  for (let i = 0; i < Math.min(100, iterations); i++) await run(); // warm query plans and the JIT first
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { meanUs: samples.reduce((s, v) => s + v, 0) / samples.length, p50Us: percentile(samples, 0.5) };
}

/**
 * Times each query of the authenticated route on its own, one at a time (no concurrency), so the report
 * can say how much of a request is database work. The organization lookup is also split into drizzle's
 * query building alone and the same SQL sent straight to the driver, which separates ORM cost from the
 * round trip.
 */
export async function profileLookups(
  database: Database,
  ids: AuthLookups,
  iterations: number,
): Promise<QueryTiming[]> {
  const { db } = database;
  const buildOrganizationQuery = () =>
    db.select().from(organizations).where(eq(organizations.id, ids.organizationId)).limit(1);
  const raw = buildOrganizationQuery().toSQL();
  const steps: Array<[string, boolean, () => unknown]> = [
    ['session + user (onRequest hook)', true, () => findSessionByToken(db, ids.token)],
    ['membership + org status (tenantOnly)', true, () => findMembership(db, ids.userId, ids.organizationId)],
    ['organization by id (handler)', true, () => getOrganization(db, ids.organizationId)],
    ['  of which drizzle builds the SQL (toSQL)', false, () => buildOrganizationQuery().toSQL()],
    [
      '  same SQL straight to the driver',
      false,
      () => database.executor.executeSql(raw.sql, [...raw.params]),
    ],
  ];
  const timings: QueryTiming[] = [];
  for (const [step, route, run] of steps) timings.push({ step, route, ...(await time(run, iterations)) });
  return timings;
}

export function formatProfile(timings: QueryTiming[]): string {
  const total = timings.filter((t) => t.route).reduce((s, t) => s + t.meanUs, 0);
  const label = 'sum of the route’s three queries';
  const width = Math.max(...timings.map((t) => t.step.length), label.length);
  const row = (step: string, meanUs: number, p50Us?: number) =>
    `  ${step.padEnd(width)}  ${meanUs.toFixed(0).padStart(6)} µs mean${p50Us === undefined ? '' : `  ${p50Us.toFixed(0).padStart(6)} µs p50`}`;
  return [
    'Sequential query cost (single caller, no HTTP):',
    ...timings.map((t) => row(t.step, t.meanUs, t.p50Us)),
    row(label, total),
  ].join('\n');
}
