import { and, eq, sql } from 'drizzle-orm';
import type { DeviceCheckIn } from '../../../shared/api/activations';
import { DEVICE_SERIAL_PATTERN, normalizeDeviceSerial } from '../../../shared/api/devices';
import { moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { deviceLicenseRef, joinDeviceLicense } from '../activations/joins';
import { deviceRef, selectFromDevices } from '../devices/joins';
import { deviceModelRef, joinDeviceModel } from '../vendors/joins';

/**
 * The device check-in (the device API's hot path): one round trip — the device, its model's vendor and its
 * current license in one indexed join by serial (`devices_serial_key`, then two primary keys). The registry, the
 * vendors' models and the licenses activations wrote are read through the join helpers their modules export, so
 * it stays one statement.
 */
function checkInQuery(db: Db) {
  return selectFromDevices(db, {
    serial: deviceRef.serial,
    validUntil: deviceLicenseRef.validUntil,
    licenseText: deviceLicenseRef.licenseText,
    kid: deviceLicenseRef.kid,
  })
    .innerJoin(...joinDeviceModel(deviceRef.modelId))
    .leftJoin(...joinDeviceLicense(deviceRef.id))
    .where(
      and(
        eq(deviceRef.serial, sql.placeholder('serial')),
        // Another vendor's device is "not found": a token never learns which serials exist elsewhere.
        eq(deviceModelRef.vendorId, sql.placeholder('vendorId')),
      ),
    )
    .limit(1)
    .prepare('device_check_in');
}

type CheckInQuery = ReturnType<typeof checkInQuery>;

/** Built once per database: the SQL text is fixed, so neither drizzle nor the server plans it again. */
const prepared = new WeakMap<Db, CheckInQuery>();

function queryFor(db: Db): CheckInQuery {
  let query = prepared.get(db);
  if (!query) {
    query = checkInQuery(db);
    prepared.set(db, query);
  }
  return query;
}

/**
 * Today's Moscow date, recomputed at most once per clock second (Intl is the slow part of a check-in
 * otherwise). The window is the whole second `now` falls in: a day starts on a whole second, so no window
 * spans two days.
 */
let todayCache = { day: '', second: Number.NaN };

function moscowToday(now: number): string {
  const second = Math.floor(now / 1000);
  if (second !== todayCache.second) todayCache = { day: moscowIsoDate(new Date(now)), second };
  return todayCache.day;
}

/**
 * What a device of the token's vendor gets: `active` with its signed license while `valid_until` is today or
 * later (Moscow calendar), `expired` with the end date, `none` for a device never licensed. An unknown serial,
 * or one of another vendor's devices, is DEVICE_NOT_FOUND.
 */
export async function deviceCheckIn(
  db: Db,
  input: { vendorId: string; serial: string; now?: number },
): Promise<DeviceCheckIn> {
  const serial = normalizeDeviceSerial(input.serial);
  if (!DEVICE_SERIAL_PATTERN.test(serial)) throw new AppError('DEVICE_NOT_FOUND');
  const [row] = await queryFor(db).execute({ serial, vendorId: input.vendorId });
  if (!row) throw new AppError('DEVICE_NOT_FOUND');
  if (row.validUntil === null || row.licenseText === null || row.kid === null) {
    return { serial: row.serial, status: 'none', validUntil: null, kid: null, license: null };
  }
  if (row.validUntil >= moscowToday(input.now ?? Date.now())) {
    return {
      serial: row.serial,
      status: 'active',
      validUntil: row.validUntil,
      kid: row.kid,
      license: row.licenseText,
    };
  }
  return { serial: row.serial, status: 'expired', validUntil: row.validUntil, kid: null, license: null };
}
