import { eq } from 'drizzle-orm';
import {
  type AdminProductFile,
  DISTRIBUTION_VERSION_REQUIRED,
  type ProductFileUpdateBody,
} from '../../../shared/api/files';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { invalid, toAdminProductFile } from './product-files-view';
import { productFiles } from './schema';

async function lockFile(db: Db, id: string) {
  const [row] = await db.select().from(productFiles).where(eq(productFiles.id, id)).for('update');
  if (!row) throw notFound('Файл не найден');
  return row;
}

/** Title, version, release date, notes of a file; a distribution keeps a version. */
export async function updateProductFile(
  db: Db,
  id: string,
  body: ProductFileUpdateBody,
  actor: AuditActor,
): Promise<AdminProductFile> {
  const row = await db.transaction(async (tx) => {
    const current = await lockFile(tx, id);
    const next = {
      title: body.title ?? current.title,
      version: body.version === undefined ? current.version : body.version || null,
      releasedOn: body.releasedOn ?? current.releasedOn,
      notes: body.notes ?? current.notes,
    };
    if (current.kind === 'distribution' && !next.version)
      throw invalid([{ path: 'version', message: DISTRIBUTION_VERSION_REQUIRED }]);
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== current[k]);
    if (changed.length === 0) return current;
    const [updated] = await tx
      .update(productFiles)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(productFiles.id, id))
      .returning();
    if (!updated) throw notFound('Файл не найден');
    await recordAudit(tx, {
      actor,
      action: 'catalog.file_updated',
      entityType: 'product_file',
      entityId: id,
      details: {
        productCode: current.productCode,
        fileName: current.fileName,
        changed: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: next[k] }])),
      },
    });
    return updated;
  });
  return toAdminProductFile(row);
}

/**
 * Withdraws a file (customers no longer see or download it; staff still do) or brings it back. The bytes stay:
 * a withdrawn build may be needed again, and the audit trail names it.
 */
export async function setProductFileWithdrawn(
  db: Db,
  id: string,
  withdrawn: boolean,
  actor: AuditActor,
): Promise<AdminProductFile> {
  const row = await db.transaction(async (tx) => {
    const current = await lockFile(tx, id);
    if ((current.withdrawnAt !== null) === withdrawn) return current;
    const [updated] = await tx
      .update(productFiles)
      .set({ withdrawnAt: withdrawn ? new Date() : null, updatedAt: new Date() })
      .where(eq(productFiles.id, id))
      .returning();
    if (!updated) throw notFound('Файл не найден');
    await recordAudit(tx, {
      actor,
      action: withdrawn ? 'catalog.file_withdrawn' : 'catalog.file_restored',
      entityType: 'product_file',
      entityId: id,
      details: {
        productCode: current.productCode,
        title: current.title,
        version: current.version,
        fileName: current.fileName,
      },
    });
    return updated;
  });
  return toAdminProductFile(row);
}
