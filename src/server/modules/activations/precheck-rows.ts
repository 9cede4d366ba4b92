import type { PrecheckErrorCode, PrecheckRow } from '../../../shared/api/activations';
import { deviceSerialProblem, normalizeDeviceSerial, type VatMode } from '../../../shared/api/devices';
import { isLongSubscription, newSubscriptionEnd } from '../../../shared/subscription';
import type { RegistryDevice } from '../devices/device-lookup';

/** A license type that may be sold for some models, with the price in effect today (null: none yet). */
export type CandidateLicenseType = {
  id: string;
  name: string;
  vendorId: string;
  termMonths: number;
  vatMode: VatMode;
  vatRatePercent: number | null;
  modelIds: string[];
  price: { partnerPriceKopecks: number; retailPriceKopecks: number } | null;
};

/** Everything the pre-check reads from the database, loaded in a few batch queries. */
export type PrecheckFacts = {
  /** Moscow calendar day. */
  today: string;
  /** Registry devices by normalized serial. */
  devices: ReadonlyMap<string, RegistryDevice>;
  licenseTypes: readonly CandidateLicenseType[];
  /** Device id → number of the in-progress activation holding it (null: another organization's). */
  pending: ReadonlyMap<string, number | null>;
  /** The organization's allowed vendors; null: every vendor. */
  vendorIds: readonly string[] | null;
};

/** A row of the answer plus what an activation copies from it. */
export type PrecheckEntry = {
  row: PrecheckRow;
  device: RegistryDevice | null;
  licenseType: CandidateLicenseType | null;
};

/**
 * The license type a model's devices get: among the active types that list the model, one with a price in
 * effect first, then by name — deterministic when the operator has (unusually) set up several.
 */
export function licenseTypesByModel(
  types: readonly CandidateLicenseType[],
): Map<string, CandidateLicenseType> {
  const sorted = [...types].sort(
    (a, b) => Number(b.price !== null) - Number(a.price !== null) || a.name.localeCompare(b.name, 'ru'),
  );
  const byModel = new Map<string, CandidateLicenseType>();
  for (const type of sorted)
    for (const modelId of type.modelIds) if (!byModel.has(modelId)) byModel.set(modelId, type);
  return byModel;
}

const MESSAGES = {
  NOT_FOUND: () => 'Серийный номер не найден',
  DUPLICATE: () => 'Серийный номер уже есть в списке выше',
  VENDOR_NOT_ALLOWED: (vendor: string) =>
    `Активация устройств вендора «${vendor}» для организации не открыта`,
  NO_LICENSE_TYPE: (model: string) => `Для модели «${model}» нет лицензии для активации`,
  NO_PRICE: (type: string) => `Для лицензии «${type}» не назначена цена`,
  IN_PROGRESS: (number: number | null) =>
    number === null
      ? 'Устройство уже в другой активации, которая выполняется'
      : `Устройство уже в активации № ${number}, которая выполняется`,
};

/**
 * Seed 002, 2.4 «предварительная проверка»: one row per input line, in input order. The first problem wins,
 * in this order: format, a repeat of an earlier line, not in the registry, vendor not allowed, no license
 * type for the model, no price, already in an activation in progress. A row with an error still carries
 * what is known (model, vendor, dates), so the table can show it.
 */
export function evaluateSerials(inputs: readonly string[], facts: PrecheckFacts): PrecheckEntry[] {
  const typeOf = licenseTypesByModel(facts.licenseTypes);
  const allowed = facts.vendorIds ? new Set(facts.vendorIds) : null;
  const seen = new Set<string>();
  return inputs.map((input) => {
    const serial = normalizeDeviceSerial(input);
    const row: PrecheckRow = {
      input,
      serial,
      error: null,
      deviceId: null,
      model: null,
      vendorId: null,
      vendorName: null,
      licenseTypeId: null,
      licenseTypeName: null,
      currentEnd: null,
      newEnd: null,
      priceKopecks: null,
      retailPriceKopecks: null,
      longSubscription: false,
    };
    let device: RegistryDevice | null = null;
    let licenseType: CandidateLicenseType | null = null;
    const fail = (code: PrecheckErrorCode, message: string): PrecheckEntry => {
      row.error = { code, message };
      return { row, device, licenseType };
    };

    const formatProblem = deviceSerialProblem(serial);
    if (formatProblem) return fail('INVALID_FORMAT', formatProblem);
    const repeated = seen.has(serial);
    seen.add(serial);
    device = facts.devices.get(serial) ?? null;
    if (device) {
      row.deviceId = device.id;
      row.model = device.modelName;
      row.vendorId = device.vendorId;
      row.vendorName = device.vendorName;
      row.currentEnd = device.subscriptionEnd;
      row.longSubscription = isLongSubscription(device.subscriptionEnd, facts.today);
      licenseType = typeOf.get(device.modelId) ?? null;
    }
    if (licenseType) {
      row.licenseTypeId = licenseType.id;
      row.licenseTypeName = licenseType.name;
      row.newEnd = newSubscriptionEnd(row.currentEnd, facts.today, licenseType.termMonths);
      row.priceKopecks = licenseType.price?.partnerPriceKopecks ?? null;
      row.retailPriceKopecks = licenseType.price?.retailPriceKopecks ?? null;
    }
    if (repeated) return fail('DUPLICATE', MESSAGES.DUPLICATE());
    if (!device) return fail('NOT_FOUND', MESSAGES.NOT_FOUND());
    if (allowed && !allowed.has(device.vendorId))
      return fail('VENDOR_NOT_ALLOWED', MESSAGES.VENDOR_NOT_ALLOWED(device.vendorName));
    if (!licenseType) return fail('NO_LICENSE_TYPE', MESSAGES.NO_LICENSE_TYPE(device.modelName));
    if (!licenseType.price) return fail('NO_PRICE', MESSAGES.NO_PRICE(licenseType.name));
    const holder = facts.pending.get(device.id);
    if (holder !== undefined) return fail('IN_PROGRESS', MESSAGES.IN_PROGRESS(holder));
    return { row, device, licenseType };
  });
}

/** An entry that passed: its device, license type and price are known. */
export type ValidEntry = PrecheckEntry & {
  device: RegistryDevice;
  licenseType: CandidateLicenseType & { price: NonNullable<CandidateLicenseType['price']> };
};

export function isValidEntry(entry: PrecheckEntry): entry is ValidEntry {
  return entry.row.error === null && entry.device !== null && entry.licenseType?.price != null;
}

/**
 * Seed 002, section 1: «Каждая Активация доступна только по одному вендору… система автоматически создаст
 * несколько Активаций в разрезе каждого вендора». Vendors in the order they first appear, devices in input
 * order within each.
 */
export function splitByVendor<T extends { device: { vendorId: string } }>(
  entries: readonly T[],
): Array<{ vendorId: string; entries: T[] }> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.device.vendorId);
    if (group) group.push(entry);
    else groups.set(entry.device.vendorId, [entry]);
  }
  return [...groups].map(([vendorId, list]) => ({ vendorId, entries: list }));
}
