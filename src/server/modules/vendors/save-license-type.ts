import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { LicenseType, LicenseTypeSaveBody } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getLicenseType } from './license-type-view';
import { deviceModels, licenseTypeModels, licenseTypes, vendors } from './schema';

type LicenseTypeInput = z.output<typeof LicenseTypeSaveBody>;

/** The listed models must exist and belong to the license type's vendor. */
async function checkModels(tx: Db, vendorId: string, modelIds: string[]): Promise<string[]> {
  const unique = [...new Set(modelIds)];
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: deviceModels.id })
    .from(deviceModels)
    .where(and(inArray(deviceModels.id, unique), eq(deviceModels.vendorId, vendorId)));
  if (found.length !== unique.length)
    throw new AppError('VALIDATION_ERROR', 'Выберите модели этого вендора', [
      { path: 'modelIds', message: 'Среди моделей есть чужие или удалённые: выберите модели этого вендора' },
    ]);
  return unique;
}

async function replaceModels(tx: Db, licenseTypeId: string, modelIds: string[]): Promise<void> {
  await tx.delete(licenseTypeModels).where(eq(licenseTypeModels.licenseTypeId, licenseTypeId));
  if (modelIds.length > 0)
    await tx.insert(licenseTypeModels).values(modelIds.map((modelId) => ({ licenseTypeId, modelId })));
}

export async function createLicenseType(
  db: Db,
  input: LicenseTypeInput,
  actor: AuditActor,
): Promise<LicenseType> {
  const id = await db.transaction(async (tx) => {
    const [vendor] = await tx.select({ id: vendors.id }).from(vendors).where(eq(vendors.id, input.vendorId));
    if (!vendor)
      throw new AppError('VALIDATION_ERROR', 'Вендор не найден', [
        { path: 'vendorId', message: 'Выберите вендора' },
      ]);
    const modelIds = await checkModels(tx, input.vendorId, input.modelIds);
    const [row] = await tx
      .insert(licenseTypes)
      .values({
        vendorId: input.vendorId,
        name: input.name,
        termMonths: input.termMonths,
        vatMode: input.vatMode,
        vatRatePercent: input.vatRatePercent,
        archived: input.archived,
      })
      .returning({ id: licenseTypes.id });
    if (!row) throw new Error('license type insert returned nothing');
    await replaceModels(tx, row.id, modelIds);
    await recordAudit(tx, {
      actor,
      action: 'license_types.created',
      entityType: 'license_type',
      entityId: row.id,
      details: { name: input.name, vendorId: input.vendorId, models: modelIds.length },
    });
    return row.id;
  });
  return getLicenseType(db, id);
}

/**
 * Changes name, term, VAT, models, archive flag. The vendor is fixed: a license type for another vendor's
 * devices is another license type. Orders copy what they need when made, so these edits never rewrite them.
 */
export async function updateLicenseType(
  db: Db,
  id: string,
  input: LicenseTypeInput,
  actor: AuditActor,
): Promise<LicenseType> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(licenseTypes).where(eq(licenseTypes.id, id)).for('update');
    if (!current) throw notFound('Тип лицензии не найден');
    if (current.vendorId !== input.vendorId)
      throw new AppError('VALIDATION_ERROR', 'Вендора типа лицензии изменить нельзя', [
        { path: 'vendorId', message: 'Вендора изменить нельзя: создайте новый тип лицензии' },
      ]);
    const modelIds = await checkModels(tx, current.vendorId, input.modelIds);
    await tx
      .update(licenseTypes)
      .set({
        name: input.name,
        termMonths: input.termMonths,
        vatMode: input.vatMode,
        vatRatePercent: input.vatRatePercent,
        archived: input.archived,
        updatedAt: new Date(),
      })
      .where(eq(licenseTypes.id, id));
    await replaceModels(tx, id, modelIds);
    await recordAudit(tx, {
      actor,
      action: 'license_types.updated',
      entityType: 'license_type',
      entityId: id,
      details: {
        name: input.name,
        termMonths: input.termMonths,
        vatMode: input.vatMode,
        vatRatePercent: input.vatRatePercent,
        models: modelIds.length,
        archived: input.archived,
      },
    });
  });
  return getLicenseType(db, id);
}
