import { and, desc, eq, lte } from 'drizzle-orm';
import type { VatMode } from '../../../shared/api/devices';
import { moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { licenseTypePrices, licenseTypes } from './schema';

/**
 * The row in effect on `day`: the latest `validFrom` not after it. ISO dates compare as strings. Pure, so
 * the boundary rules are unit-tested without a database.
 */
export function pickPrice<T extends { validFrom: string }>(rows: readonly T[], day: string): T | null {
  let best: T | null = null;
  for (const row of rows) if (row.validFrom <= day && (!best || row.validFrom > best.validFrom)) best = row;
  return best;
}

/** Where a price row stands on `today`: replaced, in effect, or not yet in effect. */
export function priceState(
  rows: readonly { id: string; validFrom: string }[],
  row: { id: string; validFrom: string },
  today: string,
): 'past' | 'current' | 'future' {
  if (row.validFrom > today) return 'future';
  return pickPrice(rows, today)?.id === row.id ? 'current' : 'past';
}

/** What an order copies when it is made, so it keeps its price whatever the operator does later. */
export type PriceAt = {
  priceId: string;
  licenseTypeId: string;
  licenseTypeName: string;
  vendorId: string;
  termMonths: number;
  validFrom: string;
  partnerPriceKopecks: number;
  retailPriceKopecks: number;
  vatMode: VatMode;
  vatRatePercent: number | null;
};

/**
 * The price of a license type at an instant (Moscow calendar day), or null when none was in effect yet.
 * Orders call it inside their transaction with the order's own instant and store the result.
 */
export async function priceAt(db: Db, licenseTypeId: string, at: Date): Promise<PriceAt | null> {
  const [row] = await db
    .select({
      priceId: licenseTypePrices.id,
      licenseTypeId: licenseTypes.id,
      licenseTypeName: licenseTypes.name,
      vendorId: licenseTypes.vendorId,
      termMonths: licenseTypes.termMonths,
      validFrom: licenseTypePrices.validFrom,
      partnerPriceKopecks: licenseTypePrices.partnerPriceKopecks,
      retailPriceKopecks: licenseTypePrices.retailPriceKopecks,
      vatMode: licenseTypes.vatMode,
      vatRatePercent: licenseTypes.vatRatePercent,
    })
    .from(licenseTypePrices)
    .innerJoin(licenseTypes, eq(licenseTypes.id, licenseTypePrices.licenseTypeId))
    .where(
      and(
        eq(licenseTypePrices.licenseTypeId, licenseTypeId),
        lte(licenseTypePrices.validFrom, moscowIsoDate(at)),
      ),
    )
    .orderBy(desc(licenseTypePrices.validFrom))
    .limit(1);
  return row ?? null;
}
