import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { activationItems, activations } from '../../src/server/modules/activations/schema';
import { devices } from '../../src/server/modules/devices/schema';
import {
  offerAcceptances,
  offerVersions,
  partnerAccounts,
  partnerTerms,
} from '../../src/server/modules/offers/schema';
import { takeCounterBlock } from '../../src/server/modules/system/counters';
import {
  deviceModels,
  licenseTypeModels,
  licenseTypePrices,
  licenseTypes,
  vendors,
} from '../../src/server/modules/vendors/schema';

/**
 * Seed 002 reference data and completed activations written straight to the database, as the registry import,
 * the back office and the activation flow leave them. One set for the integration and e2e tests and for the
 * benchmarks (bench/partner-fixtures.ts): the orders module starts where the activation flow ends («Заказ
 * создается … после успешной Активации»), so its tests build that end state instead of driving another
 * module's flow.
 */

export const LICENSE_NAME =
  'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), Пэй Киоск';

export type Catalog = {
  vendorId: string;
  vendorName: string;
  modelId: string;
  exemptTypeId: string;
  /** A second license type of the vendor, with 20 % VAT, bound to no model and priced nowhere. */
  vatTypeId: string;
};

/**
 * A vendor «Пэй Киоск» with the model NETPAY-ФС and a 12-month VAT-exempt license type (`LICENSE_NAME`).
 * Options: the vendor's name (tests add a suffix so several vendors coexist), its install method, a partner
 * price since a date with the exempt type bound to the model (what activating needs).
 */
export async function createCatalog(
  db: Db,
  options: {
    vendorName?: string;
    installMethod?: 'automatic' | 'file';
    price?: { validFrom: string; partnerPriceKopecks: number; retailPriceKopecks: number };
  } = {},
): Promise<Catalog> {
  const [vendor] = await db
    .insert(vendors)
    .values({
      name: options.vendorName ?? `Пэй Киоск ${randomUUID().slice(0, 8)}`,
      fullName: 'Общество с ограниченной ответственностью «Пэй Киоск»',
      ogrn: '1067746394792',
      installMethod: options.installMethod ?? 'automatic',
    })
    .returning();
  if (!vendor) throw new Error('vendor insert returned nothing');
  const [model] = await db
    .insert(deviceModels)
    .values({ vendorId: vendor.id, name: 'NETPAY-ФС' })
    .returning();
  const [exempt] = await db
    .insert(licenseTypes)
    .values({ vendorId: vendor.id, name: LICENSE_NAME, termMonths: 12, vatMode: 'exempt' })
    .returning();
  if (!model || !exempt) throw new Error('catalog insert returned nothing');
  if (options.price) {
    await db.insert(licenseTypeModels).values({ licenseTypeId: exempt.id, modelId: model.id });
    await db.insert(licenseTypePrices).values({ licenseTypeId: exempt.id, ...options.price });
  }
  const [vat] = await db
    .insert(licenseTypes)
    .values({
      vendorId: vendor.id,
      name: 'Сервис удалённой настройки (12 месяцев)',
      termMonths: 12,
      vatMode: 'rate',
      vatRatePercent: 20,
    })
    .returning();
  if (!vat) throw new Error('catalog insert returned nothing');
  return {
    vendorId: vendor.id,
    vendorName: vendor.name,
    modelId: model.id,
    exemptTypeId: exempt.id,
    vatTypeId: vat.id,
  };
}

/** The offer in effect since 15.12.2025; the organizations accept it that day. */
export async function publishOffer(db: Db): Promise<string> {
  const [offer] = await db
    .insert(offerVersions)
    .values({
      title: 'Сублицензионный договор (оферта), редакция от 15.12.2025',
      url: 'https://example.com/lkp-oferta/',
      publishedAt: new Date('2025-12-15T09:00:00+03:00'),
    })
    .returning();
  if (!offer) throw new Error('offer insert returned nothing');
  return offer.id;
}

/** A partner organization ready to activate: terms, the accepted offer, optionally a shared account. */
export async function makePartner(
  db: Db,
  input: {
    organizationId: string;
    offerId: string;
    accountId?: string | null;
    paymentMode?: 'prepayment' | 'postpayment';
    postpaymentDays?: number | null;
  },
): Promise<void> {
  await db.insert(partnerTerms).values({
    organizationId: input.organizationId,
    mayActivate: true,
    paymentMode: input.paymentMode ?? 'prepayment',
    postpaymentDays: input.postpaymentDays ?? null,
    accountId: input.accountId ?? null,
  });
  await db.insert(offerAcceptances).values({
    offerVersionId: input.offerId,
    organizationId: input.organizationId,
    userEmail: 'owner@example.test',
    acceptedAt: new Date('2025-12-15T12:00:00+03:00'),
  });
}

/** `makePartner` (prepayment, no account) for many organizations in two statements, for the benchmarks. */
export async function makePartners(
  db: Db,
  input: { organizationIds: string[]; offerId: string; userEmail?: string },
): Promise<void> {
  await db.execute(sql`
    insert into ${partnerTerms} (organization_id, may_activate, payment_mode)
    select unnest(${sql.param(input.organizationIds)}::uuid[]), true, 'prepayment'`);
  await db.execute(sql`
    insert into ${offerAcceptances} (offer_version_id, organization_id, user_email, accepted_at)
    select ${input.offerId}, unnest(${sql.param(input.organizationIds)}::uuid[]),
      ${input.userEmail ?? 'owner@example.test'}, timestamptz '2025-12-15 12:00:00+03'`);
}

export async function createAccount(db: Db, name: string): Promise<string> {
  const [row] = await db.insert(partnerAccounts).values({ name }).returning();
  if (!row) throw new Error('account insert returned nothing');
  return row.id;
}

export type ItemSpec = {
  licenseTypeId: string;
  licenseTypeName: string;
  priceKopecks: number;
  vat: number | null;
};

/** A completed («Выполнена») activation with one device per item, as the activation flow leaves it. */
export async function insertDoneActivation(
  db: Db,
  input: { organizationId: string; userId: string; catalog: Catalog; items: ItemSpec[] },
): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    const { first: number } = await takeCounterBlock(tx, 'activation', 1);
    const total = input.items.reduce((s, i) => s + i.priceKopecks, 0);
    const [activation] = await tx
      .insert(activations)
      .values({
        number,
        organizationId: input.organizationId,
        vendorId: input.catalog.vendorId,
        status: 'done',
        licenseCount: input.items.length,
        totalKopecks: total,
        requestId: randomUUID(),
        createdBy: input.userId,
        createdByEmail: 'partner@example.test',
        createdByName: 'Приветов Привет Приветович',
        completedAt: new Date(),
      })
      .returning();
    if (!activation) throw new Error('activation');
    let position = 0;
    for (const item of input.items) {
      const serial = `0${String(randomInt(10 ** 9)).padStart(9, '0')}${String(randomInt(10 ** 6)).padStart(6, '0')}`;
      const [device] = await tx
        .insert(devices)
        .values({ serial, modelId: input.catalog.modelId, subscriptionEnd: '2027-04-13' })
        .returning();
      if (!device) throw new Error('device');
      await tx.insert(activationItems).values({
        activationId: activation.id,
        deviceId: device.id,
        position: position++,
        serial,
        modelId: input.catalog.modelId,
        modelName: 'NETPAY-ФС',
        licenseTypeId: item.licenseTypeId,
        licenseTypeName: item.licenseTypeName,
        termMonths: 12,
        priceKopecks: item.priceKopecks,
        retailPriceKopecks: item.priceKopecks + 50_000,
        vatMode: item.vat === null ? 'exempt' : 'rate',
        vatRatePercent: item.vat,
        newEnd: '2027-04-13',
        pending: false,
        validFrom: '2026-04-14',
        validUntil: '2027-04-13',
      });
    }
    return { id: activation.id, number };
  });
}
