import type { PartnerInfo } from '../../../shared/api/activations';
import { vatLabel } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { listLicenseTypes } from '../vendors/license-type-view';
import { listVendors } from '../vendors/vendor-view';

/**
 * The activation list's info block (seed 002, 2.1): «Методы установки лицензий» per vendor with its
 * instructions, and «Цены» — every active license type with the partner price and the recommended retail
 * price in effect today (Moscow calendar day).
 */
export async function partnerInfo(db: Db, now = new Date()): Promise<PartnerInfo> {
  const [vendors, types] = await Promise.all([
    listVendors(db),
    listLicenseTypes(db, { archived: 'active' }, now),
  ]);
  return {
    vendors: vendors.map((v) => ({
      id: v.id,
      name: v.name,
      installMethod: v.installMethod,
      installNote: v.installNote,
      instructionLinks: v.instructionLinks,
    })),
    prices: types.map((type) => ({
      licenseTypeId: type.id,
      name: type.name,
      vendorName: type.vendorName,
      termMonths: type.termMonths,
      models: type.models.map((m) => m.name),
      priceKopecks: type.currentPrice?.partnerPriceKopecks ?? null,
      retailPriceKopecks: type.currentPrice?.retailPriceKopecks ?? null,
      vatLabel: vatLabel(type.vatMode, type.vatRatePercent),
    })),
  };
}
