import { asc, eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { moscowIsoDate } from '../../../shared/dates';
import { type LicensePayload, signLicense } from '../../../shared/license-file';
import { newLicenseStart, newSubscriptionEnd } from '../../../shared/subscription';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { findDevicesBySerials } from '../devices/device-lookup';
import { getOrganization } from '../organizations/organization-view';
import { type ActiveSigningKey, activeSigningKey } from '../signing/signing-keys';
import { getVendor } from '../vendors/vendor-view';
import { type ActivationRow, lockActivation } from './activation-view';
import { activationItems, activations } from './schema';

/** A license the activation's job hands to the vendor and, on success, to the devices. */
export type SignedLicense = { serial: string; validUntil: string; license: string };

/** What the rest of the job needs once the licenses are signed and stored on the items. */
export type PreparedActivation = {
  activation: ActivationRow;
  organization: { shortName: string; inn: string };
  vendor: { name: string; installMethod: string; integrationUrl: string | null };
  licenses: SignedLicense[];
};

/** The payload could not be signed (a name too long for the format, say): the activation fails with this. */
export class LicenseSigningError extends Error {
  override name = 'LicenseSigningError';
}

/** Items per UPDATE … FROM unnest: license texts are ~1 KiB each, so a chunk binds a few MB at most. */
const UPDATE_CHUNK = 2_000;

type Signed = { deviceId: string; validFrom: string; validUntil: string; licenseText: string; kid: string };

async function storeSigned(tx: Db, activationId: string, rows: readonly Signed[]): Promise<void> {
  for (let at = 0; at < rows.length; at += UPDATE_CHUNK) {
    const chunk = rows.slice(at, at + UPDATE_CHUNK);
    const column = <T>(pick: (row: Signed) => T) => sql.param(chunk.map(pick));
    // Dates travel as text[] cast to date[]: postgres.js cannot serialize a parameter the server types date[].
    await tx.execute(sql`
      update ${activationItems} as ai
      set valid_from = v.valid_from, valid_until = v.valid_until, license_text = v.license_text, kid = v.kid
      from unnest(
        ${column((r) => r.deviceId)}::uuid[],
        ${column((r) => r.validFrom)}::text[]::date[],
        ${column((r) => r.validUntil)}::text[]::date[],
        ${column((r) => r.licenseText)}::text[],
        ${column((r) => r.kid)}::text[]
      ) as v(device_id, valid_from, valid_until, license_text, kid)
      where ai.activation_id = ${activationId} and ai.device_id = v.device_id
    `);
  }
}

/**
 * Step 1 of the job, in one transaction with the activation locked; nothing unless it is still «В работе».
 * Each device's license runs from its CURRENT subscription end (it may have moved since the request — a
 * failed activation retried later): validUntil = max(end, today) + term, validFrom = today (a renewal's file
 * supersedes the older one at once, see `newLicenseStart`). A license already stored with the same dates is kept, so a
 * duplicate delivery of the job sends the vendor the very same files; changed dates are signed anew.
 */
export async function prepareLicenses(
  deps: AppDeps,
  activationId: string,
  now: Date,
): Promise<PreparedActivation | null> {
  return deps.db.transaction(async (tx) => {
    const activation = await lockActivation(tx, activationId);
    if (activation?.status !== 'in_progress') return null;
    const [organization, vendor] = await Promise.all([
      getOrganization(tx, activation.organizationId),
      getVendor(tx, activation.vendorId),
    ]);
    const items = await tx
      .select()
      .from(activationItems)
      .where(eq(activationItems.activationId, activationId))
      .orderBy(asc(activationItems.position));
    const devices = await findDevicesBySerials(
      tx,
      items.map((i) => i.serial),
    );
    const today = moscowIsoDate(now);
    const key = await activeSigningKey(tx, deps.config.appSecret);
    const changed: Signed[] = [];
    const licenses = items.map((item): SignedLicense => {
      const device = devices.get(item.serial);
      const end = device?.id === item.deviceId ? device.subscriptionEnd : item.previousEnd;
      const validFrom = newLicenseStart(today);
      const validUntil = newSubscriptionEnd(end, today, item.termMonths);
      if (item.licenseText && item.validFrom === validFrom && item.validUntil === validUntil)
        return { serial: item.serial, validUntil, license: item.licenseText };
      const licenseText = sign(key, {
        v: 1,
        deviceSerial: item.serial,
        model: item.modelName,
        vendor: vendor.name,
        licenseType: item.licenseTypeName,
        validFrom,
        validUntil,
        issuedAt: now.toISOString(),
        activationNumber: activation.number,
        licenseeInn: organization.inn,
        licenseeName: organization.shortName,
      });
      changed.push({ deviceId: item.deviceId, validFrom, validUntil, licenseText, kid: key.kid });
      return { serial: item.serial, validUntil, license: licenseText };
    });
    await storeSigned(tx, activationId, changed);
    await tx.update(activations).set({ updatedAt: now }).where(eq(activations.id, activationId));
    return {
      activation,
      organization: { shortName: organization.shortName, inn: organization.inn },
      vendor: {
        name: vendor.name,
        installMethod: vendor.installMethod,
        integrationUrl: vendor.integrationUrl,
      },
      licenses,
    };
  });
}

function sign(key: ActiveSigningKey, payload: LicensePayload): string {
  try {
    return signLicense({ payload, privateKey: key.privateKey, kid: key.kid });
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = [...new Set(error.issues.map((issue) => issue.path.join('.')))].join(', ');
      throw new LicenseSigningError(
        `Не удалось сформировать лицензию для ${payload.deviceSerial}: неверные данные (${fields})`,
      );
    }
    throw error;
  }
}
