import { availableParallelism, loadavg } from 'node:os';
import { runMigrations } from '../src/server/db/migrate';
import { benchmarkActivationFlow } from './activation-flow';
import { benchmarkActivationSearch } from './activation-search';
import { expectOk, logIn, startBare, startKabinet } from './apps';
import { type BenchDatabase, openPgliteBench, openPostgresBench, postgresAdminCandidates } from './databases';
import { benchmarkDeviceCheckIn } from './device-checkin';
import { benchmarkDeviceImport } from './device-import';
import { benchmarkDownloads } from './downloads';
import { countRows, generateData } from './generate';
import { benchmarkLicenses } from './licenses';
import { formatTable, type LoadOptions, type Measurement, measureAlternating } from './measure';
import { formatProfile, profileLookups } from './profile';

/**
 * `npm run bench`: the authenticated `GET /api/v1/organization` against a plugin-free Fastify doing the
 * same primary-key SELECT, on PGlite and (when one answers) PostgreSQL, in one process.
 *
 * Environment: BENCH_SCALE=`2000` or `2000x5` (organizations × users per organization),
 * BENCH_DURATION (seconds per route, default 10), BENCH_CONNECTIONS (default 10), BENCH_DOWNLOAD_MB (size of
 * the product file downloaded at the end, default 100), BENCH_LICENSES / BENCH_LICENSES_PGLITE (licenses searched by
 * serial on PostgreSQL / PGlite, default 1 000 000 / 200 000; 0 skips the search), see licenses.ts. Seed 002:
 * the device check-in (device-checkin.ts, BENCH_DEVICES), «Поиск по СН» over activations (activation-search.ts,
 * BENCH_ACTIVATIONS / BENCH_ACTIVATIONS_PGLITE), pre-check and activation of a 10 000-line file
 * (activation-flow.ts, BENCH_REGISTRY, BENCH_ACTIVATION_DEVICES).
 */

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

function parseScale(raw: string | undefined): { organizations: number; usersPerOrganization: number } {
  const [orgs, users] = (raw ?? '').toLowerCase().split('x');
  return {
    organizations: positiveInt(orgs, 2000, 'BENCH_SCALE organizations'),
    usersPerOrganization: positiveInt(users, 5, 'BENCH_SCALE users per organization'),
  };
}

const scale = parseScale(process.env.BENCH_SCALE);
const connections = positiveInt(process.env.BENCH_CONNECTIONS, 10, 'BENCH_CONNECTIONS');
const load: LoadOptions = {
  durationSeconds: positiveInt(process.env.BENCH_DURATION, 10, 'BENCH_DURATION'),
  connections,
  warmupSeconds: 2,
};
/** Each route's time is split into this many alternating slices (see measureAlternating): short slices
 * interleave the routes finely, so a burst of outside load on a shared machine hits all of them alike. */
const ROUNDS = 5;
const PROFILE_ITERATIONS = 1000;

const log = (text = '') => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Server, client and (for PGlite) the database share these CPUs; a busy machine shows here first. */
const machineLoad = () =>
  `${availableParallelism()} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

type Outcome = { label: string; rows: Measurement[] } | { label: string; skipped: string };

async function benchmark(bench: BenchDatabase): Promise<Measurement[]> {
  const { database } = bench;
  log(`\n=== ${bench.label} (${bench.location}) ===`);
  const migrateStarted = performance.now();
  await runMigrations(database);
  log(`migrations: ${seconds(performance.now() - migrateStarted)}`);

  const generated = await generateData(database.db, scale);
  const counts = await countRows(database.db);
  const rowsPerSecond =
    (generated.organizations + generated.users + generated.memberships) / (generated.elapsedMs / 1000);
  log(
    `data generation: ${seconds(generated.elapsedMs)} for ${generated.organizations} organizations, ${generated.users} users, ` +
      `${generated.memberships} memberships (${rowsPerSecond.toFixed(0)} rows/s, incl. one argon2 hash)`,
  );
  log(
    `row counts: organizations ${counts.organizations}, users ${counts.users}, memberships ${counts.memberships}`,
  );

  const kabinet = await startKabinet(database);
  const bare = await startBare(database.db);
  try {
    const session = await logIn(kabinet.baseUrl, generated.sampleEmail, generated.password);
    const headers = { cookie: session.cookie };
    const organizationUrl = `${kabinet.baseUrl}/api/v1/organization`;
    const organization = (await expectOk(organizationUrl, headers)) as { id: string; inn: string };
    log(`logged in as ${generated.sampleEmail}; active organization INN ${organization.inn}`);
    // Both apps read the same row, so the comparison is about the route, not the data.
    const bareUrl = `${bare.baseUrl}/bare/${organization.id}`;
    await expectOk(bareUrl);
    await expectOk(`${bareUrl}/lookups`, headers);

    log(
      `load: ${load.durationSeconds} s per route (${ROUNDS} alternating slices), ${connections} connections, after ${load.warmupSeconds} s warm-up`,
    );
    const rows = await measureAlternating(
      [
        { route: 'GET /bare/:id (bare Fastify, 1 query)', url: bareUrl },
        { route: 'GET /bare/:id/lookups (bare, 3 queries)', url: `${bareUrl}/lookups`, headers },
        { route: 'GET /api/v1/organization (authenticated)', url: organizationUrl, headers },
      ],
      load,
      ROUNDS,
    );
    log();
    log(formatTable(`${bench.label}: ${counts.organizations} organizations, ${counts.users} users`, rows));
    const [bareRow, lookupsRow, authRow] = rows;
    if (bareRow && lookupsRow && authRow) {
      log(
        `authenticated / bare req/s = ${(authRow.requestsPerSecond / bareRow.requestsPerSecond).toFixed(3)}`,
      );
      log(
        `authenticated / bare-with-the-same-3-queries req/s = ${(authRow.requestsPerSecond / lookupsRow.requestsPerSecond).toFixed(3)}`,
      );
    }
    const me = (await expectOk(`${kabinet.baseUrl}/api/v1/auth/me`, headers)) as { user: { id: string } };
    log();
    log(
      formatProfile(
        await profileLookups(
          database,
          { token: session.token, userId: me.user.id, organizationId: organization.id },
          PROFILE_ITERATIONS,
        ),
      ),
    );
    return rows;
  } finally {
    await bare.app.close();
    await kabinet.app.close();
  }
}

async function run(label: string, open: () => Promise<BenchDatabase>): Promise<Outcome> {
  let bench: BenchDatabase;
  try {
    bench = await open();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`\n=== ${label}: skipped (${reason}) ===`);
    return { label, skipped: reason };
  }
  try {
    return { label, rows: await benchmark(bench) };
  } finally {
    await bench.dispose();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  log(
    `Kabinet bench: ${scale.organizations} organizations × ${scale.usersPerOrganization} users, Node ${process.version}, ${machineLoad()}`,
  );
  const outcomes: Outcome[] = [await run('PGlite', openPgliteBench)];
  const candidates = await postgresAdminCandidates();
  if (candidates.length === 0) {
    log('\n=== PostgreSQL: skipped (DATABASE_URL unset and nothing answers on 127.0.0.1:5432) ===');
  } else {
    // The pool matches the client's connections, so PostgreSQL can serve them in parallel.
    outcomes.push(await run('PostgreSQL', () => openPostgresBench(candidates, connections)));
  }
  log('\n=== Summary: authenticated / bare req/s ===');
  for (const outcome of outcomes) {
    if ('skipped' in outcome) {
      log(`${outcome.label}: skipped`);
      continue;
    }
    const [bare, , auth] = outcome.rows;
    if (bare && auth) {
      log(
        `${outcome.label.padEnd(10)} ${auth.requestsPerSecond.toFixed(0)} / ${bare.requestsPerSecond.toFixed(0)} = ${(auth.requestsPerSecond / bare.requestsPerSecond).toFixed(3)}`,
      );
    }
  }
  await benchmarkLicenses(log);
  await benchmarkDownloads(log);
  await benchmarkDeviceImport(log);
  await benchmarkDeviceCheckIn(log);
  await benchmarkActivationSearch(log);
  await benchmarkActivationFlow(log);
  log(`\ntotal: ${seconds(performance.now() - started)}; ${machineLoad()}`);
}

// Exit explicitly: keep-alive sockets left by fetch/autocannon must not keep a finished benchmark alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
