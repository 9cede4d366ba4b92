import { and, eq, sql } from 'drizzle-orm';
import type { PrecheckResponse } from '../../../shared/api/activations';
import { deviceSerialProblem, normalizeDeviceSerial } from '../../../shared/api/devices';
import { moscowIsoDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { requireInScope, type Scope } from '../../http/scope';
import { findDevicesBySerials } from '../devices/device-lookup';
import { partnerTermsOf } from '../offers/partner-terms';
import { listLicenseTypes } from '../vendors/license-type-view';
import { type CandidateLicenseType, evaluateSerials, type PrecheckEntry } from './precheck-rows';
import { activationItems, activations } from './schema';

/**
 * Device id → number of the in-progress activation that holds it (one bound array, whatever the count). The
 * number is told only for the organization's own activations: another partner's is null, so the pre-check
 * never reveals it.
 */
async function pendingActivations(
  db: Db,
  deviceIds: string[],
  organizationId: string,
): Promise<Map<string, number | null>> {
  if (deviceIds.length === 0) return new Map();
  const rows = await db
    .select({
      deviceId: activationItems.deviceId,
      number: activations.number,
      organizationId: activations.organizationId,
    })
    .from(activationItems)
    .innerJoin(activations, eq(activations.id, activationItems.activationId))
    .where(
      and(
        eq(activationItems.pending, true),
        sql`${activationItems.deviceId} = any(${sql.param(deviceIds)}::uuid[])`,
      ),
    );
  return new Map(rows.map((r) => [r.deviceId, r.organizationId === organizationId ? r.number : null]));
}

/** Active license types with today's price, as the pre-check matches them to models. */
async function candidateLicenseTypes(db: Db, now: Date): Promise<CandidateLicenseType[]> {
  const types = await listLicenseTypes(db, { archived: 'active' }, now);
  return types.map((type) => ({
    id: type.id,
    name: type.name,
    vendorId: type.vendorId,
    termMonths: type.termMonths,
    vatMode: type.vatMode,
    vatRatePercent: type.vatRatePercent,
    modelIds: type.models.map((m) => m.id),
    price: type.currentPrice
      ? {
          partnerPriceKopecks: type.currentPrice.partnerPriceKopecks,
          retailPriceKopecks: type.currentPrice.retailPriceKopecks,
        }
      : null,
  }));
}

/**
 * The pre-check of a list of serials for an organization (seed 002, 2.4), in a fixed number of queries
 * whatever the length of the list: the registry devices (one query), the license types with today's prices
 * (three), the devices held by activations in progress (one). Runs as is inside the activation transaction.
 */
export async function precheckEntries(
  db: Db,
  input: {
    organizationId: string;
    serials: readonly string[];
    vendorIds: readonly string[] | null;
    now: Date;
  },
): Promise<{ entries: PrecheckEntry[]; today: string }> {
  const wellFormed = input.serials
    .map(normalizeDeviceSerial)
    .filter((serial) => deviceSerialProblem(serial) === null);
  const [devices, licenseTypes] = await Promise.all([
    findDevicesBySerials(db, wellFormed),
    candidateLicenseTypes(db, input.now),
  ]);
  const pending = await pendingActivations(
    db,
    [...devices.values()].map((d) => d.id),
    input.organizationId,
  );
  const today = moscowIsoDate(input.now);
  const entries = evaluateSerials(input.serials, {
    today,
    devices,
    licenseTypes,
    pending,
    vendorIds: input.vendorIds,
  });
  return { entries, today };
}

/** `POST /partner/activations/check`: for an organization within the scope; its vendor restriction applies. */
export async function precheckSerials(
  db: Db,
  scope: Scope,
  input: { organizationId: string; serials: readonly string[] },
  now = new Date(),
): Promise<PrecheckResponse> {
  requireInScope(scope, input.organizationId);
  const terms = (await partnerTermsOf(db, [input.organizationId])).get(input.organizationId);
  const { entries, today } = await precheckEntries(db, {
    organizationId: input.organizationId,
    serials: input.serials,
    vendorIds: terms?.vendorIds ?? null,
    now,
  });
  return { rows: entries.map((e) => e.row), today };
}
