import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DeviceModel, DeviceModelSaveBody, Vendor, VendorSaveBody } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-error';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { hasPrivateLiteralHost, PRIVATE_INTEGRATION_MESSAGE } from './integration-address';
import { countDevicesByModel } from './model-device-counts';
import { deviceModels, vendors } from './schema';
import { getVendor, toDeviceModel } from './vendor-view';

type VendorInput = z.output<typeof VendorSaveBody>;
type ModelInput = z.output<typeof DeviceModelSaveBody>;

/** A unique index said no: the same short name (vendor) or model name (within a vendor) exists. */
async function uniqueOr<T>(work: () => Promise<T>, path: string, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION)
      throw new AppError('CONFLICT', message, [{ path, message }]);
    throw error;
  }
}

/** `ALLOW_PRIVATE_INTEGRATION_URLS` (config): whether an integration URL may reach internal networks. */
export type VendorSaveOptions = { allowPrivateIntegrationUrls?: boolean | undefined };

/**
 * An integration URL on this machine or an internal network is refused unless the operator allows it (SSRF,
 * issue 8, item 14). Only the literal host is judged here; names are checked when the URL is called.
 */
function assertIntegrationUrlAllowed(input: VendorInput, options: VendorSaveOptions): void {
  const url = input.integrationUrl;
  if (!url || options.allowPrivateIntegrationUrls) return;
  if (hasPrivateLiteralHost(url))
    throw new AppError('INTEGRATION_URL_PRIVATE', PRIVATE_INTEGRATION_MESSAGE, [
      { path: 'integrationUrl', message: PRIVATE_INTEGRATION_MESSAGE },
    ]);
}

export async function createVendor(
  db: Db,
  input: VendorInput,
  actor: AuditActor,
  options: VendorSaveOptions = {},
): Promise<Vendor> {
  assertIntegrationUrlAllowed(input, options);
  const id = await uniqueOr(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx.insert(vendors).values(input).returning({ id: vendors.id });
        if (!row) throw new Error('vendor insert returned nothing');
        await recordAudit(tx, {
          actor,
          action: 'vendors.created',
          entityType: 'vendor',
          entityId: row.id,
          details: { name: input.name, ogrn: input.ogrn },
        });
        return row.id;
      }),
    'name',
    `Вендор «${input.name}» уже есть`,
  );
  return getVendor(db, id);
}

export async function updateVendor(
  db: Db,
  id: string,
  input: VendorInput,
  actor: AuditActor,
  options: VendorSaveOptions = {},
): Promise<Vendor> {
  assertIntegrationUrlAllowed(input, options);
  await uniqueOr(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .update(vendors)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(vendors.id, id))
          .returning({ id: vendors.id });
        if (!row) throw notFound('Вендор не найден');
        await recordAudit(tx, {
          actor,
          action: 'vendors.updated',
          entityType: 'vendor',
          entityId: id,
          details: {
            name: input.name,
            installMethod: input.installMethod,
            ...(input.integrationUrl !== undefined ? { integrationUrl: input.integrationUrl } : {}),
          },
        });
      }),
    'name',
    `Вендор «${input.name}» уже есть`,
  );
  return getVendor(db, id);
}

export async function addModel(
  db: Db,
  vendorId: string,
  input: ModelInput,
  actor: AuditActor,
): Promise<DeviceModel> {
  await getVendor(db, vendorId);
  const row = await uniqueOr(
    () =>
      db.transaction(async (tx) => {
        const [created] = await tx
          .insert(deviceModels)
          .values({ vendorId, name: input.name, installMethod: input.installMethod })
          .returning();
        if (!created) throw new Error('model insert returned nothing');
        await recordAudit(tx, {
          actor,
          action: 'vendors.model_added',
          entityType: 'device_model',
          entityId: created.id,
          details: { vendorId, name: input.name },
        });
        return created;
      }),
    'name',
    `У вендора уже есть модель «${input.name}»`,
  );
  return toDeviceModel(row, 0);
}

/** Renames a model or changes its install method; its vendor never changes (devices and types rely on it). */
export async function updateModel(
  db: Db,
  id: string,
  input: ModelInput,
  actor: AuditActor,
): Promise<DeviceModel> {
  const row = await uniqueOr(
    () =>
      db.transaction(async (tx) => {
        const [updated] = await tx
          .update(deviceModels)
          .set({ name: input.name, installMethod: input.installMethod, updatedAt: new Date() })
          .where(eq(deviceModels.id, id))
          .returning();
        if (!updated) throw notFound('Модель не найдена');
        await recordAudit(tx, {
          actor,
          action: 'vendors.model_updated',
          entityType: 'device_model',
          entityId: id,
          details: { name: input.name, installMethod: input.installMethod },
        });
        return updated;
      }),
    'name',
    `У вендора уже есть модель «${input.name}»`,
  );
  const counts = await countDevicesByModel(db, [id]);
  return toDeviceModel(row, counts.get(id) ?? 0);
}
