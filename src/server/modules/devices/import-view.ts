import { desc, eq, getTableColumns } from 'drizzle-orm';
import type { DeviceImport, DeviceImportStatus } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { deviceImports } from './schema';

type ImportRow = typeof deviceImports.$inferSelect;

/** A running import that has not moved for this long was cut off (its worker died after its last attempt). */
export const STALLED_AFTER_MS = 15 * 60 * 1000;

/** Reading the file is the first 90 % of the bar, applying it the rest. */
export function importPercent(row: Pick<ImportRow, 'status' | 'bytesRead' | 'sizeBytes'>): number {
  if (row.status === 'completed' || row.status === 'failed') return 100;
  if (row.status === 'applying') return 90;
  if (row.status === 'queued' || row.sizeBytes === 0) return 0;
  return Math.min(90, Math.floor((90 * row.bytesRead) / row.sizeBytes));
}

export function toDeviceImport(row: ImportRow, now = new Date()): DeviceImport {
  const running = row.status === 'reading' || row.status === 'applying';
  const stalled = running && now.getTime() - row.updatedAt.getTime() > STALLED_AFTER_MS;
  const status: DeviceImportStatus = stalled ? 'failed' : (row.status as DeviceImportStatus);
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format as DeviceImport['format'],
    status,
    sizeBytes: row.sizeBytes,
    bytesRead: row.bytesRead,
    processedRows: row.processedRows,
    totalRows: row.totalRows,
    percent: importPercent({ ...row, status }),
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.errorCount,
    errors: row.errors,
    message: stalled
      ? 'Импорт прервался и не завершён; реестр не изменён. Загрузите файл снова.'
      : row.message,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getDeviceImport(db: Db, id: string): Promise<DeviceImport> {
  const [row] = await db.select().from(deviceImports).where(eq(deviceImports.id, id));
  if (!row) throw notFound('Импорт не найден');
  return toDeviceImport(row);
}

/** The latest imports, newest first, without their error reports. */
export async function listDeviceImports(db: Db, limit = 20): Promise<Array<Omit<DeviceImport, 'errors'>>> {
  const { errors: _errors, ...columns } = getTableColumns(deviceImports);
  const rows = await db
    .select(columns)
    .from(deviceImports)
    .orderBy(desc(deviceImports.createdAt))
    .limit(limit);
  return rows.map((row) => {
    const { errors: _none, ...rest } = toDeviceImport({ ...row, errors: [] });
    return rest;
  });
}
