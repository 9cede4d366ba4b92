import { inArray } from 'drizzle-orm';
import { VendorSaveBody } from '../../shared/api/devices';
import type { AuditActor } from '../modules/audit/record-audit';
import { devices } from '../modules/devices/schema';
import { offerVersions, partnerAccounts, partnerTerms } from '../modules/offers/schema';
import { organizations } from '../modules/organizations/schema';
import { createLicenseType } from '../modules/vendors/save-license-type';
import { addModel, createVendor } from '../modules/vendors/save-vendor';
import { licenseTypePrices, vendors } from '../modules/vendors/schema';
import type { Db } from './client';

/**
 * Seed 002 reference data: the two vendors of «Термины и определения» (ОГРН from the seed), their models,
 * the three license types with prices from 01.01.2026, ~50 registry devices (the seed's own serials among
 * them), the offer published 15.12.2025, and the demo partner's two organizations allowed to activate and
 * grouped into one account. The offer is left unaccepted so the demo shows «Акцепт договора».
 */
const VENDORS = [
  {
    body: {
      name: 'Пэй Киоск',
      fullName: 'Общество с ограниченной ответственностью «Пэй Киоск»',
      ogrn: '1067746394792',
      installMethod: 'automatic',
      installNote: 'происходит автоматически',
      instructionLinks: [
        {
          title: 'Инструкция по подготовке ККТ к работе с новыми ставками НДС',
          url: 'https://kabinet.example/docs/aqsi-vat',
        },
        {
          title: 'PayOnline: установка файла лицензий .slf',
          url: 'https://kabinet.example/docs/payonline-slf',
        },
      ],
    },
    models: [
      { name: 'aQsi 5Ф', installMethod: null },
      { name: 'NETPAY-ФС', installMethod: null },
      // The seed's info block: PayOnline devices (vendor «Пэй Киоск») install a .slf file by hand.
      { name: 'PayOnline-01ФА', installMethod: 'file' as const },
    ],
  },
  {
    body: {
      name: 'РР-Электро',
      fullName: 'Общество с ограниченной ответственностью «РР-Электро»',
      ogrn: '1137746317830',
      installMethod: 'file',
      installNote: 'скачайте файл лицензий в формате .slf и установите на устройство согласно инструкции',
      instructionLinks: [
        { title: 'Инструкция по установке лицензии', url: 'https://kabinet.example/docs/rr-slf' },
      ],
    },
    models: [
      { name: 'РР-04Ф', installMethod: null },
      { name: 'ONLY TEST', installMethod: null },
    ],
  },
] as const;

const TYPE_NAME = 'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев)';

/** The seed's license types: name suffix, vendor, models, partner / retail price in kopecks. */
const LICENSE_TYPES = [
  {
    suffix: 'Пэй Киоск',
    vendor: 'Пэй Киоск',
    models: ['NETPAY-ФС', 'PayOnline-01ФА'],
    prices: [200_000, 250_000],
  },
  { suffix: 'aQsi', vendor: 'Пэй Киоск', models: ['aQsi 5Ф'], prices: [200_000, 250_000] },
  { suffix: 'РР-электро', vendor: 'РР-Электро', models: ['РР-04Ф', 'ONLY TEST'], prices: [180_000, 230_000] },
] as const;

/** The seed's serials (screenshots of 2.4–2.5) and generated ones: `[serial, model, subscription end]`. */
function demoDevices(): Array<[string, string, string | null]> {
  const list: Array<[string, string, string | null]> = [
    ['0239110138900130', 'NETPAY-ФС', '2030-12-08'],
    ['0085430138900121', 'NETPAY-ФС', '2036-12-14'],
    ['0000000000000000', 'ONLY TEST', null],
  ];
  const models = ['aQsi 5Ф', 'NETPAY-ФС', 'PayOnline-01ФА', 'РР-04Ф'];
  for (let i = 1; i <= 47; i++) {
    const model = models[i % models.length] ?? 'NETPAY-ФС';
    const month = String((i % 12) + 1).padStart(2, '0');
    const end = i % 5 === 0 ? null : `${2026 + (i % 3)}-${month}-${String((i % 27) + 1).padStart(2, '0')}`;
    list.push([`0${100_000_000_000_000 + i * 7919}`, model, end]);
  }
  return list;
}

export async function seedDemoPartner(db: Db, actor: AuditActor): Promise<void> {
  const [existing] = await db.select({ id: vendors.id }).from(vendors).limit(1);
  if (existing) return;
  const modelIds = new Map<string, string>();
  const vendorIds = new Map<string, string>();
  for (const vendor of VENDORS) {
    const created = await createVendor(db, VendorSaveBody.parse(vendor.body), actor);
    vendorIds.set(vendor.body.name, created.id);
    for (const model of vendor.models)
      modelIds.set(model.name, (await addModel(db, created.id, model, actor)).id);
  }
  for (const type of LICENSE_TYPES) {
    const created = await createLicenseType(
      db,
      {
        vendorId: vendorIds.get(type.vendor) ?? '',
        name: `${TYPE_NAME}, ${type.suffix}`,
        termMonths: 12,
        vatMode: 'exempt',
        vatRatePercent: null,
        modelIds: type.models.map((m) => modelIds.get(m) ?? ''),
        archived: false,
      },
      actor,
    );
    // A price history from before today: written directly (the API allows no dates in the past).
    await db.insert(licenseTypePrices).values({
      licenseTypeId: created.id,
      validFrom: '2026-01-01',
      partnerPriceKopecks: type.prices[0],
      retailPriceKopecks: type.prices[1],
      createdByEmail: actor.email,
    });
  }
  await db
    .insert(devices)
    .values(
      demoDevices().map(([serial, model, subscriptionEnd]) => ({
        serial,
        modelId: modelIds.get(model) ?? '',
        subscriptionEnd,
      })),
    )
    .onConflictDoNothing();
  await db.insert(offerVersions).values({
    title: 'Сублицензионный договор (оферта), редакция от 15.12.2025',
    url: 'https://aqsi.ru/lkp-oferta/',
    publishedAt: new Date('2025-12-14T21:00:00Z'),
  });

  const partners = await db
    .select({ id: organizations.id, inn: organizations.inn })
    .from(organizations)
    .where(inArray(organizations.inn, ['6147040892', '222600401077']));
  if (partners.length === 0) return;
  const [account] = await db
    .insert(partnerAccounts)
    .values({ name: 'Приветов П. П. (partner@zolotoy-standart.example)' })
    .returning({ id: partnerAccounts.id });
  for (const partner of partners) {
    // ООО prepays (seed 002, «Заказы»: «Предоплата 100%»); the ИП has 5 days (the seed's «Постоплата 5 дней»).
    const postpayment = partner.inn === '222600401077';
    await db
      .insert(partnerTerms)
      .values({
        organizationId: partner.id,
        mayActivate: true,
        paymentMode: postpayment ? 'postpayment' : 'prepayment',
        postpaymentDays: postpayment ? 5 : null,
        accountId: account?.id ?? null,
      })
      .onConflictDoNothing();
  }
}
