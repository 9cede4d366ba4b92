import { type Readable, Transform } from 'node:stream';
import { and, eq, inArray, ne, not, sql } from 'drizzle-orm';
import type { DeviceImportRowError } from '../../../shared/api/devices';
import { TextFileProblem } from '../../../shared/text-encoding';
import type { Db } from '../../db/client';
import type { FileStorage } from '../../storage/file-storage';
import { recordAudit } from '../audit/record-audit';
import { loadModelCatalog } from '../vendors/vendor-view';
import { readCsvRecords } from './csv-stream';
import { IMPORT_BEAT_MS, isLiveImport, isStalledImport, settleStalledImports } from './import-liveness';
import { type DeviceLine, DeviceRowChecker, readLayout } from './import-rows';
import { MAX_IMPORT_ATTEMPTS } from './jobs';
import { deviceImportRows, deviceImports } from './schema';
import { readXlsxRecords, type SheetRecord } from './xlsx-stream';

/** Larger registers go in several files; a million rows is far beyond any vendor's shipment list. */
export const MAX_IMPORT_ROWS = 1_000_000;
/** The error report keeps this many rows; `errorCount` still counts all. */
export const MAX_REPORTED_ERRORS = 1000;
/** Rows per staging insert and per progress update. */
const BATCH = 5000;

export type ImportDeps = { db: Db; storage: FileStorage };

/** The file itself cannot be read (not an XLSX, no rows, too many rows): the import fails with a message. */
class ImportFileError extends Error {}
/**
 * This attempt may not go on: another attempt took over (a re-delivered job), a newer upload replaced the
 * import, or it was settled as stalled. It stops quietly and applies nothing.
 */
class Superseded extends Error {}

const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
  Array.isArray(result) ? result : ((result as { rows?: Array<Record<string, unknown>> }).rows ?? []);

/** Counts the bytes the parser has taken from the file, for the progress bar. */
function byteCounter(onBytes: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  });
}

/**
 * Runs one attempt of an import (the `devices.import` job, or the CLI directly). Reading streams the file,
 * checks every row and writes valid rows to staging in batches, updating progress; if any row is wrong,
 * nothing is applied and the report lists every error by row. Otherwise one transaction merges the staging
 * rows into the registry (upsert by serial) and marks the import completed — all or nothing. A retried job
 * starts a new attempt and drops the previous attempt's staging rows; a completed or failed import is left
 * as it is, so running the job twice changes nothing. Only a live import is claimed: one that stalled (and
 * so may have been shown failed) or was replaced by a newer upload never applies (issue 8, item 16).
 */
export async function runDeviceImport(deps: ImportDeps, importId: string): Promise<void> {
  const { db } = deps;
  const [claimed] = await db
    .update(deviceImports)
    .set({
      attempt: sql`${deviceImports.attempt} + 1`,
      status: 'reading',
      startedAt: new Date(),
      bytesRead: 0,
      processedRows: 0,
      totalRows: null,
      errorCount: 0,
      errors: [],
      message: null,
      updatedAt: new Date(),
    })
    .where(and(eq(deviceImports.id, importId), isLiveImport(new Date())))
    .returning();
  if (!claimed) {
    await settleStalledImports(db, { id: importId });
    return removeFinishedFile(deps, importId);
  }
  const attempt = claimed.attempt;
  await db
    .delete(deviceImportRows)
    .where(and(eq(deviceImportRows.importId, importId), ne(deviceImportRows.attempt, attempt)));
  await dropAbandonedStaging(db);
  try {
    const beat = keepTouching(db, importId, attempt);
    const outcome = await readAndStage(deps, claimed, attempt).finally(beat.stop);
    if (outcome.errors.length > 0 || outcome.message)
      await finishFailed(db, importId, attempt, outcome.message, outcome.errors, outcome.errorCount);
    else await apply(db, claimed, attempt, outcome.rows);
  } catch (error) {
    if (error instanceof Superseded) return removeFinishedFile(deps, importId);
    if (error instanceof ImportFileError) await finishFailed(db, importId, attempt, error.message, [], 0);
    else {
      // The last attempt fails the import for people, then rethrows so the job records the cause.
      if (attempt >= MAX_IMPORT_ATTEMPTS) {
        await finishFailed(
          db,
          importId,
          attempt,
          'Импорт прерван из-за внутренней ошибки; реестр не изменён. Загрузите файл снова.',
          [],
          0,
        );
        await removeFinishedFile(deps, importId);
      }
      throw error;
    }
  }
  await removeFinishedFile(deps, importId);
}

type Claimed = typeof deviceImports.$inferSelect;

/**
 * Touches the import while it is read, so a slow stretch of the file (a large XLSX's shared strings, a slow
 * disk) is never taken for a dead worker. Stopped before the apply, whose transaction holds the row instead.
 */
function keepTouching(db: Db, importId: string, attempt: number): { stop: () => void } {
  let touching = false;
  const timer = setInterval(() => {
    if (touching) return;
    touching = true;
    progress(db, importId, attempt, {})
      .catch(() => {}) // a lost import is noticed by the next batch's progress
      .finally(() => {
        touching = false;
      });
  }, IMPORT_BEAT_MS);
  return { stop: () => clearInterval(timer) };
}

type ReadOutcome = {
  rows: number;
  errors: DeviceImportRowError[];
  errorCount: number;
  message: string | null;
};

async function readAndStage(deps: ImportDeps, job: Claimed, attempt: number): Promise<ReadOutcome> {
  const { db } = deps;
  if (!job.storageKey) throw new ImportFileError('Файл импорта не найден: загрузите его снова');
  let bytesRead = 0;
  const counter = byteCounter((total) => {
    bytesRead = total;
  });
  const file = await deps.storage.open(job.storageKey).catch(() => {
    throw new ImportFileError('Файл импорта не найден: загрузите его снова');
  });
  const source: Readable = file.pipe(counter);
  file.on('error', (error) => counter.destroy(error));
  const records: AsyncGenerator<SheetRecord> =
    job.format === 'xlsx' ? readXlsxRecords(source) : readCsvRecords(source);

  const catalog = await loadModelCatalog(db);
  const errors: DeviceImportRowError[] = [];
  let errorCount = 0;
  let checker: DeviceRowChecker | null = null;
  let rows = 0;
  let batch: DeviceLine[] = [];
  const report = (error: DeviceImportRowError) => {
    errorCount++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
  };
  const flush = async () => {
    if (errorCount === 0 && batch.length > 0) await stage(db, job.id, attempt, batch);
    batch = [];
    await progress(db, job.id, attempt, { bytesRead, processedRows: rows, errorCount });
  };
  try {
    for await (const record of readRecords(records, job.format)) {
      if (!checker) {
        const layout = readLayout(record);
        if ('message' in layout) return { rows: 0, errors: [layout], errorCount: 1, message: null };
        checker = new DeviceRowChecker(catalog, layout);
        if (layout.hasHeader) continue;
      }
      rows++;
      if (rows > MAX_IMPORT_ROWS)
        throw new ImportFileError(
          `В файле больше ${MAX_IMPORT_ROWS.toLocaleString('ru-RU')} строк: разделите его на части; реестр не изменён`,
        );
      const checked = checker.check(record);
      for (const error of checked.errors) report(error);
      if (checked.line && errorCount === 0) batch.push(checked.line);
      if (rows % BATCH === 0) await flush();
    }
  } finally {
    source.destroy();
    file.destroy();
  }
  await flush();
  if (rows === 0)
    return {
      rows,
      errors: [],
      errorCount: 0,
      message: 'В файле нет строк с устройствами: реестр не изменён',
    };
  return { rows, errors, errorCount, message: null };
}

/** The parser's records; a file that is not what it claims (a broken XLSX) becomes a message for people. */
async function* readRecords(
  records: AsyncGenerator<SheetRecord>,
  format: string,
): AsyncGenerator<SheetRecord> {
  try {
    yield* records;
  } catch (error) {
    // Not text (NUL, control characters, a broken encoding): no retry can change that, so the import fails
    // now with the reason, instead of three attempts and «внутренняя ошибка».
    if (error instanceof TextFileProblem) throw new ImportFileError(`${error.message}. Реестр не изменён.`);
    // I/O errors (they carry a syscall) are retried rather than blamed on the file.
    if (format !== 'xlsx' || error instanceof Superseded || (error as NodeJS.ErrnoException).syscall)
      throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(
      `Файл не читается как XLSX (${reason.slice(0, 200)}): сохраните его в Excel как «Книга Excel (.xlsx)»`,
    );
  }
}

async function progress(
  db: Db,
  importId: string,
  attempt: number,
  patch: Partial<typeof deviceImports.$inferInsert>,
): Promise<void> {
  const now = new Date();
  const rows = await db
    .update(deviceImports)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(deviceImports.id, importId), eq(deviceImports.attempt, attempt), isLiveImport(now)))
    .returning({ id: deviceImports.id });
  if (rows.length === 0) {
    await settleStalledImports(db, { id: importId });
    throw new Superseded();
  }
}

/** One statement per batch: the rows travel as one JSON parameter (no parameter-count limit). */
async function stage(db: Db, importId: string, attempt: number, lines: DeviceLine[]): Promise<void> {
  const json = JSON.stringify(
    lines.map((l) => ({
      row: l.row,
      serial: l.serial,
      model_id: l.modelId,
      subscription_end: l.subscriptionEnd,
    })),
  );
  await db.execute(sql`
    insert into device_import_rows (import_id, attempt, "row", serial, model_id, subscription_end)
    select ${importId}::uuid, ${attempt}::int, r."row", r.serial, r.model_id, r.subscription_end
    from json_to_recordset(${json}::json) as r("row" int, serial text, model_id uuid, subscription_end date)`);
}

async function finishFailed(
  db: Db,
  importId: string,
  attempt: number,
  message: string | null,
  errors: DeviceImportRowError[],
  errorCount: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(deviceImports)
      .set({ status: 'failed', message, errors, errorCount, finishedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(deviceImports.id, importId),
          eq(deviceImports.attempt, attempt),
          inArray(deviceImports.status, ['reading', 'applying']),
        ),
      );
    await tx
      .delete(deviceImportRows)
      .where(and(eq(deviceImportRows.importId, importId), eq(deviceImportRows.attempt, attempt)));
  });
}

/**
 * The all-or-nothing step. Upsert by serial: a new serial is inserted; a known one takes the file's model
 * and the later of the two subscription ends (an empty cell keeps the registry's) — a stale vendor list
 * never takes back a subscription sold through Kabinet; corrections go through the device card.
 */
async function apply(db: Db, job: Claimed, attempt: number, rows: number): Promise<void> {
  await progress(db, job.id, attempt, {
    status: 'applying',
    totalRows: rows,
    processedRows: rows,
    bytesRead: job.sizeBytes,
  });
  const applied = await db.transaction(async (tx) => {
    // The final check, under the row lock: once this holds the row, nothing can mark the import failed,
    // and if something already did (stalled, replaced by a newer upload), it is not applied.
    const [mine] = await tx
      .select({ id: deviceImports.id })
      .from(deviceImports)
      .where(
        and(
          eq(deviceImports.id, job.id),
          eq(deviceImports.attempt, attempt),
          eq(deviceImports.status, 'applying'),
          not(isStalledImport(new Date())),
        ),
      )
      .for('update');
    if (!mine) return false;
    const [counts] = rowsOf(
      await tx.execute(sql`
        with merged as (
          insert into devices (serial, model_id, subscription_end)
          select serial, model_id, subscription_end from device_import_rows
          where import_id = ${job.id}::uuid and attempt = ${attempt}::int
          on conflict (serial) do update set
            model_id = excluded.model_id,
            subscription_end = greatest(devices.subscription_end, excluded.subscription_end),
            updated_at = now()
          where devices.model_id <> excluded.model_id
            or devices.subscription_end is distinct from greatest(devices.subscription_end, excluded.subscription_end)
          returning (xmax = 0) as inserted
        )
        select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated
        from merged`),
    );
    const inserted = Number(counts?.inserted ?? 0);
    const updated = Number(counts?.updated ?? 0);
    await tx
      .delete(deviceImportRows)
      .where(and(eq(deviceImportRows.importId, job.id), eq(deviceImportRows.attempt, attempt)));
    await tx
      .update(deviceImports)
      .set({
        status: 'completed',
        inserted,
        updated,
        unchanged: rows - inserted - updated,
        finishedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(deviceImports.id, job.id));
    await recordAudit(tx, {
      actor: { userId: job.createdBy, email: job.createdByEmail, ip: job.createdIp },
      action: 'devices.imported',
      entityType: 'device_import',
      entityId: job.id,
      details: { fileName: job.fileName, rows, inserted, updated, unchanged: rows - inserted - updated },
    });
    return true;
  });
  if (!applied) {
    await settleStalledImports(db, { id: job.id });
    throw new Superseded();
  }
}

/**
 * Staging rows of other imports that will never be applied: finished ones, including runs that stopped
 * moving (a CLI run killed mid-way has no job to retry it), which are settled as failed first.
 */
async function dropAbandonedStaging(db: Db): Promise<void> {
  await settleStalledImports(db);
  await db.delete(deviceImportRows).where(
    inArray(
      deviceImportRows.importId,
      db
        .select({ id: deviceImports.id })
        .from(deviceImports)
        .where(inArray(deviceImports.status, ['completed', 'failed'])),
    ),
  );
}

/** A finished import no longer needs its file; removal is retried by any later run of the job. */
async function removeFinishedFile(deps: ImportDeps, importId: string): Promise<void> {
  const [row] = await deps.db
    .select({ status: deviceImports.status, storageKey: deviceImports.storageKey })
    .from(deviceImports)
    .where(eq(deviceImports.id, importId));
  if (!row?.storageKey || (row.status !== 'completed' && row.status !== 'failed')) return;
  await deps.storage.remove(row.storageKey);
  await deps.db.update(deviceImports).set({ storageKey: null }).where(eq(deviceImports.id, importId));
}
