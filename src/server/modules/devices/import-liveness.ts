import { and, eq, inArray, lt, ne, not, type SQL, sql } from 'drizzle-orm';
import type { DeviceImportStatus } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { deviceImports } from './schema';

/**
 * A running import that has not moved for this long lost its worker: the worker touches its row at least
 * every IMPORT_BEAT_MS while it reads, and holds the row locked while it applies. Longer than the job lease
 * plus a retry (about two minutes, jobs/boss.ts), so a crashed worker's retry resumes the import first.
 */
export const STALLED_AFTER_MS = 5 * 60 * 1000;
/** How often a reading worker touches its import while no batch is finished. */
export const IMPORT_BEAT_MS = 30 * 1000;

export const STALLED_MESSAGE = 'Импорт прервался и не завершён; реестр не изменён. Загрузите файл снова.';

const RUNNING: DeviceImportStatus[] = ['reading', 'applying'];
const UNFINISHED: DeviceImportStatus[] = ['queued', ...RUNNING];

/**
 * The one definition of a stalled import (issue 8, item 16), used by the view, the job's claim and the
 * locked check before applying: running, and untouched for STALLED_AFTER_MS.
 */
export function isStalledImport(now: Date): SQL {
  return and(
    inArray(deviceImports.status, RUNNING),
    lt(deviceImports.updatedAt, new Date(now.getTime() - STALLED_AFTER_MS)),
  ) as SQL;
}

/** Not finished and not stalled: a worker may (still) work on it. */
export function isLiveImport(now: Date): SQL {
  return and(inArray(deviceImports.status, UNFINISHED), not(isStalledImport(now))) as SQL;
}

/**
 * Writes `failed` on stalled imports (one, or all), so nothing is ever shown failed that could still apply:
 * the job claims and applies only a live import. A row locked by a running apply is skipped (its worker is
 * alive; the lock is released with the connection if it dies).
 */
export async function settleStalledImports(db: Db, options: { id?: string; now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const stalled = and(isStalledImport(now), options.id ? eq(deviceImports.id, options.id) : undefined);
  await db
    .update(deviceImports)
    .set({ status: 'failed', message: STALLED_MESSAGE, finishedAt: now, updatedAt: now })
    .where(
      and(
        stalled,
        inArray(
          deviceImports.id,
          db
            .select({ id: deviceImports.id })
            .from(deviceImports)
            .where(stalled)
            .for('update', { skipLocked: true }),
        ),
      ),
    );
}

/**
 * A new upload replaces every unfinished one: the registry is one list, and an older file applied after a
 * corrected one would undo the correction. An import already applying holds its row, so this waits for it
 * to finish (it then is completed and stays so) instead of failing an import that is about to succeed.
 * Runs in the upload's transaction, after its insert; the lock orders concurrent uploads, so the later one
 * sees (and replaces) the earlier one, which its snapshot would otherwise miss.
 */
export async function supersedeImports(db: Db, newer: { id: string; fileName: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('kabinet.device_imports.upload'))`);
  const now = new Date();
  await db
    .update(deviceImports)
    .set({
      status: 'failed',
      message: `Импорт отменён: загружен более новый файл «${newer.fileName}». Реестр этим файлом не изменён.`,
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(ne(deviceImports.id, newer.id), inArray(deviceImports.status, UNFINISHED)));
}
