import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobs } from '../../src/server/jobs/boss';
import { defineJob } from '../../src/server/jobs/define-job';
import { JOB_DEFINITIONS } from '../../src/server/jobs/registry';
import { activations } from '../../src/server/modules/activations/schema';
import { createDeviceImport } from '../../src/server/modules/devices/create-import';
import { STALLED_AFTER_MS, STALLED_MESSAGE } from '../../src/server/modules/devices/import-liveness';
import { importDevicesJob } from '../../src/server/modules/devices/jobs';
import { runDeviceImport } from '../../src/server/modules/devices/run-import';
import { deviceImports, devices } from '../../src/server/modules/devices/schema';
import type { DeviceImport, Vendor } from '../../src/shared/api/devices';
import type { TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// Issue 8, item 16: what a crashed worker leaves behind is resumed (or failed) as soon as the app starts
// again, and an import that was shown failed, or replaced by a newer upload, never applies afterwards.

let t: TestApp;
let staff: TestClient;
let vendor: Vendor;
const SYSTEM = { userId: null, email: 'test', ip: null };
/** Short lease and maintenance, so a dead node's job is noticed within seconds (defaults: 60 s and 30 s). */
const FAST = { pollingIntervalSeconds: 0.5, leaseSeconds: 2, maintenanceIntervalSeconds: 1 };

beforeAll(async () => {
  t = await startTestApp();
  const manager = await createUser(t.db, { staffRole: 'manager' });
  staff = await t.loginAs(manager.email, PASSWORD);
  vendor = (
    await staff.post<Vendor>('/api/v1/admin/vendors', {
      name: 'Пэй Киоск',
      fullName: 'ООО «Пэй Киоск»',
      ogrn: '1067746394792',
      installMethod: 'automatic',
      installNote: 'происходит автоматически',
    })
  ).body;
  for (const name of ['NETPAY-ФС', 'aQsi 5'])
    await staff.post(`/api/v1/admin/vendors/${vendor.id}/models`, { name });
  vendor = (await staff.get<Vendor>(`/api/v1/admin/vendors/${vendor.id}`)).body;
});
afterAll(async () => t?.close());

const sql = async (text: string, values: unknown[] = []) =>
  (await t.deps.database.executor.executeSql(text, values)).rows;

/** Stops the workers (the process died), lets `crash` leave its state behind, then starts them again. */
async function restart(crash: () => Promise<void>, options: Partial<typeof FAST> = {}): Promise<void> {
  await t.deps.jobs.stop();
  await crash();
  t.deps.jobs = createJobs({
    database: t.deps.database,
    definitions: JOB_DEFINITIONS,
    log: { error: () => {} },
    ...FAST,
    ...options,
  });
  await t.deps.jobs.start(t.deps);
}

/** Polls until `check` returns a value (no fixed sleep: it returns as soon as the work is done). */
async function eventually<T>(what: string, check: () => Promise<T | null | undefined>): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within 25 s`);
}

async function upload(fileName: string, csv: string) {
  return createDeviceImport(t.db, t.deps.storage, {
    source: Readable.from([Buffer.from(csv)]),
    fileName,
    actor: SYSTEM,
  });
}
const importRow = async (id: string) =>
  (await t.db.select().from(deviceImports).where(eq(deviceImports.id, id)))[0];
const device = async (serial: string) =>
  (await t.db.select().from(devices).where(eq(devices.serial, serial)))[0];
const finished = (id: string) =>
  eventually(`import ${id} finishing`, async () => {
    const row = await importRow(id);
    return row?.status === 'completed' || row?.status === 'failed' ? row : null;
  });

describe('registry imports', () => {
  it('an import shown failed after it stalled never applies, even when its old job runs afterwards', async () => {
    const created = await upload('stalled.csv', 'ST-1;NETPAY-ФС;Пэй Киоск;\n');
    // A worker died while reading, long ago (its last attempt, so no retry fails it for people).
    await t.db
      .update(deviceImports)
      .set({ status: 'reading', attempt: 1, updatedAt: new Date(Date.now() - STALLED_AFTER_MS - 60_000) })
      .where(eq(deviceImports.id, created.id));
    const shown = await staff.get<DeviceImport>(`/api/v1/admin/devices/imports/${created.id}`);
    expect(shown.body).toMatchObject({ status: 'failed', message: STALLED_MESSAGE });
    // The late pg-boss retry of the old job.
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, created.id);
    expect(await importRow(created.id)).toMatchObject({ status: 'failed', message: STALLED_MESSAGE });
    expect(await device('ST-1')).toBeUndefined();
    const again = await staff.get<DeviceImport>(`/api/v1/admin/devices/imports/${created.id}`);
    expect(again.body.status).toBe('failed');
  });

  it('a newer upload replaces unfinished older ones: the older file never overwrites the corrected one', async () => {
    const older = await upload('old.csv', 'NW-1;NETPAY-ФС;Пэй Киоск;\n');
    const newer = await upload('fixed.csv', 'NW-1;aQsi 5;Пэй Киоск;\n');
    const replaced = await staff.get<DeviceImport>(`/api/v1/admin/devices/imports/${older.id}`);
    expect(replaced.body.status).toBe('failed');
    expect(replaced.body.message).toContain('более новый файл «fixed.csv»');
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, newer.id);
    // The older upload's job runs last (a slow queue, a retry).
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, older.id);
    const aqsi = vendor.models.find((m) => m.name === 'aQsi 5');
    expect((await device('NW-1'))?.modelId).toBe(aqsi?.id);
    expect(await importRow(older.id)).toMatchObject({ status: 'failed', storageKey: null });
    expect(await importRow(newer.id)).toMatchObject({ status: 'completed', inserted: 1 });
  });

  it('of two uploads at the same moment, one replaces the other: never both apply', async () => {
    const both = await Promise.all([
      upload('twin-a.csv', 'TW-1;NETPAY-ФС;Пэй Киоск;\n'),
      upload('twin-b.csv', 'TW-1;aQsi 5;Пэй Киоск;\n'),
    ]);
    const rows = await Promise.all(both.map(({ id }) => importRow(id)));
    expect(rows.map((row) => row?.status).sort()).toEqual(['failed', 'queued']);
  });

  it('a newer upload also stops an older import that is still being read', async () => {
    const older = await upload('reading.csv', 'RD-1;NETPAY-ФС;Пэй Киоск;\n');
    await t.db
      .update(deviceImports)
      .set({ status: 'reading', attempt: 1 })
      .where(eq(deviceImports.id, older.id));
    const newer = await upload('reading-fixed.csv', 'RD-2;NETPAY-ФС;Пэй Киоск;\n');
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, older.id);
    expect(await importRow(older.id)).toMatchObject({ status: 'failed' });
    expect(await device('RD-1')).toBeUndefined();
    await runDeviceImport({ db: t.db, storage: t.deps.storage }, newer.id);
    expect(await device('RD-2')).toBeDefined();
  });

  it('start-up resumes an import whose worker died (its job left active) from the stored file', async () => {
    const created = await upload('died.csv', 'DI-1;NETPAY-ФС;Пэй Киоск;\nDI-2;aQsi 5;Пэй Киоск;\n');
    await restart(async () => {
      // The dead worker's state: attempt 1 «reading» touched a moment ago, its job `active` with the
      // lease its last beat left (about to run out: a PostgreSQL node that stopped beating).
      await t.db
        .update(deviceImports)
        .set({ status: 'reading', attempt: 1, updatedAt: new Date(Date.now() - 1000) })
        .where(eq(deviceImports.id, created.id));
      const id = randomUUID();
      await sql(
        `insert into pgboss.job (id, name, data, state, started_on, singleton_key, expire_in, retry_limit, retry_delay, retry_backoff)
         values ($1, $2, $3::jsonb, 'active', now() - interval '2 hours' + interval '1 second', $4, interval '2 hours', 2, 5, true)`,
        [id, importDevicesJob.id, JSON.stringify({ importId: created.id }), created.id],
      );
    });
    const done = await finished(created.id);
    expect(done).toMatchObject({ status: 'completed', inserted: 2, attempt: 2 });
    expect(await device('DI-2')).toBeDefined();
  });

  it('start-up hands an import whose job was never sent (crash after the upload) to the job', async () => {
    const created = await upload('unsent.csv', 'UN-1;NETPAY-ФС;Пэй Киоск;\n');
    await restart(async () => {});
    expect(await finished(created.id)).toMatchObject({ status: 'completed', inserted: 1 });
  });
});

describe('activations', () => {
  it('start-up hands an activation «В работе» whose job is gone to the job at once', async () => {
    const org = await createOrg(t.db, { programs: ['partner'] });
    const activationId = randomUUID();
    await restart(async () => {
      // Committed, but the process died before it sent the job (or the job's retries ran out).
      await t.db.insert(activations).values({
        id: activationId,
        number: 990_001,
        organizationId: org.id,
        vendorId: vendor.id,
        licenseCount: 0,
        totalKopecks: 0,
        requestId: randomUUID(),
      });
    });
    const job = await eventually('the activation job', async () => {
      const rows = await sql('select state from pgboss.job where name = $1 and singleton_key = $2', [
        'process-activation',
        activationId,
      ]);
      return rows[0] ?? null;
    });
    expect(job).toBeDefined();
  });
});

describe('job leases', () => {
  it('a running job holds a short lease, and a live one that runs past it is never taken for a dead one', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = defineJob({
      id: 'test.slow',
      payload: z.object({}),
      retryLimit: 3,
      retryDelaySeconds: 1,
      handler: async () => async () => {
        runs++;
        release();
        // Several leases and maintenance runs long (FAST: lease 2 s, maintenance every 1 s).
        await new Promise((resolve) => setTimeout(resolve, 5000));
      },
    });
    const jobs = createJobs({
      database: t.deps.database,
      definitions: [slow],
      log: { error: () => {} },
      ...FAST,
    });
    await jobs.start(t.deps);
    try {
      const id = await jobs.send(slow, {});
      await started;
      // Its deadline is one lease away (not the queue's 15 minutes): a dead worker would be noticed soon.
      const [lease] = await sql(
        `select extract(epoch from started_on + expire_in - now())::int as seconds from pgboss.job where id = $1`,
        [id],
      );
      expect(Number(lease?.seconds)).toBeLessThanOrEqual(FAST.leaseSeconds);
      const done = await eventually('the slow job', async () => {
        const rows = await sql('select state, retry_count from pgboss.job where id = $1', [id]);
        return rows[0]?.state === 'completed' ? rows[0] : null;
      });
      expect(done).toMatchObject({ state: 'completed', retry_count: 0 });
      expect(runs).toBe(1);
    } finally {
      await jobs.stop();
    }
  });
});
