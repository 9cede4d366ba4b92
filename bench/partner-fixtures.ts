import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';
import { devices } from '../src/server/modules/devices/schema';
import { organizations } from '../src/server/modules/organizations/schema';
import { createCatalog, makePartners, publishOffer } from '../tests/helpers/partner-factories';
import { generateData } from './generate';
import { BENCH_REGION } from './requisites';

/**
 * Seed 002 reference data for the partner benchmarks, from the tests' factories (tests/helpers/
 * partner-factories.ts): a vendor with a model, a 12-month license type priced since 2020 (and the
 * factory's unpriced VAT type), a published offer, and generated organizations in the partner program that
 * accepted it and may activate, each with one owner who logs in.
 */

export type PartnerFixtures = {
  vendorId: string;
  vendorName: string;
  modelId: string;
  licenseTypeId: string;
  /** The generated organizations, the first one being the logged-in user's. */
  organizationIds: string[];
  email: string;
  password: string;
};

export async function partnerFixtures(db: Db, options: { organizations: number }): Promise<PartnerFixtures> {
  const generated = await generateData(db, { organizations: options.organizations, usersPerOrganization: 1 });
  const orgRows = await db
    .update(organizations)
    .set({ programs: ['partner'] })
    .where(sql`${organizations.inn} like ${`${BENCH_REGION}%`}`)
    .returning({ id: organizations.id, inn: organizations.inn });
  orgRows.sort((a, b) => a.inn.localeCompare(b.inn));
  const organizationIds = orgRows.map((r) => r.id);

  const catalog = await createCatalog(db, {
    vendorName: 'Пэй Киоск',
    installMethod: 'file',
    price: { validFrom: '2020-01-01', partnerPriceKopecks: 200_000, retailPriceKopecks: 250_000 },
  });
  const offerId = await publishOffer(db);
  await makePartners(db, { organizationIds, offerId, userEmail: 'bench@bench.example' });

  return {
    vendorId: catalog.vendorId,
    vendorName: catalog.vendorName,
    modelId: catalog.modelId,
    licenseTypeId: catalog.exemptTypeId,
    organizationIds,
    email: generated.sampleEmail,
    password: generated.password,
  };
}

/** Serial of the i-th generated device with the given two-letter prefix: 16 characters, like the seed's. */
export function benchDeviceSerial(prefix: string, i: number): string {
  return `${prefix}${String(i).padStart(14, '0')}`;
}

const DEVICE_CHUNK = 100_000;

/** `count` registry devices of the model, one INSERT … generate_series per chunk (serials as above). */
export async function generateDevices(
  db: Db,
  options: { modelId: string; prefix: string; count: number; subscriptionEnd?: string | null },
): Promise<void> {
  for (let from = 0; from < options.count; from += DEVICE_CHUNK) {
    const to = Math.min(options.count, from + DEVICE_CHUNK) - 1;
    await db.execute(sql`
      insert into ${devices} (serial, model_id, subscription_end)
      select ${options.prefix} || lpad(i::text, 14, '0'), ${options.modelId}, ${options.subscriptionEnd ?? null}::date
      from generate_series(${from}::int, ${to}::int) as i`);
  }
  await db.execute(sql`analyze ${devices}`);
}
