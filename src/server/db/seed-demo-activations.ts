import { eq, inArray } from 'drizzle-orm';
import type { Config } from '../config';
import { SYSTEM_SCOPE } from '../http/scope';
import type { AppDeps } from '../http/types';
import type { Jobs } from '../jobs/boss';
import { createActivations } from '../modules/activations/create-activations';
import { processActivation } from '../modules/activations/process-activation';
import { activations } from '../modules/activations/schema';
import { users } from '../modules/identity/schema';
import { acceptCurrentOffer, currentOfferFor } from '../modules/offers/accept-offer';
import { generateOrderDocuments } from '../modules/orders/generate-documents';
import { recordOrderPayment } from '../modules/orders/record-payment';
import { orders } from '../modules/orders/schema';
import { organizations } from '../modules/organizations/schema';
import type { FileStorage } from '../storage/file-storage';
import type { Db } from './client';

/**
 * Jobs for the seed: nothing is queued, because the seed runs each step itself (before the server's workers
 * exist) — the activation job, then the order's documents. Mails stay in the outbox for the sweeper.
 */
const INLINE_JOBS = { send: async () => null } as unknown as Jobs;

/**
 * Seed 002's history for the demo partner: ООО "ЗОЛОТОЙ СТАНДАРТ" accepted the offer and has two completed
 * activations from one request spanning both vendors (so the list, the orders, the invoice and УПД PDFs and
 * the license files are there on the first start), the first one paid. ИП Золотухин is left without the
 * acceptance, so choosing it shows «Акцепт договора».
 */
export async function seedDemoActivations(
  db: Db,
  options: { storage: FileStorage; config: Config },
): Promise<void> {
  const [existing] = await db.select({ id: activations.id }).from(activations).limit(1);
  if (existing) return;
  const [partner] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, 'partner@zolotoy-standart.example'));
  const [admin] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, 'admin@kabinet.example'));
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.inn, '6147040892'));
  if (!partner || !admin || !organization) return;

  const deps = { config: options.config, db, storage: options.storage, jobs: INLINE_JOBS } as AppDeps;
  const actor = { userId: partner.id, email: partner.email, ip: '127.0.0.1' };
  const offer = await acceptCurrentOffer(db, {
    organizationId: organization.id,
    versionId: await currentOfferId(db, organization.id),
    actor,
    userAgent: 'demo',
  });
  if (!offer.accepted) return;

  const { response } = await createActivations(
    deps,
    SYSTEM_SCOPE,
    {
      organizationId: organization.id,
      // The seed's NETPAY-ФС device of 2.4, an aQsi and a РР-04Ф: two vendors, so two activations.
      serials: ['0239110138900130', '0100000000031676', '0100000000023757'],
      comment: 'клиент ООО Ромашка по заявке от 13.04.26',
      confirmLongSubscriptions: true,
    },
    { actor, creatorName: partner.name },
  );
  for (const activation of response.items) await processActivation(deps, { activationId: activation.id });
  const made = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      inArray(
        orders.activationId,
        response.items.map((a) => a.id),
      ),
    )
    .orderBy(orders.number);
  for (const order of made) await generateOrderDocuments(deps, { orderId: order.id });
  const first = made[0];
  if (first)
    await recordOrderPayment(
      deps,
      first.id,
      { paidOn: new Date().toISOString().slice(0, 10), reference: 'п/п № 418' },
      { actor: { userId: admin.id, email: admin.email, ip: '127.0.0.1' }, idempotencyKey: null },
    );
}

async function currentOfferId(db: Db, organizationId: string): Promise<string> {
  const current = await currentOfferFor(db, organizationId);
  return current.offer?.id ?? '';
}
