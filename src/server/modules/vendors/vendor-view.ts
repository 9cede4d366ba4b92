import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DeviceModel, InstallMethod, Vendor } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import type { ModelCatalog } from '../devices/import-rows';
import { countDevicesByModel } from './model-device-counts';
import { deviceModels, vendors } from './schema';

type VendorRow = typeof vendors.$inferSelect;
type ModelRow = typeof deviceModels.$inferSelect;

export function toDeviceModel(row: ModelRow, devicesCount: number): DeviceModel {
  return {
    id: row.id,
    vendorId: row.vendorId,
    name: row.name,
    installMethod: row.installMethod,
    devicesCount,
  };
}

function toVendor(row: VendorRow, models: DeviceModel[]): Vendor {
  return {
    id: row.id,
    name: row.name,
    fullName: row.fullName,
    inn: row.inn,
    kpp: row.kpp,
    ogrn: row.ogrn,
    installMethod: row.installMethod,
    installNote: row.installNote,
    instructionLinks: row.instructionLinks,
    integrationUrl: row.integrationUrl,
    models,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Vendors by name, each with its models and how many registry devices each model has. */
export async function listVendors(db: Db, ids?: string[]): Promise<Vendor[]> {
  const rows = await db
    .select()
    .from(vendors)
    .where(ids ? inArray(vendors.id, ids) : undefined)
    .orderBy(asc(sql`lower(${vendors.name})`));
  if (rows.length === 0) return [];
  const models = await db
    .select()
    .from(deviceModels)
    .where(
      inArray(
        deviceModels.vendorId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(sql`lower(${deviceModels.name})`));
  const counts = await countDevicesByModel(
    db,
    models.map((m) => m.id),
  );
  return rows.map((row) =>
    toVendor(
      row,
      models.filter((m) => m.vendorId === row.id).map((m) => toDeviceModel(m, counts.get(m.id) ?? 0)),
    ),
  );
}

export async function getVendor(db: Db, id: string): Promise<Vendor> {
  const [vendor] = await listVendors(db, [id]);
  if (!vendor) throw notFound('Вендор не найден');
  return vendor;
}

/** A model with its vendor, or null. */
export async function findModel(db: Db, id: string): Promise<(ModelRow & { vendorName: string }) | null> {
  const [row] = await db
    .select({ model: deviceModels, vendorName: vendors.name })
    .from(deviceModels)
    .innerJoin(vendors, eq(vendors.id, deviceModels.vendorId))
    .where(eq(deviceModels.id, id))
    .limit(1);
  return row ? { ...row.model, vendorName: row.vendorName } : null;
}

/** Every vendor and model, as the registry import resolves «Вендор» and «Модель» cells against them. */
export async function loadModelCatalog(db: Db): Promise<ModelCatalog> {
  const [vendorRows, models] = await Promise.all([
    db.select({ id: vendors.id, name: vendors.name, fullName: vendors.fullName }).from(vendors),
    db
      .select({ id: deviceModels.id, name: deviceModels.name, vendorId: deviceModels.vendorId })
      .from(deviceModels),
  ]);
  return { vendors: vendorRows, models };
}

/** The method that applies to a model: its own, else its vendor's. */
export function installMethodOf(
  model: { installMethod: InstallMethod | null },
  vendor: { installMethod: InstallMethod },
): InstallMethod {
  return model.installMethod ?? vendor.installMethod;
}
