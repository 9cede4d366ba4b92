import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivationCreateBody, ActivationCreateResponse } from '../../../shared/api/activations';
import { PARTNER_ACTING_ROLES } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { claimIdempotencyKey, idempotencyClaim, saveIdempotentResponse } from '../../http/idempotency';
import { requireInScope, type Scope } from '../../http/scope';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { requireOfferAccepted } from '../offers/accept-offer';
import { requirePartnerMayActivate } from '../offers/partner-terms';
import { takeCounterBlock } from '../system/counters';
import { activationSummaries } from './activation-view';
import { processActivationJob } from './jobs';
import { orderAccess } from './order-access';
import { isPendingDeviceConflict } from './pending-conflict';
import { precheckEntries } from './precheck';
import { isValidEntry, splitByVendor, type ValidEntry } from './precheck-rows';
import { activationItems, activations } from './schema';

export type CreateActivationsInput = z.output<typeof ActivationCreateBody>;

export type CreateActivationsOptions = {
  actor: AuditActor;
  /** «Контактное лицо» of the order and the recipient of the outcome's email. */
  creatorName: string;
  /** The `Idempotency-Key` header: a retry with the same key and body gets the first answer. */
  idempotencyKey?: string | null;
  now?: Date;
};

/** Items per INSERT; each binds 14 arrays, so the size is about memory, not bind parameters. */
const ITEMS_CHUNK = 5_000;

/** One vendor's devices of the request as rows of activation_items, in one statement per chunk. */
async function insertItems(tx: Db, activationId: string, entries: readonly ValidEntry[], today: string) {
  for (let at = 0; at < entries.length; at += ITEMS_CHUNK) {
    const chunk = entries.slice(at, at + ITEMS_CHUNK);
    const column = <T>(pick: (entry: ValidEntry, index: number) => T) =>
      sql.param(chunk.map((entry, i) => pick(entry, at + i + 1)));
    // Dates travel as text[] cast to date[]: postgres.js cannot serialize a parameter the server types date[].
    await tx.execute(sql`
      insert into ${activationItems} (activation_id, device_id, position, serial, model_id, model_name,
        license_type_id, license_type_name, term_months, price_kopecks, retail_price_kopecks, vat_mode,
        vat_rate_percent, previous_end, new_end, pending)
      select ${activationId}::uuid, r.device_id, r.position, r.serial, r.model_id, r.model_name, r.license_type_id,
        r.license_type_name, r.term_months, r.price, r.retail, r.vat_mode, r.vat_rate, r.previous_end,
        r.new_end, true
      from unnest(
        ${column((e) => e.device.id)}::uuid[],
        ${column((_, position) => position)}::int[],
        ${column((e) => e.row.serial)}::text[],
        ${column((e) => e.device.modelId)}::uuid[],
        ${column((e) => e.device.modelName)}::text[],
        ${column((e) => e.licenseType.id)}::uuid[],
        ${column((e) => e.licenseType.name)}::text[],
        ${column((e) => e.licenseType.termMonths)}::int[],
        ${column((e) => e.licenseType.price.partnerPriceKopecks)}::bigint[],
        ${column((e) => e.licenseType.price.retailPriceKopecks)}::bigint[],
        ${column((e) => e.licenseType.vatMode)}::text[],
        ${column((e) => e.licenseType.vatRatePercent)}::int[],
        ${column((e) => e.device.subscriptionEnd)}::text[]::date[],
        ${column((e) => e.row.newEnd ?? today)}::text[]::date[]
      ) as r(device_id, position, serial, model_id, model_name, license_type_id, license_type_name,
        term_months, price, retail, vat_mode, vat_rate, previous_end, new_end)
    `);
  }
}

/**
 * «Активировать всё» / «Активировать» (seed 002, 2.4). One transaction: activation must be open for the
 * organization, the current offer accepted, no overdue invoice on the partner account; the pre-check runs
 * again on what the database holds now and every serial must pass; subscriptions more than 180 days ahead
 * need the confirmation; then one activation per vendor («в разрезе каждого вендора», section 1), numbered
 * from the gap-free counter, with its items copied (model, license type, price, VAT, term, current and new
 * end) and held `pending` — the partial unique index lets a device be in one activation in progress only.
 * After commit each activation goes to the `process-activation` job. The organization must be within the
 * caller's scope and their role one that acts (a partner's viewer only reads).
 */
export async function createActivations(
  deps: AppDeps,
  scope: Scope,
  input: CreateActivationsInput,
  options: CreateActivationsOptions,
): Promise<{ response: ActivationCreateResponse; replayed: boolean }> {
  requireInScope(scope, input.organizationId, { roles: PARTNER_ACTING_ROLES });
  const now = options.now ?? new Date();
  const claim = options.idempotencyKey
    ? idempotencyClaim(
        `activations.create:${options.actor.userId ?? 'system'}`,
        options.idempotencyKey,
        input,
      )
    : null;

  let outcome: { response: ActivationCreateResponse; replayed: boolean };
  try {
    outcome = await deps.db.transaction(async (tx) => {
      if (claim) {
        const stored = await claimIdempotencyKey(tx, claim);
        if (stored) return { response: stored.body as ActivationCreateResponse, replayed: true };
      }
      const terms = await requirePartnerMayActivate(tx, input.organizationId);
      await requireOfferAccepted(tx, input.organizationId, now);
      await orderAccess().requireNoOverdueOrders(tx, input.organizationId, now);

      const { entries, today } = await precheckEntries(tx, {
        organizationId: input.organizationId,
        serials: input.serials,
        vendorIds: terms.vendorIds,
        now,
      });
      const invalid = entries.filter((e) => e.row.error !== null);
      if (invalid.length > 0)
        throw new AppError(
          'ACTIVATION_SERIALS_INVALID',
          undefined,
          invalid.map((e) => ({
            serial: e.row.input,
            code: e.row.error?.code,
            message: e.row.error?.message,
          })),
        );
      const valid = entries.filter(isValidEntry);
      const long = valid.filter((e) => e.row.longSubscription);
      if (long.length > 0 && !input.confirmLongSubscriptions)
        throw new AppError('LONG_SUBSCRIPTION_UNCONFIRMED', undefined, {
          serials: long.map((e) => e.row.serial),
        });

      const groups = splitByVendor(valid);
      const { first } = await takeCounterBlock(tx, 'activation', groups.length);
      const requestId = randomUUID();
      const ids: string[] = [];
      for (const [index, group] of groups.entries()) {
        const totalKopecks = group.entries.reduce(
          (sum, e) => sum + e.licenseType.price.partnerPriceKopecks,
          0,
        );
        const [row] = await tx
          .insert(activations)
          .values({
            number: first + index,
            organizationId: input.organizationId,
            vendorId: group.vendorId,
            comment: input.comment ? input.comment : null,
            licenseCount: group.entries.length,
            totalKopecks,
            attempts: 1,
            requestId,
            createdBy: options.actor.userId,
            createdByEmail: options.actor.email,
            createdByName: options.creatorName,
            createdIp: options.actor.ip,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: activations.id });
        if (!row) throw new Error('activations insert returned nothing');
        await insertItems(tx, row.id, group.entries, today);
        await recordAudit(tx, {
          actor: options.actor,
          action: 'activations.created',
          organizationId: input.organizationId,
          entityType: 'activation',
          entityId: row.id,
          details: {
            number: first + index,
            vendorId: group.vendorId,
            licenseCount: group.entries.length,
            totalKopecks,
            requestId,
            confirmedLongSubscriptions: long.length,
          },
        });
        ids.push(row.id);
      }
      const response: ActivationCreateResponse = { items: await activationSummaries(tx, ids) };
      if (claim) await saveIdempotentResponse(tx, claim, { statusCode: 201, body: response });
      return { response, replayed: false };
    });
  } catch (error) {
    // Another request took one of the devices between our pre-check and our insert (its transaction
    // committed first): the partial unique index said no.
    if (isPendingDeviceConflict(error)) throw new AppError('DEVICE_ACTIVATION_IN_PROGRESS');
    throw error;
  }

  if (!outcome.replayed)
    for (const activation of outcome.response.items)
      await deps.jobs.send(
        processActivationJob,
        { activationId: activation.id },
        { singletonKey: activation.id },
      );
  return outcome;
}
