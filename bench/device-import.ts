import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Database } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { createDeviceImport } from '../src/server/modules/devices/create-import';
import { getDeviceImport } from '../src/server/modules/devices/import-view';
import { runDeviceImport } from '../src/server/modules/devices/run-import';
import { addModel, createVendor } from '../src/server/modules/vendors/save-vendor';
import { createDiskStorage } from '../src/server/storage/disk-storage';
import { wireModules } from '../src/server/wiring';
import { VendorSaveBody } from '../src/shared/api/devices';
import { type BenchDatabase, openPgliteBench, openPostgresBench, postgresAdminCandidates } from './databases';

/**
 * The device registry import (seed 002 reference data): a 200 000-row file through the same use cases as the
 * back office and the CLI — into the file storage, then read, checked, staged and merged in one transaction.
 * Runs: a new CSV (all inserts), the same serials again with later dates (all updates), the same as XLSX.
 * `npm run bench` calls it; `npx tsx bench/device-import.ts` runs it alone (BENCH_DEVICE_ROWS to change size,
 * BENCH_DEVICE_DB=pglite|postgres for one database; run with `node --expose-gc` for RSS after a collection).
 */

const ACTOR = { userId: null, email: 'bench', ip: null };

export type DeviceImportRun = {
  label: string;
  rows: number;
  ms: number;
  /** Resident memory of this process before the run and at its peak (PGlite, when used, lives in it too). */
  rssBeforeMb: number;
  rssPeakMb: number;
  detail: string;
};

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

const serialOf = (i: number) => `BENCH${String(i).padStart(11, '0')}`;

async function writeCsv(file: string, rows: number, year: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('Серийный номер;Модель;Вендор;Подписка до\r\n');
  for (let i = 0; i < rows; i++) {
    const line = `${serialOf(i)};BENCH-ФС;Бенч Вендор;${String((i % 28) + 1).padStart(2, '0')}.06.${year}\r\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
}

async function writeXlsx(file: string, rows: number, year: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = book.addWorksheet('Реестр');
  sheet.addRow(['Серийный номер', 'Модель', 'Вендор', 'Подписка до']).commit();
  for (let i = 0; i < rows; i++) {
    const row = sheet.addRow([
      serialOf(i),
      'BENCH-ФС',
      'Бенч Вендор',
      new Date(Date.UTC(year, 6, (i % 28) + 1)),
    ]);
    row.getCell(4).numFmt = 'dd.mm.yyyy';
    row.commit();
  }
  sheet.commit();
  await book.commit();
}

/** Imports prepared files into a migrated database; each run is timed from upload to the committed merge. */
export async function benchDeviceImport(
  database: Database,
  options: { rows?: number; log: (line: string) => void },
): Promise<DeviceImportRun[]> {
  wireModules();
  const rows = options.rows ?? 200_000;
  const dir = await mkdtemp(path.join(tmpdir(), 'kabinet-bench-devices-'));
  try {
    const storage = createDiskStorage(path.join(dir, 'files'));
    const vendor = await createVendor(
      database.db,
      VendorSaveBody.parse({
        name: 'Бенч Вендор',
        fullName: 'ООО «Бенч Вендор»',
        ogrn: '1067746394792',
        installMethod: 'file',
      }),
      ACTOR,
    );
    await addModel(database.db, vendor.id, { name: 'BENCH-ФС', installMethod: null }, ACTOR);
    const files = [
      {
        label: `CSV, ${rows} new serials`,
        file: path.join(dir, 'new.csv'),
        write: () => writeCsv(path.join(dir, 'new.csv'), rows, 2027),
      },
      {
        label: `CSV, ${rows} known serials, later dates`,
        file: path.join(dir, 'again.csv'),
        write: () => writeCsv(path.join(dir, 'again.csv'), rows, 2028),
      },
      {
        label: `XLSX, ${rows} known serials, later dates`,
        file: path.join(dir, 'again.xlsx'),
        write: () => writeXlsx(path.join(dir, 'again.xlsx'), rows, 2029),
      },
    ];
    const runs: DeviceImportRun[] = [];
    for (const { label, file, write } of files) {
      await write();
      const size = (await stat(file)).size;
      globalThis.gc?.();
      const rssBefore = process.memoryUsage.rss();
      const sampler = rssPeak();
      const started = performance.now();
      const created = await createDeviceImport(database.db, storage, {
        source: createReadStream(file),
        fileName: path.basename(file),
        actor: ACTOR,
      });
      // The last moment the run was seen «reading» ends reading, checking and staging; the rest is the merge.
      // (On PGlite a poll waits while the merge transaction holds the one connection, so the first «applying»
      // answer would come too late; the last «reading» one does not.)
      let readingSeenAt = started;
      const watcher = setInterval(() => {
        void getDeviceImport(database.db, created.id).then((p) => {
          if (p.status === 'reading') readingSeenAt = performance.now();
        });
      }, 100);
      await runDeviceImport({ db: database.db, storage }, created.id);
      clearInterval(watcher);
      const ms = performance.now() - started;
      const readMs = readingSeenAt - started;
      const peak = sampler.stop();
      const done = await getDeviceImport(database.db, created.id);
      if (done.status !== 'completed')
        throw new Error(
          `${label}: ${done.status} ${done.message ?? JSON.stringify(done.errors.slice(0, 3))}`,
        );
      runs.push({
        label,
        rows: done.totalRows ?? 0,
        ms,
        rssBeforeMb: rssBefore / 1024 / 1024,
        rssPeakMb: peak / 1024 / 1024,
        detail: `${(size / 1024 / 1024).toFixed(1)} MiB; read+check+stage ≈${(readMs / 1000).toFixed(1)} s, merge ≈${((ms - readMs) / 1000).toFixed(1)} s; inserted ${done.inserted}, updated ${done.updated}, unchanged ${done.unchanged}`,
      });
      options.log(`device import: ${label} — ${(ms / 1000).toFixed(1)} s`);
    }
    return runs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatDeviceImport(title: string, runs: DeviceImportRun[]): string {
  const header = ['run', 'rows', 'time s', 'rows/s', 'RSS before MiB', 'RSS peak MiB'];
  const body = runs.map((r) => [
    r.label,
    String(r.rows),
    (r.ms / 1000).toFixed(2),
    (r.rows / (r.ms / 1000)).toFixed(0),
    r.rssBeforeMb.toFixed(0),
    r.rssPeakMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const details = runs.map((r) => `  ${r.label}: ${r.detail}`);
  return [
    title,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    ...details,
  ].join('\n');
}

/** `npm run bench` entry: the import on a fresh PGlite and, when one answers, a fresh PostgreSQL database. */
export async function benchmarkDeviceImport(log: (line: string) => void): Promise<void> {
  const rows = Number(process.env.BENCH_DEVICE_ROWS ?? 200_000);
  const only = process.env.BENCH_DEVICE_DB;
  const targets: Array<[string, () => Promise<BenchDatabase>]> = [];
  if (only !== 'postgres') targets.push(['PGlite', openPgliteBench]);
  const candidates = only === 'pglite' ? [] : await postgresAdminCandidates();
  if (candidates.length > 0) targets.push(['PostgreSQL', () => openPostgresBench(candidates, 4)]);
  for (const [label, open] of targets) {
    const bench = await open();
    try {
      await runMigrations(bench.database);
      log(
        `\n${formatDeviceImport(`${label}: device registry import`, await benchDeviceImport(bench.database, { rows, log }))}`,
      );
    } finally {
      await bench.dispose();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchmarkDeviceImport((text) => process.stdout.write(`${text}\n`)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
