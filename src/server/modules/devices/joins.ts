import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { devices } from './schema';

/**
 * The read-only reads other modules make of the device registry (a module owns its tables: others never write
 * them and read them only through these). The device check-in starts its one-round-trip join here:
 * `selectFromDevices(db, { serial: deviceRef.serial, … }).innerJoin(...joinDeviceModel(deviceRef.modelId))`.
 */
export const deviceRef = { id: devices.id, serial: devices.serial, modelId: devices.modelId };

/** A select over the registry with the caller's fields, for the caller to join and filter. */
export function selectFromDevices<TFields extends SelectedFields>(db: Db, fields: TFields) {
  return db.select(fields).from(devices);
}
