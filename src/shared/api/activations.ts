import { z } from 'zod';
import { Instant, PageQuery, paginated } from './common';
import { INSTALL_METHODS, InstructionLink } from './devices';

/**
 * Seed 002 «Раздел Лицензии»: partner organizations, the pre-check of device serials, activations (one per
 * vendor), their items and license files; the device check-in API and the published signing keys. Response
 * schemas are plain shapes (no transforms). Dates are Moscow calendar days `YYYY-MM-DD`; money is kopecks.
 */

const CalendarDate = z.iso.date();

// ---- Statuses ------------------------------------------------------------------------------------------

/** A license-signing key is `active` (signs new files, exactly one) or `retired` (still verifies old ones). */
export const SIGNING_KEY_STATUSES = ['active', 'retired'] as const;
export const ACTIVATION_STATUSES = ['in_progress', 'done', 'failed'] as const;
export type ActivationStatus = (typeof ACTIVATION_STATUSES)[number];
export const ACTIVATION_STATUS_LABELS: Record<ActivationStatus, string> = {
  in_progress: 'В работе',
  done: 'Выполнена',
  failed: 'Ошибка',
};

/** A device whose current subscription runs further ahead than this needs an extra confirmation (seed 2.4). */
export const LONG_SUBSCRIPTION_DAYS = 180;
/** The most serials one pre-check or one activation request may carry. */
export const MAX_SERIALS_PER_REQUEST = 10_000;

// ---- Partner organizations («Выберите организацию», the «Организация» filter) ---------------------------

export const PartnerOrganization = z
  .object({
    id: z.uuid(),
    shortName: z.string(),
    inn: z.string(),
    /** The operator opened activation for it (seed 2.2: only such organizations are offered as cards). */
    mayActivate: z.boolean(),
    /** `Предоплата 100%` / `Постоплата 5 дней`. */
    paymentTermsLabel: z.string(),
    /** The current offer version is accepted (seed 2.3); false also when no offer is published. */
    offerAccepted: z.boolean(),
    /** Why new activations are refused right now (an overdue unpaid order of the account), or null. */
    blockedReason: z.string().nullable(),
  })
  .meta({ id: 'PartnerOrganization' });
export type PartnerOrganization = z.infer<typeof PartnerOrganization>;
export const PartnerOrganizationList = z.object({ items: z.array(PartnerOrganization) });
export type PartnerOrganizationList = z.infer<typeof PartnerOrganizationList>;

export const OrganizationParams = z.object({ organizationId: z.uuid() });

// ---- Info block («Инструкция | Цены», «Методы установки лицензий») --------------------------------------

export const PartnerVendorInfo = z.object({
  id: z.uuid(),
  name: z.string(),
  installMethod: z.enum(INSTALL_METHODS),
  installNote: z.string(),
  instructionLinks: z.array(InstructionLink),
});
export type PartnerVendorInfo = z.infer<typeof PartnerVendorInfo>;

/** «Цены»: each active license type with today's prices. */
export const PartnerPrice = z.object({
  licenseTypeId: z.uuid(),
  name: z.string(),
  vendorName: z.string(),
  termMonths: z.number().int(),
  models: z.array(z.string()),
  /** «Ваша цена» (partner price under the offer), null when no price is in effect. */
  priceKopecks: z.number().int().nullable(),
  /** «Рекомендуемая розничная цена». */
  retailPriceKopecks: z.number().int().nullable(),
  /** `Без НДС` / `НДС 20%`. */
  vatLabel: z.string(),
});
export type PartnerPrice = z.infer<typeof PartnerPrice>;

export const PartnerInfo = z
  .object({ vendors: z.array(PartnerVendorInfo), prices: z.array(PartnerPrice) })
  .meta({ id: 'PartnerInfo' });
export type PartnerInfo = z.infer<typeof PartnerInfo>;

// ---- Pre-check («Проверить серийный номер», import of a .txt) ------------------------------------------

export const SerialsBody = z.object({
  organizationId: z.uuid(),
  /** As entered or read from the file; normalized on the server (`normalizeDeviceSerial`). */
  serials: z
    .array(z.string().max(200))
    .min(1, 'Введите хотя бы один серийный номер')
    .max(MAX_SERIALS_PER_REQUEST, `Не больше ${MAX_SERIALS_PER_REQUEST} серийных номеров за раз`),
});
export type SerialsBody = z.infer<typeof SerialsBody>;

/** Why a serial cannot be activated; each has a Russian message in the row. */
export const PRECHECK_ERROR_CODES = [
  'INVALID_FORMAT',
  'NOT_FOUND',
  'DUPLICATE',
  'VENDOR_NOT_ALLOWED',
  'NO_LICENSE_TYPE',
  'NO_PRICE',
  'IN_PROGRESS',
] as const;
export type PrecheckErrorCode = (typeof PRECHECK_ERROR_CODES)[number];

export const PrecheckRow = z.object({
  /** What the person typed, for the table. */
  input: z.string(),
  /** Normalized serial (spaces dropped, letters upper-cased). */
  serial: z.string(),
  error: z.object({ code: z.enum(PRECHECK_ERROR_CODES), message: z.string() }).nullable(),
  deviceId: z.uuid().nullable(),
  model: z.string().nullable(),
  vendorId: z.uuid().nullable(),
  vendorName: z.string().nullable(),
  licenseTypeId: z.uuid().nullable(),
  licenseTypeName: z.string().nullable(),
  /** «Текущая подписка». */
  currentEnd: CalendarDate.nullable(),
  /** «Новая подписка» = max(current end, today) + term. */
  newEnd: CalendarDate.nullable(),
  /** «Ваша цена». */
  priceKopecks: z.number().int().nullable(),
  /** The tooltip's other prices: «Рекомендуемая розничная цена». */
  retailPriceKopecks: z.number().int().nullable(),
  /** Current subscription runs more than LONG_SUBSCRIPTION_DAYS ahead: the activation asks to confirm. */
  longSubscription: z.boolean(),
});
export type PrecheckRow = z.infer<typeof PrecheckRow>;

export const PrecheckResponse = z
  .object({ rows: z.array(PrecheckRow), today: CalendarDate })
  .meta({ id: 'PrecheckResponse' });
export type PrecheckResponse = z.infer<typeof PrecheckResponse>;

// ---- Activations -----------------------------------------------------------------------------------------

/**
 * «Активировать всё» / «Активировать»: the serials to activate (every one must pass the pre-check), an optional
 * comment, and the confirmation of the 180-day warning. Sent with an `Idempotency-Key`.
 */
export const ActivationCreateBody = SerialsBody.extend({
  comment: z.string().trim().max(500, 'Комментарий: не больше 500 символов').optional(),
  /** The person saw and accepted the warning about subscriptions running more than 180 days ahead. */
  confirmLongSubscriptions: z.boolean().default(false),
});
export type ActivationCreateBody = z.input<typeof ActivationCreateBody>;

export const ActivationSummary = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationInn: z.string(),
    status: z.enum(ACTIVATION_STATUSES),
    vendorId: z.uuid(),
    vendorName: z.string(),
    installMethod: z.enum(INSTALL_METHODS),
    /** «Лицензий». */
    licenseCount: z.number().int(),
    /** «Стоимость». */
    totalKopecks: z.number().int(),
    /** The order made on completion; null while none. */
    orderId: z.uuid().nullable(),
    orderNumber: z.number().int().nullable(),
    /** «Оплачено»: null while there is no order. */
    paymentStatus: z.enum(['pending', 'paid']).nullable(),
    comment: z.string().nullable(),
    /** The vendor integration's error text when «Ошибка». */
    error: z.string().nullable(),
    /** «Дата заказа». */
    createdAt: Instant,
    completedAt: Instant.nullable(),
  })
  .meta({ id: 'ActivationSummary' });
export type ActivationSummary = z.infer<typeof ActivationSummary>;

export const ActivationCreateResponse = z
  .object({ items: z.array(ActivationSummary) })
  .meta({ id: 'ActivationCreateResponse' });
export type ActivationCreateResponse = z.infer<typeof ActivationCreateResponse>;

export const ACTIVATION_SORTS = ['number', 'total', 'createdAt'] as const;
export const ActivationListQuery = PageQuery.extend({
  organizationId: z.uuid().optional(),
  /** «Поиск по СН»: activations that contain a device whose serial starts with this. */
  serial: z.string().trim().max(100).optional(),
  status: z.enum(ACTIVATION_STATUSES).optional(),
  sort: z.enum(ACTIVATION_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ActivationListQuery = z.input<typeof ActivationListQuery>;
export const ActivationList = paginated(ActivationSummary).meta({ id: 'ActivationList' });
export type ActivationList = z.infer<typeof ActivationList>;

/** A row of the activation page's table (seed 2.5); which columns show depends on the status. */
export const ActivationItem = z.object({
  serial: z.string(),
  model: z.string(),
  licenseTypeName: z.string(),
  /** «Текущая подписка» at the time of the request. */
  previousEnd: CalendarDate.nullable(),
  /** «Новая подписка» (estimate while in progress; the signed end once done). */
  newEnd: CalendarDate,
  /** «Подписка» once done: the end written into the license. */
  validUntil: CalendarDate.nullable(),
  priceKopecks: z.number().int(),
});
export type ActivationItem = z.infer<typeof ActivationItem>;
export const ActivationItemQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ActivationItemQuery = z.input<typeof ActivationItemQuery>;
export const ActivationItemList = paginated(ActivationItem).meta({ id: 'ActivationItemList' });
export type ActivationItemList = z.infer<typeof ActivationItemList>;

export const ActivationCommentBody = z.object({
  comment: z.string().trim().max(500, 'Комментарий: не больше 500 символов'),
});
export type ActivationCommentBody = z.infer<typeof ActivationCommentBody>;

/** The file name of an activation's license file: «Файл Лицензии … имеет в названии номер Активации». */
export function licenseFileName(activationNumber: number): string {
  return `license-${activationNumber}.slf`;
}

// ---- Signing keys and the device API --------------------------------------------------------------------

export const PublishedLicenseKey = z.object({
  kid: z.string(),
  alg: z.literal('EdDSA'),
  crv: z.literal('Ed25519'),
  status: z.enum(SIGNING_KEY_STATUSES),
  publicKeyPem: z.string(),
  jwk: z.object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string(),
    alg: z.literal('EdDSA'),
    use: z.literal('sig'),
  }),
  createdAt: Instant,
  retiredAt: Instant.nullable(),
});
export type PublishedLicenseKey = z.infer<typeof PublishedLicenseKey>;
/** `GET /api/v1/license-keys` (stable contract). */
export const PublishedLicenseKeys = z
  .object({ keys: z.array(PublishedLicenseKey) })
  .meta({ id: 'PublishedLicenseKeys' });
export type PublishedLicenseKeys = z.infer<typeof PublishedLicenseKeys>;

/** What a device gets on check-in: its current signed license, or why there is none. */
export const DEVICE_LICENSE_STATUSES = ['active', 'expired', 'none'] as const;
export const DeviceCheckIn = z
  .object({
    serial: z.string(),
    status: z.enum(DEVICE_LICENSE_STATUSES),
    validUntil: CalendarDate.nullable(),
    kid: z.string().nullable(),
    /** The `.slf` text, present when `active`. */
    license: z.string().nullable(),
  })
  .meta({ id: 'DeviceCheckIn' });
export type DeviceCheckIn = z.infer<typeof DeviceCheckIn>;

/** Device check-in: `GET /api/v1/device-api/devices/{serial}/license`. */
export const DeviceSerialParams = z.object({ serial: z.string().min(1).max(200) });
export type DeviceSerialParams = z.infer<typeof DeviceSerialParams>;

// ---- Vendor API tokens (the device check-in API) -----------------------------------------------------------

/** Vendor tokens read `kbv_…` (integration tokens `kbt_…`, product tokens `kbp_…`), so scanners know them. */
export const VENDOR_TOKEN_PREFIX = 'kbv_';

export const VendorApiToken = z
  .object({
    id: z.uuid(),
    vendorId: z.uuid(),
    name: z.string(),
    /** The first characters, to tell tokens apart; the token itself is shown once. */
    prefix: z.string(),
    createdAt: Instant,
    /** Refreshed at most once a minute. */
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'VendorApiToken' });
export type VendorApiToken = z.infer<typeof VendorApiToken>;
export const VendorApiTokenList = z.object({ items: z.array(VendorApiToken) });
export type VendorApiTokenList = z.infer<typeof VendorApiTokenList>;
export const VendorApiTokenCreated = VendorApiToken.extend({
  /** `kbv_…`: shown only in this response; only its SHA-256 is stored. */
  token: z.string(),
}).meta({ id: 'VendorApiTokenCreated' });
export type VendorApiTokenCreated = z.infer<typeof VendorApiTokenCreated>;
export const VendorApiTokenCreateBody = z.object({
  name: z.string().trim().min(1, 'Введите название токена').max(200, 'Название — не длиннее 200 символов'),
});
export type VendorApiTokenCreateBody = z.infer<typeof VendorApiTokenCreateBody>;
export const VendorTokenParams = z.object({ id: z.uuid(), tokenId: z.uuid() });
export type VendorTokenParams = z.infer<typeof VendorTokenParams>;
