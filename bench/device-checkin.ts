import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { activations, deviceLicenses } from '../src/server/modules/activations/schema';
import { createVendorToken } from '../src/server/modules/activations/vendor-tokens';
import { deviceCheckIn } from '../src/server/modules/device-api/check-in';
import { devices } from '../src/server/modules/devices/schema';
import { activeSigningKey } from '../src/server/modules/signing/signing-keys';
import { addCalendarDays, moscowIsoDate } from '../src/shared/dates';
import { signLicense } from '../src/shared/license-file';
import { type Listening, startKabinet } from './apps';
import { type BenchDatabase, openPgliteBench, openPostgresBench, postgresAdminCandidates } from './databases';
import { formatTable, type Measurement } from './measure';
import { benchDeviceSerial, generateDevices, partnerFixtures } from './partner-fixtures';

/**
 * The device check-in (`GET /api/v1/device-api/devices/{serial}/license`, the device API's hot path) under
 * load, next to a plugin-free Fastify route in the same process doing one primary-key SELECT of the same
 * license rows: req/s, p50/p99 and the ratio. Requests rotate over LICENSED devices (each answer carries a
 * ~1.2 KB signed license) and over TOKENS vendor tokens, so the per-token limit (1 000/s per node) does not
 * cap what is measured — the route's cost is. BENCH_DEVICES registry devices (default 100 000),
 * BENCH_DURATION seconds per route (default 10), BENCH_CONNECTIONS (default 10). `npx tsx bench/device-checkin.ts`.
 */

const ACTOR = { userId: null, email: 'bench', ip: null };
const LICENSED = 1000;
const TOKENS = 10;
const ROUNDS = 5;
const WARMUP_SECONDS = 2;

function positiveInt(raw: string | undefined, fallback: number): number {
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a positive integer, got ${raw}`);
  return value;
}

type Rotation = {
  route: string;
  baseUrl: string;
  requests: Array<{ path: string; headers?: Record<string, string> }>;
};

async function load(target: Rotation, seconds: number, connections: number): Promise<autocannon.Result> {
  if (new URL(target.baseUrl).hostname !== '127.0.0.1') throw new Error('refusing a non-loopback URL');
  return autocannon({
    url: target.baseUrl,
    connections,
    duration: seconds,
    requests: target.requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers ?? {} })),
  });
}

/** Like measure.ts's measureAlternating, for targets whose requests rotate over paths and headers. */
async function alternate(targets: Rotation[], seconds: number, connections: number): Promise<Measurement[]> {
  for (const target of targets) await load(target, WARMUP_SECONDS, connections);
  const parts = new Map<string, autocannon.Result[]>(targets.map((t) => [t.route, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(i + round) % targets.length] as Rotation;
      parts.get(target.route)?.push(await load(target, seconds / ROUNDS, connections));
    }
  }
  return targets.map((target) => {
    const results = parts.get(target.route) ?? [];
    const mean = (pick: (r: autocannon.Result) => number) =>
      results.reduce((s, r) => s + pick(r), 0) / (results.length || 1);
    const sum = (pick: (r: autocannon.Result) => number) => results.reduce((s, r) => s + pick(r), 0);
    return {
      route: target.route,
      requestsPerSecond: mean((r) => r.requests.mean),
      p50Ms: mean((r) => r.latency.p50),
      p99Ms: mean((r) => r.latency.p99),
      requests: sum((r) => r.requests.total),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
    };
  });
}

/** `devices` registry devices; the first LICENSED of them hold a current license signed by the active key. */
async function seed(db: Db, count: number, appSecret: string) {
  const fixtures = await partnerFixtures(db, { organizations: 1 });
  const organizationId = fixtures.organizationIds[0] as string;
  const until = addCalendarDays(moscowIsoDate(new Date()), 365);
  await generateDevices(db, { modelId: fixtures.modelId, prefix: 'BK', count, subscriptionEnd: until });
  const [activation] = await db
    .insert(activations)
    .values({
      number: 1,
      organizationId,
      vendorId: fixtures.vendorId,
      status: 'done',
      licenseCount: LICENSED,
      totalKopecks: LICENSED * 200_000,
      requestId: randomUUID(),
    })
    .returning({ id: activations.id });
  if (!activation) throw new Error('activation insert returned nothing');
  const key = await activeSigningKey(db, appSecret);
  const serials = Array.from({ length: Math.min(LICENSED, count) }, (_, i) => benchDeviceSerial('BK', i));
  const texts = serials.map((serial) =>
    signLicense({
      payload: {
        v: 1,
        deviceSerial: serial,
        model: 'NETPAY-ФС',
        vendor: 'Общество с ограниченной ответственностью «Пэй Киоск»',
        licenseType:
          'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), Пэй Киоск',
        validFrom: addCalendarDays(until, -364),
        validUntil: until,
        issuedAt: new Date().toISOString(),
        activationNumber: 1,
        licenseeInn: '9800000001',
        licenseeName: 'ООО «Нагрузка 0»',
      },
      privateKey: key.privateKey,
      kid: key.kid,
    }),
  );
  await db.execute(sql`
    insert into ${deviceLicenses} (device_id, activation_id, valid_from, valid_until, license_text, kid)
    select d.id, ${activation.id}, ${addCalendarDays(until, -364)}::date, ${until}::date, l.text, ${key.kid}
    from unnest(${sql.param(serials)}::text[], ${sql.param(texts)}::text[]) as l(serial, text)
    join ${devices} d on d.serial = l.serial`);
  await db.execute(sql`analyze ${deviceLicenses}`);
  const tokens: string[] = [];
  for (let i = 0; i < TOKENS; i++) {
    const created = await createVendorToken(db, { vendorId: fixtures.vendorId, name: `bench ${i}` }, ACTOR);
    tokens.push(created.token);
  }
  const ids = await db
    .select({ id: devices.id, serial: devices.serial })
    .from(devices)
    .innerJoin(deviceLicenses, eq(deviceLicenses.deviceId, devices.id));
  return { tokens, licensed: ids, vendorId: fixtures.vendorId };
}

/**
 * No plugins, hooks or schemas: the one primary-key SELECT a check-in cannot do without, prepared once like
 * the check-in's own query, so the difference is the route (token, rate limit, join, zod, headers).
 */
async function startBareLicense(db: Db, vendorId: string): Promise<Listening<FastifyInstance>> {
  const byId = db
    .select()
    .from(deviceLicenses)
    .where(eq(deviceLicenses.deviceId, sql.placeholder('id')))
    .limit(1)
    .prepare('bare_device_license');
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/bare/device-licenses/:id', async (req, reply) => {
    const [row] = await byId.execute({ id: req.params.id });
    return row ?? reply.code(404).send({ error: 'not found' });
  });
  // The check-in's own use case (its one join) without the app around it: no token, limit, hooks or zod.
  app.get<{ Params: { serial: string } }>('/bare/check-in/:serial', async (req) =>
    deviceCheckIn(db, { vendorId, serial: req.params.serial }),
  );
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl: address.replace('localhost', '127.0.0.1') };
}

async function run(bench: BenchDatabase, log: (text?: string) => void): Promise<Measurement[]> {
  const { database } = bench;
  const count = positiveInt(process.env.BENCH_DEVICES, 100_000);
  const seconds = positiveInt(process.env.BENCH_DURATION, 10);
  const connections = positiveInt(process.env.BENCH_CONNECTIONS, 10);
  log(`\n=== Device check-in: ${bench.label} (${bench.location}) ===`);
  await runMigrations(database);
  const kabinet = await startKabinet(database);
  let bare: Listening<FastifyInstance> | null = null;
  try {
    const started = performance.now();
    const seeded = await seed(database.db, count, kabinet.app.deps.config.appSecret);
    const { tokens, licensed } = seeded;
    bare = await startBareLicense(database.db, seeded.vendorId);
    log(
      `${count} devices, ${licensed.length} with a signed license, ${tokens.length} vendor tokens: ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const checkIn = licensed.map((d, i) => ({
      path: `/api/v1/device-api/devices/${d.serial}/license`,
      headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
    }));
    const probe = await fetch(`${kabinet.baseUrl}${checkIn[0]?.path}`, { headers: checkIn[0]?.headers });
    const body = (await probe.json()) as { status?: string };
    if (probe.status !== 200 || body.status !== 'active')
      throw new Error(`check-in probe: HTTP ${probe.status} ${JSON.stringify(body).slice(0, 200)}`);
    log(
      `load: ${seconds} s per route (${ROUNDS} alternating slices), ${connections} connections, after ${WARMUP_SECONDS} s warm-up; ` +
        `requests rotate over ${licensed.length} devices`,
    );
    const rows = await alternate(
      [
        {
          route: 'GET /bare/device-licenses/:id (bare Fastify, 1 PK query)',
          baseUrl: bare.baseUrl,
          requests: licensed.map((d) => ({ path: `/bare/device-licenses/${d.id}` })),
        },
        {
          route: 'GET /bare/check-in/:serial (bare, the same use case)',
          baseUrl: bare.baseUrl,
          requests: licensed.map((d) => ({ path: `/bare/check-in/${d.serial}` })),
        },
        {
          route: 'GET /api/v1/device-api/devices/:serial/license',
          baseUrl: kabinet.baseUrl,
          requests: checkIn,
        },
      ],
      seconds,
      connections,
    );
    log();
    log(formatTable(`${bench.label}: device check-in, ${count} devices`, rows));
    const [bareRow, sameRow, checkInRow] = rows;
    if (bareRow && sameRow && checkInRow)
      log(
        `check-in / bare req/s = ${(checkInRow.requestsPerSecond / bareRow.requestsPerSecond).toFixed(3)}; ` +
          `check-in / bare-with-the-same-query = ${(checkInRow.requestsPerSecond / sameRow.requestsPerSecond).toFixed(3)}; ` +
          `p99 ${checkInRow.p99Ms.toFixed(2)} ms vs ${bareRow.p99Ms.toFixed(2)} ms`,
      );
    return rows;
  } finally {
    await bare?.app.close();
    await kabinet.app.close();
  }
}

export async function benchmarkDeviceCheckIn(log: (text?: string) => void): Promise<void> {
  const summary: string[] = [];
  const record = (label: string, rows: Measurement[]) => {
    const [bareRow, , checkInRow] = rows;
    if (bareRow && checkInRow)
      summary.push(
        `${label.padEnd(11)} check-in ${checkInRow.requestsPerSecond.toFixed(0)} req/s (p99 ${checkInRow.p99Ms.toFixed(1)} ms)` +
          ` / bare ${bareRow.requestsPerSecond.toFixed(0)} req/s = ${(checkInRow.requestsPerSecond / bareRow.requestsPerSecond).toFixed(3)}`,
      );
  };
  const pglite = await openPgliteBench();
  try {
    record('PGlite', await run(pglite, log));
  } finally {
    await pglite.dispose();
  }
  const candidates = await postgresAdminCandidates();
  if (candidates.length === 0) {
    log(
      '\n=== Device check-in: PostgreSQL skipped (DATABASE_URL unset and nothing answers on 127.0.0.1:5432) ===',
    );
  } else {
    const connections = positiveInt(process.env.BENCH_CONNECTIONS, 10);
    const postgres = await openPostgresBench(candidates, connections);
    try {
      record('PostgreSQL', await run(postgres, log));
    } finally {
      await postgres.dispose();
    }
  }
  if (summary.length > 0) log(`\n=== Summary: device check-in / bare ===\n${summary.join('\n')}`);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  benchmarkDeviceCheckIn((text = '') => process.stdout.write(`${text}\n`)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
