import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';
import { devices } from '../src/server/modules/devices/schema';
import { offerAcceptances, offerVersions, partnerTerms } from '../src/server/modules/offers/schema';
import { organizations } from '../src/server/modules/organizations/schema';
import {
  deviceModels,
  licenseTypeModels,
  licenseTypePrices,
  licenseTypes,
  vendors,
} from '../src/server/modules/vendors/schema';
import { generateData } from './generate';
import { BENCH_REGION } from './requisites';

/**
 * Seed 002 reference data for the partner benchmarks, written straight to the tables (as the registry
 * import and the back office would leave them): a vendor with a model, a 12-month license type priced since
 * 2020, a published offer, and generated organizations in the partner program that accepted it and may
 * activate, each with one owner who logs in.
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

const LICENSE_TYPE =
  'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), Пэй Киоск';

export async function partnerFixtures(db: Db, options: { organizations: number }): Promise<PartnerFixtures> {
  const generated = await generateData(db, { organizations: options.organizations, usersPerOrganization: 1 });
  const orgRows = await db
    .update(organizations)
    .set({ programs: ['partner'] })
    .where(sql`${organizations.inn} like ${`${BENCH_REGION}%`}`)
    .returning({ id: organizations.id, inn: organizations.inn });
  orgRows.sort((a, b) => a.inn.localeCompare(b.inn));
  const organizationIds = orgRows.map((r) => r.id);

  const [vendor] = await db
    .insert(vendors)
    .values({
      name: 'Пэй Киоск',
      fullName: 'Общество с ограниченной ответственностью «Пэй Киоск»',
      ogrn: '1067746394792',
      installMethod: 'file',
    })
    .returning();
  if (!vendor) throw new Error('vendor insert returned nothing');
  const [model] = await db
    .insert(deviceModels)
    .values({ vendorId: vendor.id, name: 'NETPAY-ФС' })
    .returning();
  const [licenseType] = await db
    .insert(licenseTypes)
    .values({ vendorId: vendor.id, name: LICENSE_TYPE, termMonths: 12, vatMode: 'exempt' })
    .returning();
  if (!model || !licenseType) throw new Error('catalog insert returned nothing');
  await db.insert(licenseTypeModels).values({ licenseTypeId: licenseType.id, modelId: model.id });
  await db.insert(licenseTypePrices).values({
    licenseTypeId: licenseType.id,
    validFrom: '2020-01-01',
    partnerPriceKopecks: 200_000,
    retailPriceKopecks: 250_000,
  });

  const [offer] = await db
    .insert(offerVersions)
    .values({
      title: 'Сублицензионный договор (оферта), редакция от 15.12.2025',
      url: 'https://example.com/lkp-oferta/',
      publishedAt: new Date('2025-12-15T09:00:00+03:00'),
    })
    .returning();
  if (!offer) throw new Error('offer insert returned nothing');
  await db.execute(sql`
    insert into ${partnerTerms} (organization_id, may_activate, payment_mode)
    select unnest(${sql.param(organizationIds)}::uuid[]), true, 'prepayment'`);
  await db.execute(sql`
    insert into ${offerAcceptances} (offer_version_id, organization_id, user_email, accepted_at)
    select ${offer.id}, unnest(${sql.param(organizationIds)}::uuid[]), 'bench@bench.example',
      timestamptz '2025-12-15 12:00:00+03'`);

  return {
    vendorId: vendor.id,
    vendorName: vendor.name,
    modelId: model.id,
    licenseTypeId: licenseType.id,
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
