import { eq } from 'drizzle-orm';
import type { AdminLicense, LicenseDetail, SerialDescription } from '../../../shared/api/licenses';
import { describeSerial, parseSerial, type SerialCodeTables } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import type { Scope } from '../../http/scope';
import { loadCodeTables } from '../catalog/code-tables';
import { type LicenseJoined, licensesInScope, selectLicenses, toLicenseItem } from './list-licenses';
import { licenses } from './schema';

/** A stored serial in words. Stored serials are canonical and codes are never deleted, so this decodes. */
export function decodeStoredSerial(serial: string, tables: SerialCodeTables): SerialDescription {
  const parsed = parseSerial(serial, tables);
  if (!parsed.ok) throw new Error(`stored serial ${serial} does not decode: ${parsed.errors[0]?.message}`);
  return describeSerial(parsed.parts, tables);
}

function toDetail(row: LicenseJoined, tables: SerialCodeTables): LicenseDetail {
  return {
    ...toLicenseItem(row),
    articleCode: row.articleCode,
    reference: row.license.reference,
    decoded: decodeStoredSerial(row.license.serial, tables),
  };
}

async function findRow(db: Db, scope: Scope, id: string): Promise<LicenseJoined> {
  const [row] = await selectLicenses(db)
    .where(licensesInScope(scope, eq(licenses.id, id)))
    .limit(1);
  // Another organization's license is simply not found (ARCHITECTURE.md, "Tenancy").
  if (!row) throw notFound('Лицензия не найдена');
  return row;
}

/** Whether a serial is already in Kabinet (canonical form), for the demo seed. */
export async function findLicenseBySerial(db: Db, serial: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: licenses.id })
    .from(licenses)
    .where(eq(licenses.serial, serial))
    .limit(1);
  return row ?? null;
}

/** A license of the caller's organization with its serial decoded (seed 000, «Расшифровка серийного номера»). */
export async function getLicense(db: Db, scope: Scope, id: string): Promise<LicenseDetail> {
  const [row, tables] = await Promise.all([findRow(db, scope, id), loadCodeTables(db)]);
  return toDetail(row, tables);
}

export async function getAdminLicense(db: Db, scope: Scope, id: string): Promise<AdminLicense> {
  const [row, tables] = await Promise.all([findRow(db, scope, id), loadCodeTables(db)]);
  return {
    ...toDetail(row, tables),
    organization: row.organization,
    articleId: row.license.articleId,
    source: row.license.source === 'imported' ? 'imported' : 'issued',
  };
}
