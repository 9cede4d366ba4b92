import { and, asc, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Device, DeviceList, DeviceListQuery } from '../../../shared/api/devices';
import { normalizeDeviceSerial } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { notFound } from '../../http/errors';
import { deviceModelRef, joinDeviceModel, joinVendor, vendorRef } from '../vendors/joins';
import { devices } from './schema';

type ListQuery = z.output<typeof DeviceListQuery>;

const deviceColumns = {
  id: devices.id,
  serial: devices.serial,
  modelId: devices.modelId,
  modelName: deviceModelRef.name,
  vendorId: vendorRef.id,
  vendorName: vendorRef.name,
  subscriptionEnd: devices.subscriptionEnd,
  createdAt: devices.createdAt,
  updatedAt: devices.updatedAt,
};

type DeviceRow = { createdAt: Date; updatedAt: Date } & Omit<Device, 'createdAt' | 'updatedAt'>;

const toDevice = (row: DeviceRow): Device => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * «Реестр устройств»: search by serial (a prefix of the normalized serial, so the pattern index serves it
 * on hundreds of thousands of rows), filters by vendor and model, sorting, paging.
 */
export async function listDevices(db: Db, query: ListQuery): Promise<DeviceList> {
  const serial = query.q ? normalizeDeviceSerial(query.q) : '';
  const where: SQL | undefined = and(
    serial ? like(devices.serial, `${likePattern(serial, false)}%`) : undefined,
    query.vendorId ? eq(deviceModelRef.vendorId, query.vendorId) : undefined,
    query.modelId ? eq(devices.modelId, query.modelId) : undefined,
  );
  const direction = query.order === 'desc' ? desc : asc;
  const sortColumn =
    query.sort === 'subscriptionEnd'
      ? devices.subscriptionEnd
      : query.sort === 'updatedAt'
        ? devices.updatedAt
        : devices.serial;
  const [rows, [total]] = await Promise.all([
    db
      .select(deviceColumns)
      .from(devices)
      .innerJoin(...joinDeviceModel(devices.modelId))
      .innerJoin(...joinVendor(deviceModelRef.vendorId))
      .where(where)
      .orderBy(direction(sortColumn), asc(devices.serial))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(devices)
      .innerJoin(...joinDeviceModel(devices.modelId))
      .where(where),
  ]);
  return {
    items: rows.map(toDevice),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getDevice(db: Db, id: string): Promise<Device> {
  const [row] = await db
    .select(deviceColumns)
    .from(devices)
    .innerJoin(...joinDeviceModel(devices.modelId))
    .innerJoin(...joinVendor(deviceModelRef.vendorId))
    .where(eq(devices.id, id));
  if (!row) throw notFound('Устройство не найдено');
  return toDevice(row);
}
