import { eq } from 'drizzle-orm';
import { parseSerial } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { MemberScope } from '../../http/scope';
import { loadCodeTables } from '../catalog/code-tables';
import { licenseSerial } from '../licenses/joins';
import { licensesInScope, selectLicenses } from '../licenses/list-licenses';

export type CitedLicense = { id: string; serial: string; productCode: string; organizationId: string };

/**
 * The license a request cites (seed 000: the serial number confirms «легальность использования технической
 * поддержки и продукта»). The serial may be pasted in any spelling the codec repairs — Cyrillic look-alikes,
 * typographic dashes, spaces, no dashes. Only the caller's organization's licenses count, and the answer is
 * the same whether the serial is someone else's or nobody's, so it reveals nothing about other organizations.
 */
export async function findCitedLicense(db: Db, tenant: MemberScope, serial: string): Promise<CitedLicense> {
  const parsed = parseSerial(serial, await loadCodeTables(db));
  if (!parsed.ok)
    throw new AppError(
      'SUPPORT_SERIAL_UNKNOWN',
      `Серийный номер не распознан: ${parsed.errors[0]?.message ?? 'неверный формат'}. Выберите его из списка лицензий организации.`,
      [{ path: 'serial', message: parsed.errors.map((e) => e.message).join('; ') }],
    );
  const [row] = await selectLicenses(db)
    .where(licensesInScope(tenant, eq(licenseSerial, parsed.serial)))
    .limit(1);
  if (!row)
    throw new AppError(
      'SUPPORT_SERIAL_UNKNOWN',
      `Серийный номер ${parsed.serial} не найден среди лицензий вашей организации. Обращение принимается по серийному номеру вашей лицензии — он есть в таблице лицензий на главной странице.`,
      [{ path: 'serial', message: 'Нет среди лицензий вашей организации' }],
    );
  return {
    id: row.license.id,
    serial: row.license.serial,
    productCode: row.productCode,
    organizationId: row.license.organizationId,
  };
}
