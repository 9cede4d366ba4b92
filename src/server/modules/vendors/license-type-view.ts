import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { LicensePrice, LicenseType, LicenseTypeListQuery } from '../../../shared/api/devices';
import { moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { pickPrice, priceState } from './price-at';
import { deviceModels, licenseTypeModels, licenseTypePrices, licenseTypes, vendors } from './schema';

type PriceRow = typeof licenseTypePrices.$inferSelect;

function toPrice(row: PriceRow, siblings: PriceRow[], today: string): LicensePrice {
  return {
    id: row.id,
    licenseTypeId: row.licenseTypeId,
    validFrom: row.validFrom,
    partnerPriceKopecks: row.partnerPriceKopecks,
    retailPriceKopecks: row.retailPriceKopecks,
    state: priceState(siblings, row, today),
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
  };
}

/** License types with their models and full price history (newest first); `today` is the Moscow day. */
export async function listLicenseTypes(
  db: Db,
  query: { vendorId?: string | undefined; archived?: LicenseTypeListQuery['archived']; ids?: string[] },
  now = new Date(),
): Promise<LicenseType[]> {
  const archived = query.archived ?? 'active';
  const rows = await db
    .select({ type: licenseTypes, vendorName: vendors.name })
    .from(licenseTypes)
    .innerJoin(vendors, eq(vendors.id, licenseTypes.vendorId))
    .where(
      and(
        query.vendorId ? eq(licenseTypes.vendorId, query.vendorId) : undefined,
        archived === 'all' ? undefined : eq(licenseTypes.archived, archived === 'archived'),
        query.ids ? inArray(licenseTypes.id, query.ids) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${vendors.name})`), asc(sql`lower(${licenseTypes.name})`));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.type.id);
  const [models, prices] = await Promise.all([
    db
      .select({
        licenseTypeId: licenseTypeModels.licenseTypeId,
        id: deviceModels.id,
        name: deviceModels.name,
      })
      .from(licenseTypeModels)
      .innerJoin(deviceModels, eq(deviceModels.id, licenseTypeModels.modelId))
      .where(inArray(licenseTypeModels.licenseTypeId, ids))
      .orderBy(asc(sql`lower(${deviceModels.name})`)),
    db
      .select()
      .from(licenseTypePrices)
      .where(inArray(licenseTypePrices.licenseTypeId, ids))
      .orderBy(desc(licenseTypePrices.validFrom)),
  ]);
  const today = moscowIsoDate(now);
  return rows.map(({ type, vendorName }) => {
    const own = prices.filter((p) => p.licenseTypeId === type.id);
    const current = pickPrice(own, today);
    return {
      id: type.id,
      vendorId: type.vendorId,
      vendorName,
      name: type.name,
      termMonths: type.termMonths,
      vatMode: type.vatMode,
      vatRatePercent: type.vatRatePercent,
      models: models.filter((m) => m.licenseTypeId === type.id).map((m) => ({ id: m.id, name: m.name })),
      archived: type.archived,
      currentPrice: current ? toPrice(current, own, today) : null,
      prices: own.map((p) => toPrice(p, own, today)),
      createdAt: type.createdAt.toISOString(),
      updatedAt: type.updatedAt.toISOString(),
    };
  });
}

export async function getLicenseType(db: Db, id: string, now = new Date()): Promise<LicenseType> {
  const [type] = await listLicenseTypes(db, { ids: [id], archived: 'all' }, now);
  if (!type) throw notFound('Тип лицензии не найден');
  return type;
}

/**
 * The active license types that cover a model — what the partner's pre-check offers for a device. Usually
 * one; the activation flow decides what to do with several.
 */
export async function licenseTypesForModel(
  db: Db,
  modelId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: licenseTypes.id, name: licenseTypes.name })
    .from(licenseTypeModels)
    .innerJoin(licenseTypes, eq(licenseTypes.id, licenseTypeModels.licenseTypeId))
    .where(and(eq(licenseTypeModels.modelId, modelId), eq(licenseTypes.archived, false)))
    .orderBy(asc(licenseTypes.name));
}
