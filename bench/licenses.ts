import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../src/server/db/migrate';
import { logIn, startKabinet } from './apps';
import { type BenchDatabase, openPgliteBench, openPostgresBench, postgresAdminCandidates } from './databases';
import { generateData } from './generate';
import { benchIssuance, formatIssuance } from './issuance';
import { benchToken, licenseFixtures } from './license-fixtures';
import {
  BIG_ORGANIZATION_ROW,
  formatSearch,
  generatedSerial,
  generateLicenses,
  type SearchTiming,
  timeSearches,
} from './serial-search';

/**
 * Seed 000 at volume, on PGlite and (when one answers) PostgreSQL:
 *   1. issuance — the largest request the serial format allows (10 000 serials: a whole day) over HTTP with an
 *      integration token, and 100 000 serials as ten days of the use case;
 *   2. search by serial over BENCH_LICENSES licenses (default 1 000 000; BENCH_LICENSES_PGLITE for PGlite,
 *      default 200 000 to keep `npm run bench` near ten minutes on two cores) — p50/p95/p99 of the cabinet's
 *      and the back office's `?q=` over real HTTP.
 */

const ORGANIZATIONS = 200;

function count(raw: string | undefined, fallback: number): number {
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`expected a whole number of licenses, got ${raw}`);
  return value;
}

async function run(
  bench: BenchDatabase,
  licenses: number,
  log: (text?: string) => void,
): Promise<SearchTiming[]> {
  const { database } = bench;
  log(`\n=== Licenses: ${bench.label} (${bench.location}) ===`);
  await runMigrations(database);
  const generated = await generateData(database.db, {
    organizations: ORGANIZATIONS,
    usersPerOrganization: 1,
  });
  const fixtures = await licenseFixtures(database.db);
  const issuing = await startKabinet(database);
  try {
    const issuance = await benchIssuance(issuing, fixtures, { log });
    log(formatIssuance(`${bench.label}: issuance (serials of one Moscow day: at most 10 000)`, issuance));
  } finally {
    await issuing.app.close();
  }
  if (licenses === 0) return [];

  log();
  // The trigram index is built once after the rows, as a restore would, rather than row by row.
  const indexDef = (
    await database.executor.executeSql(`select indexdef from pg_indexes where indexname = $1`, [
      'licenses_serial_search_idx',
    ])
  ).rows[0]?.indexdef as string | undefined;
  if (indexDef) await database.db.execute(sql`drop index licenses_serial_search_idx`);
  let reported = 0;
  const made = await generateLicenses(database.db, {
    total: licenses,
    articles: fixtures.articles,
    onProgress: (done, total) => {
      if (done === total || done - reported >= total / 4) {
        reported = done;
        log(`  ${done}/${total} licenses`);
      }
    },
  });
  const indexStarted = performance.now();
  if (indexDef) await database.executor.executeSql(indexDef, []);
  await database.db.execute(sql`analyze licenses`);
  const indexMs = performance.now() - indexStarted;
  log(
    `license generation: ${made.total} rows in ${(made.ms / 1000).toFixed(1)} s ` +
      `(${(made.total / (made.ms / 1000)).toFixed(0)} rows/s), trigram index ${(indexMs / 1000).toFixed(1)} s; ` +
      `the cabinet's organization holds ${made.bigOrganizationCount}`,
  );

  // A fresh server for the searches: sockets kept alive across a minute of generation would be stale.
  const kabinet = await startKabinet(database);
  try {
    const session = await logIn(kabinet.baseUrl, generated.sampleEmail, generated.password);
    const token = await benchToken(database.db, fixtures, ['readDirectory']);
    const codes = fixtures.articles.map((a) => a.code);
    // A license of the cabinet's organization, in the middle of the table.
    const serial = generatedSerial(BIG_ORGANIZATION_ROW(Math.floor(licenses / 20)), codes);
    const queries = [
      { label: 'whole serial', q: serial },
      { label: 'pasted: Cyrillic А, en dashes', q: ` ${serial.replaceAll('-', '–').replace('A', 'А')} ` },
      { label: 'without dashes', q: serial.replaceAll('-', '') },
      { label: 'fragment DDD-NNNN', q: serial.slice(-8) },
      { label: 'fragment: year + product', q: serial.slice(0, 6) },
    ];
    const timings = await timeSearches(
      [
        {
          route: 'cabinet GET /licenses',
          url: `${kabinet.baseUrl}/api/v1/licenses`,
          headers: { cookie: session.cookie },
        },
        {
          route: 'back office GET /admin/licenses',
          url: `${kabinet.baseUrl}/api/v1/admin/licenses`,
          headers: { authorization: `Bearer ${token}` },
        },
      ],
      queries,
      { minSamples: 5, maxSamples: 60, budgetMs: 4000 },
    );
    // A whole serial finds exactly its license; a fragment finds it among others.
    const wrong = timings.filter((t) => (t.query.startsWith('fragment') ? t.total < 1 : t.total !== 1));
    if (wrong.length > 0) throw new Error(`search found the wrong count: ${JSON.stringify(wrong)}`);
    log(
      formatSearch(
        `${bench.label}: search by serial over ${made.total} licenses (sequential requests; "${serial}")`,
        timings,
      ),
    );
    return timings;
  } finally {
    await kabinet.app.close();
  }
}

export async function benchmarkLicenses(log: (text?: string) => void): Promise<void> {
  const licenses = count(process.env.BENCH_LICENSES, 1_000_000);
  const pgliteLicenses = count(process.env.BENCH_LICENSES_PGLITE, 200_000);
  const summary: string[] = [];
  const pglite = await openPgliteBench();
  try {
    const rows = await run(pglite, pgliteLicenses, log);
    summary.push(
      ...rows.map(
        (r) => `PGlite      ${r.route.padEnd(32)} ${r.query.padEnd(30)} p95 ${r.p95Ms.toFixed(1)} ms`,
      ),
    );
  } finally {
    await pglite.dispose();
  }
  const candidates = await postgresAdminCandidates();
  if (candidates.length === 0) {
    log('\n=== Licenses: PostgreSQL skipped (DATABASE_URL unset and nothing answers on 127.0.0.1:5432) ===');
  } else {
    const postgres = await openPostgresBench(candidates, 10);
    try {
      const rows = await run(postgres, licenses, log);
      summary.push(
        ...rows.map(
          (r) => `PostgreSQL  ${r.route.padEnd(32)} ${r.query.padEnd(30)} p95 ${r.p95Ms.toFixed(1)} ms`,
        ),
      );
    } finally {
      await postgres.dispose();
    }
  }
  if (summary.length > 0) log(`\n=== Summary: search by serial, p95 ===\n${summary.join('\n')}`);
}

/** `tsx bench/licenses.ts`: this part alone (`npm run bench` runs it among the others). */
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  benchmarkLicenses((text = '') => process.stdout.write(`${text}\n`)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
