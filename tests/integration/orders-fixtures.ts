import { spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
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
import { deviceModels, licenseTypes, vendors } from '../../src/server/modules/vendors/schema';

/**
 * Seed 002 reference data and completed activations written straight to the database: the orders module
 * starts where the activation flow ends («Заказ создается … после успешной Активации»), so its tests build
 * that end state themselves instead of driving another module's flow.
 */

export const LICENSE_NAME =
  'Лицензия: ПО «Кассовое ядро – МН». Сервис обновления (подписка на 12 месяцев), Пэй Киоск';

export type Catalog = { vendorId: string; modelId: string; exemptTypeId: string; vatTypeId: string };

export async function createCatalog(db: Db): Promise<Catalog> {
  const suffix = randomUUID().slice(0, 8);
  const [vendor] = await db
    .insert(vendors)
    .values({
      name: `Пэй Киоск ${suffix}`,
      fullName: 'Общество с ограниченной ответственностью «Пэй Киоск»',
      ogrn: '1067746394792',
      installMethod: 'automatic',
    })
    .returning();
  if (!vendor) throw new Error('vendor');
  const [model] = await db
    .insert(deviceModels)
    .values({ vendorId: vendor.id, name: 'NETPAY-ФС' })
    .returning();
  const [exempt] = await db
    .insert(licenseTypes)
    .values({ vendorId: vendor.id, name: LICENSE_NAME, termMonths: 12, vatMode: 'exempt' })
    .returning();
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
  if (!model || !exempt || !vat) throw new Error('catalog');
  return { vendorId: vendor.id, modelId: model.id, exemptTypeId: exempt.id, vatTypeId: vat.id };
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
  if (!offer) throw new Error('offer');
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

export async function createAccount(db: Db, name: string): Promise<string> {
  const [row] = await db.insert(partnerAccounts).values({ name }).returning();
  if (!row) throw new Error('account');
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

/** The text of a PDF as `pdftotext -layout` reads it (poppler-utils), non-breaking spaces as spaces. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const child = spawn('pdftotext', ['-layout', '-', '-']);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(bytes);
  const code = await exited;
  if (code !== 0) throw new Error(`pdftotext exited with ${code}`);
  return Buffer.concat(chunks).toString('utf8').replaceAll('\u00a0', ' ');
}
