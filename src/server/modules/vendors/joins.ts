import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { deviceModels, vendors } from './schema';

/**
 * The read-only joins other modules make into vendors and their device models (a module owns its tables:
 * others never write them and read them only through these): `.innerJoin(...joinVendor(orders.vendorId))`.
 */
export function joinVendor(vendorId: PgColumn) {
  return [vendors, eq(vendors.id, vendorId)] as const;
}

/** The vendor as lists show it. */
export const vendorRef = { id: vendors.id, name: vendors.name, installMethod: vendors.installMethod };

/** A device's model: `.innerJoin(...joinDeviceModel(devices.modelId))`. */
export function joinDeviceModel(modelId: PgColumn) {
  return [deviceModels, eq(deviceModels.id, modelId)] as const;
}

/** The model's vendor, after {@link joinDeviceModel}: `.innerJoin(...joinModelVendor())`. */
export function joinModelVendor() {
  return [vendors, eq(vendors.id, deviceModels.vendorId)] as const;
}

/** The device model as lists show it. */
export const deviceModelRef = {
  id: deviceModels.id,
  name: deviceModels.name,
  vendorId: deviceModels.vendorId,
  installMethod: deviceModels.installMethod,
};
