import { and, eq, lte } from 'drizzle-orm';
import type { LicensePriceCreateBody, LicenseType } from '../../../shared/api/devices';
import { addCalendarDays, formatDate, moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-error';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getLicenseType } from './license-type-view';
import { licenseTypePrices, licenseTypes } from './schema';

/** Locks the license type so two operators' price changes are checked one after the other. */
async function lockLicenseType(tx: Db, id: string): Promise<void> {
  const [row] = await tx
    .select({ id: licenseTypes.id })
    .from(licenseTypes)
    .where(eq(licenseTypes.id, id))
    .for('update');
  if (!row) throw notFound('Тип лицензии не найден');
}

/**
 * The earliest day a new price may take effect. Once some price is in effect, orders may already have been
 * made at it today, so a change starts tomorrow (Moscow) at the earliest; before any price is in effect,
 * nothing can have been sold and today is fine. Together with «no edits, no deletes of prices in effect»
 * this keeps every past order explainable by the price table («Новая цена с даты», never retroactive).
 */
export function earliestNewPriceDay(validFroms: readonly string[], today: string): string {
  return validFroms.some((day) => day <= today) ? addCalendarDays(today, 1) : today;
}

export async function addLicensePrice(
  db: Db,
  licenseTypeId: string,
  input: LicensePriceCreateBody,
  actor: AuditActor,
  now = new Date(),
): Promise<LicenseType> {
  const today = moscowIsoDate(now);
  try {
    await db.transaction(async (tx) => {
      await lockLicenseType(tx, licenseTypeId);
      const inEffect = await tx
        .select({ validFrom: licenseTypePrices.validFrom })
        .from(licenseTypePrices)
        .where(
          and(eq(licenseTypePrices.licenseTypeId, licenseTypeId), lte(licenseTypePrices.validFrom, today)),
        )
        .limit(1);
      const earliest = earliestNewPriceDay(
        inEffect.map((r) => r.validFrom),
        today,
      );
      if (input.validFrom < earliest) {
        const message = `Цену нельзя назначить задним числом: уже действующая цена могла попасть в заказы. Выберите дату не раньше ${formatDate(earliest)}`;
        throw new AppError('VALIDATION_ERROR', message, [{ path: 'validFrom', message }]);
      }
      const [row] = await tx
        .insert(licenseTypePrices)
        .values({
          licenseTypeId,
          validFrom: input.validFrom,
          partnerPriceKopecks: input.partnerPriceKopecks,
          retailPriceKopecks: input.retailPriceKopecks,
          createdBy: actor.userId,
          createdByEmail: actor.email,
        })
        .returning({ id: licenseTypePrices.id });
      await recordAudit(tx, {
        actor,
        action: 'license_types.price_added',
        entityType: 'license_type',
        entityId: licenseTypeId,
        details: { priceId: row?.id, ...input },
      });
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      const message = `С ${formatDate(input.validFrom)} цена уже назначена: удалите её, чтобы назначить другую`;
      throw new AppError('CONFLICT', message, [{ path: 'validFrom', message }]);
    }
    throw error;
  }
  return getLicenseType(db, licenseTypeId, now);
}

/** Only a price that has not taken effect yet may be withdrawn; one in effect or replaced stays for the record. */
export async function deleteLicensePrice(
  db: Db,
  licenseTypeId: string,
  priceId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<LicenseType> {
  const today = moscowIsoDate(now);
  await db.transaction(async (tx) => {
    await lockLicenseType(tx, licenseTypeId);
    const [price] = await tx
      .select()
      .from(licenseTypePrices)
      .where(and(eq(licenseTypePrices.id, priceId), eq(licenseTypePrices.licenseTypeId, licenseTypeId)));
    if (!price) throw notFound('Цена не найдена');
    if (price.validFrom <= today)
      throw new AppError(
        'CONFLICT',
        `Цена с ${formatDate(price.validFrom)} уже вступила в силу: её нельзя удалить. Назначьте новую цену с будущей даты.`,
      );
    await tx.delete(licenseTypePrices).where(eq(licenseTypePrices.id, priceId));
    await recordAudit(tx, {
      actor,
      action: 'license_types.price_deleted',
      entityType: 'license_type',
      entityId: licenseTypeId,
      details: {
        priceId,
        validFrom: price.validFrom,
        partnerPriceKopecks: price.partnerPriceKopecks,
        retailPriceKopecks: price.retailPriceKopecks,
      },
    });
  });
  return getLicenseType(db, licenseTypeId, now);
}
