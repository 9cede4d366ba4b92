import { and, asc, desc, eq } from 'drizzle-orm';
import type { AdminProductFile, ProductFile } from '../../../shared/api/files';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { catalogCodes, productFiles } from './schema';

export type ProductFileRow = typeof productFiles.$inferSelect;

/** Newest release first; among one day's uploads the latest first. */
export const NEWEST_FIRST = [desc(productFiles.releasedOn), desc(productFiles.createdAt)] as const;

export function toProductFile(row: ProductFileRow): ProductFile {
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    releasedOn: row.releasedOn,
    notes: row.notes,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
  };
}

export function toAdminProductFile(row: ProductFileRow): AdminProductFile {
  return {
    ...toProductFile(row),
    productCode: row.productCode,
    kind: row.kind === 'document' ? 'document' : 'distribution',
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

type Issue = { path: string; message: string };

/** A `VALIDATION_ERROR` in the shape the schema validator answers (http/error-handler.ts). */
export function invalid(issues: Issue[]): AppError {
  const first = issues[0];
  const message = first ? (first.path ? `${first.message} (${first.path})` : first.message) : undefined;
  return new AppError('VALIDATION_ERROR', message, issues);
}

/** 404 unless `code` is a product of table 1 (retired products keep their files). */
export async function assertProductCode(db: Db, code: string): Promise<void> {
  const [known] = await db
    .select({ code: catalogCodes.code })
    .from(catalogCodes)
    .where(and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, code)));
  if (!known) throw notFound(`Кода продукта «${code}» нет в таблице 1`);
}

/** Every file of a product for staff, withdrawn ones too: distributions first, then documents. */
export async function listProductFiles(db: Db, productCode: string): Promise<AdminProductFile[]> {
  await assertProductCode(db, productCode);
  const rows = await db
    .select()
    .from(productFiles)
    .where(eq(productFiles.productCode, productCode))
    .orderBy(asc(productFiles.kind), ...NEWEST_FIRST);
  return rows.map(toAdminProductFile);
}

export async function getProductFileRow(db: Db, id: string): Promise<ProductFileRow> {
  const [row] = await db.select().from(productFiles).where(eq(productFiles.id, id));
  if (!row) throw notFound('Файл не найден');
  return row;
}
