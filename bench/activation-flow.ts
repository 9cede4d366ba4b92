import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { createJobs } from '../src/server/jobs/boss';
import { JOB_DEFINITIONS } from '../src/server/jobs/registry';
import type {
  ActivationCreateResponse,
  ActivationSummary,
  PrecheckResponse,
  PublishedLicenseKeys,
} from '../src/shared/api/activations';
import { verifyLicenseBundle } from '../src/shared/license-file';
import { startKabinet } from './apps';
import { type BenchDatabase, openPgliteBench, openPostgresBench, postgresAdminCandidates } from './databases';
import { benchDeviceSerial, generateDevices, partnerFixtures } from './partner-fixtures';
import { partnerSession, timed } from './partner-http';

/**
 * The partner's bulk path (seed 002, 2.4), over real HTTP as the cabinet drives it, on a registry of
 * BENCH_REGISTRY devices (default 200 000):
 *   (c) «Проверить серийный номер» for a .txt of BENCH_ACTIVATION_DEVICES lines (default 10 000, the most one
 *       request takes): `POST /api/v1/partner/activations/check`, three times;
 *   (d) «Активировать всё» for the same serials: `POST /api/v1/partner/activations`, then polling the
 *       activation until «Выполнена» — the `process-activation` job (pg-boss, production polling of 2 s)
 *       signs every license — and downloading the license file, whose every license is verified against
 *       `GET /api/v1/license-keys`.
 */

const POLL_MS = 250;
const DEADLINE_MS = 30 * 60 * 1000;

function positiveInt(raw: string | undefined, fallback: number): number {
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a positive integer, got ${raw}`);
  return value;
}

export type FlowResult = {
  label: string;
  devices: number;
  precheckMs: number[];
  postMs: number;
  doneMs: number;
  fileMs: number;
  fileBytes: number;
  verifyMs: number;
};

/** The app with real job workers, as `npm start` runs it (the other benchmarks leave jobs out). */
async function startWithJobs(database: Database) {
  const kabinet = await startKabinet(database);
  const { deps } = kabinet.app;
  deps.jobs = createJobs({ database, definitions: JOB_DEFINITIONS, log: kabinet.app.log });
  await deps.jobs.start(deps);
  return kabinet;
}

async function run(bench: BenchDatabase, log: (text?: string) => void): Promise<FlowResult> {
  const { database } = bench;
  const registry = positiveInt(process.env.BENCH_REGISTRY, 200_000);
  const count = positiveInt(process.env.BENCH_ACTIVATION_DEVICES, 10_000);
  if (count > registry) throw new Error('BENCH_ACTIVATION_DEVICES must not exceed BENCH_REGISTRY');
  log(`\n=== Activation flow: ${bench.label} (${bench.location}) ===`);
  await runMigrations(database);
  const fixtures = await partnerFixtures(database.db, { organizations: 1 });
  const organizationId = fixtures.organizationIds[0] as string;
  const generated = performance.now();
  await generateDevices(database.db, { modelId: fixtures.modelId, prefix: 'BA', count: registry });
  log(`registry: ${registry} devices in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

  // The file a partner uploads: one serial per line, CRLF, spread over the registry.
  const step = Math.floor(registry / count);
  const serials = Array.from({ length: count }, (_, i) => benchDeviceSerial('BA', i * step));
  const txt = `${serials.join('\r\n')}\r\n`;
  const lines = txt
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

  const kabinet = await startWithJobs(database);
  try {
    const base = kabinet.baseUrl;
    const session = await partnerSession(base, fixtures.email, fixtures.password);
    const json = { ...session.csrf, 'content-type': 'application/json' };

    const precheckMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const checked = await timed<PrecheckResponse>(`${base}/api/v1/partner/activations/check`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ organizationId, serials: lines }),
      });
      const failed = checked.body.rows.filter((row) => row.error !== null);
      if (checked.body.rows.length !== count || failed.length > 0)
        throw new Error(`pre-check: ${failed.length} errors, first ${JSON.stringify(failed[0])}`);
      precheckMs.push(checked.ms);
    }
    log(
      `(c) pre-check of a ${count}-line .txt (${(Buffer.byteLength(txt) / 1024).toFixed(0)} KiB): ` +
        `${precheckMs.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
    );

    const started = performance.now();
    const created = await timed<ActivationCreateResponse>(`${base}/api/v1/partner/activations`, {
      method: 'POST',
      headers: { ...json, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ organizationId, serials: lines, comment: 'bench' }),
      expect: 201,
    });
    const [activation] = created.body.items;
    if (!activation || created.body.items.length !== 1) throw new Error('expected one activation');
    let status: ActivationSummary['status'] = activation.status;
    while (status === 'in_progress') {
      if (performance.now() - started > DEADLINE_MS)
        throw new Error('activation still «В работе» after 30 min');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const polled = await timed<ActivationSummary>(`${base}/api/v1/partner/activations/${activation.id}`, {
        headers: session.headers,
      });
      status = polled.body.status;
      if (status === 'failed') throw new Error(`activation failed: ${polled.body.error}`);
    }
    const doneMs = performance.now() - started;
    const file = await timed<string>(`${base}/api/v1/partner/activations/${activation.id}/license-file`, {
      headers: session.headers,
    });
    const ready = performance.now() - started;
    const keys = await timed<PublishedLicenseKeys>(`${base}/api/v1/license-keys`);
    const byKid = Object.fromEntries(keys.body.keys.map((k) => [k.kid, k.publicKeyPem]));
    const verifyStarted = performance.now();
    const verified = verifyLicenseBundle({ text: file.body, keys: byKid });
    const verifyMs = performance.now() - verifyStarted;
    const valid = new Set(verified.results.flatMap((r) => (r.ok ? [r.payload.deviceSerial] : [])));
    if (!verified.ok || valid.size !== count || serials.some((s) => !valid.has(s)))
      throw new Error(
        `license file: ${valid.size} valid of ${verified.results.length}, ${verified.error?.message ?? ''}`,
      );
    log(
      `(d) activation № ${activation.number} of ${count} devices: POST ${created.ms.toFixed(0)} ms, «Выполнена» after ` +
        `${(doneMs / 1000).toFixed(1)} s, license file (${(file.bytes / 1024 / 1024).toFixed(1)} MiB) downloaded in ` +
        `${file.ms.toFixed(0)} ms — ready ${(ready / 1000).toFixed(1)} s after the click; all ${count} licenses ` +
        `verify (${verifyMs.toFixed(0)} ms)`,
    );
    return {
      label: bench.label,
      devices: count,
      precheckMs,
      postMs: created.ms,
      doneMs,
      fileMs: ready,
      fileBytes: file.bytes,
      verifyMs,
    };
  } finally {
    await kabinet.app.close();
    await kabinet.app.deps.jobs.stop();
  }
}

export async function benchmarkActivationFlow(log: (text?: string) => void): Promise<void> {
  const results: FlowResult[] = [];
  const pglite = await openPgliteBench();
  try {
    results.push(await run(pglite, log));
  } finally {
    await pglite.dispose();
  }
  const candidates = await postgresAdminCandidates();
  if (candidates.length === 0) {
    log(
      '\n=== Activation flow: PostgreSQL skipped (DATABASE_URL unset and nothing answers on 127.0.0.1:5432) ===',
    );
  } else {
    const postgres = await openPostgresBench(candidates, 10);
    try {
      results.push(await run(postgres, log));
    } finally {
      await postgres.dispose();
    }
  }
  log('\n=== Summary: pre-check and activation of a whole file ===');
  for (const r of results)
    log(
      `${r.label.padEnd(11)} pre-check ${r.devices}: best ${Math.min(...r.precheckMs).toFixed(0)} ms; ` +
        `activation: POST ${r.postMs.toFixed(0)} ms, every license file ready after ${(r.fileMs / 1000).toFixed(1)} s`,
    );
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  benchmarkActivationFlow((text = '') => process.stdout.write(`${text}\n`)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
