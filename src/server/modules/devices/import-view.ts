import { desc, eq, getTableColumns } from 'drizzle-orm';
import type { DeviceImport } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { settleStalledImports } from './import-liveness';
import { deviceImports } from './schema';

type ImportRow = typeof deviceImports.$inferSelect;

/** Reading the file is the first 90 % of the bar, applying it the rest. */
export function importPercent(row: Pick<ImportRow, 'status' | 'bytesRead' | 'sizeBytes'>): number {
  if (row.status === 'completed' || row.status === 'failed') return 100;
  if (row.status === 'applying') return 90;
  if (row.status === 'queued' || row.sizeBytes === 0) return 0;
  return Math.min(90, Math.floor((90 * row.bytesRead) / row.sizeBytes));
}

/**
 * The row as people see it. A stalled import is shown failed only once that is written (the readers below
 * settle first), so what the view calls failed can never apply afterwards (issue 8, item 16).
 */
export function toDeviceImport(row: ImportRow): DeviceImport {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    sizeBytes: row.sizeBytes,
    bytesRead: row.bytesRead,
    processedRows: row.processedRows,
    totalRows: row.totalRows,
    percent: importPercent(row),
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.errorCount,
    errors: row.errors,
    message: row.message,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getDeviceImport(db: Db, id: string): Promise<DeviceImport> {
  await settleStalledImports(db, { id });
  const [row] = await db.select().from(deviceImports).where(eq(deviceImports.id, id));
  if (!row) throw notFound('Импорт не найден');
  return toDeviceImport(row);
}

/** The latest imports, newest first, without their error reports. */
export async function listDeviceImports(db: Db, limit = 20): Promise<Array<Omit<DeviceImport, 'errors'>>> {
  await settleStalledImports(db);
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
