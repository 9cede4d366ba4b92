import { z } from 'zod';
import { validateRequisites } from '../requisites';
import { calendarDay, HttpUrl, Instant, PageQuery, paginated, parseUrl } from './common';

/**
 * Partner reference data (seed 002): device makers (vendors) with their models, the device registry
 * (serial → model → vendor, current subscription end) and its file import, license types with prices that
 * take effect from a date. Response schemas are plain shapes (no transforms).
 */

// ---- Serial numbers of devices -------------------------------------------------------------------------

/** Characters a device serial may hold once spaces are dropped and letters upper-cased. */
export const DEVICE_SERIAL_PATTERN = /^[0-9A-Z][0-9A-Z._/-]{3,63}$/;

/**
 * One spelling of a device serial for the registry, the import and (later) the partner's pre-check: every
 * kind of space (people paste `0124 2301 1500 0230`, Excel adds NBSP) is dropped, letters are upper-cased.
 * Leading zeros are significant and kept.
 */
export function normalizeDeviceSerial(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f\u2007\ufeff]+/g, '').toUpperCase();
}

/** Why a normalized serial is not acceptable, in Russian; null when it is fine. */
export function deviceSerialProblem(serial: string): string | null {
  if (serial === '') return 'Серийный номер не заполнен';
  if (DEVICE_SERIAL_PATTERN.test(serial)) return null;
  return `Серийный номер «${serial.slice(0, 80)}»: допустимы цифры, латинские буквы и знаки «-», «_», «.», «/», от 4 до 64 символов`;
}

// ---- Vendors and models --------------------------------------------------------------------------------

/**
 * How a license reaches the device (seed 002, «Методы установки лицензий»): `automatic` — the device fetches
 * it over the device API; `file` — the partner downloads a `.slf` file and installs it by hand.
 */
export const INSTALL_METHODS = ['automatic', 'file'] as const;
export type InstallMethod = (typeof INSTALL_METHODS)[number];

/** An instruction link of the partner's info block: «Инструкция» → URL. */
export const InstructionLink = z.object({
  title: z.string().trim().min(1, 'Введите название ссылки').max(200),
  url: HttpUrl,
});
export type InstructionLink = z.infer<typeof InstructionLink>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The vendor's activation endpoint (the activation job POSTs the signed licenses there): https, or plain
 * http only on this machine's loopback (development, tests) — licenses never cross a network in clear text.
 */
export const IntegrationUrl = HttpUrl.refine((value) => {
  // Zod runs this refinement even when the value already failed as a URL: then it has nothing to add.
  const url = parseUrl(value);
  return url === null || url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
}, 'Адрес интеграции: только https://…');

const optionalDigits = z
  .string()
  .trim()
  .max(20)
  .nullish()
  .transform((v) => (v ? v : null));

/**
 * A vendor's card. The seed names vendors by ОГРН (ООО «Пэй Киоск», ОГРН 1067746394792), so ОГРН is required;
 * ИНН and КПП are optional but checked with the same control-digit rules as organizations.
 */
export const VendorSaveBody = z
  .object({
    name: z.string().trim().min(1, 'Введите краткое наименование').max(100).meta({ example: 'Пэй Киоск' }),
    fullName: z.string().trim().min(1, 'Введите полное наименование').max(300),
    inn: optionalDigits,
    kpp: optionalDigits,
    ogrn: z.string().trim().max(20),
    installMethod: z.enum(INSTALL_METHODS),
    /** The vendor's line of the info block, e.g. «скачайте файл лицензий в формате .slf и установите…». */
    installNote: z.string().trim().max(1000).default(''),
    instructionLinks: z.array(InstructionLink).max(10).default([]),
    /** Absent: left as it is; null: no integration (the activation completes without a call). */
    integrationUrl: IntegrationUrl.nullable().optional(),
  })
  .superRefine((value, ctx) => {
    const issues = validateRequisites({
      kind: 'legal',
      ogrn: value.ogrn,
      ...(value.inn ? { inn: value.inn } : {}),
      ...(value.kpp ? { kpp: value.kpp } : {}),
    });
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });
export type VendorSaveBody = z.input<typeof VendorSaveBody>;

export const DeviceModel = z
  .object({
    id: z.uuid(),
    vendorId: z.uuid(),
    name: z.string(),
    /** Overrides the vendor's method for this model (one vendor's lines may differ, seed 002); null = vendor's. */
    installMethod: z.enum(INSTALL_METHODS).nullable(),
    devicesCount: z.number().int(),
  })
  .meta({ id: 'DeviceModel' });
export type DeviceModel = z.infer<typeof DeviceModel>;

export const DeviceModelSaveBody = z.object({
  name: z.string().trim().min(1, 'Введите название модели').max(100).meta({ example: 'NETPAY-ФС' }),
  installMethod: z.enum(INSTALL_METHODS).nullable().default(null),
});
export type DeviceModelSaveBody = z.input<typeof DeviceModelSaveBody>;

export const Vendor = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fullName: z.string(),
    inn: z.string().nullable(),
    kpp: z.string().nullable(),
    ogrn: z.string(),
    installMethod: z.enum(INSTALL_METHODS),
    installNote: z.string(),
    instructionLinks: z.array(InstructionLink),
    /** Where activations of this vendor's devices are POSTed; null: no call. */
    integrationUrl: z.string().nullable(),
    models: z.array(DeviceModel),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Vendor' });
export type Vendor = z.infer<typeof Vendor>;
export const VendorList = z.object({ items: z.array(Vendor) });
export type VendorList = z.infer<typeof VendorList>;

// ---- Device registry -----------------------------------------------------------------------------------

/** A calendar day `YYYY-MM-DD` (subscription ends, price dates): a Moscow date, never an instant. */
export const CalendarDate = z.iso.date({ error: 'Введите дату' });
/** The same in a request: within the years the database stores (common.ts). */
const RequestDate = calendarDay('Введите дату');

export const Device = z
  .object({
    id: z.uuid(),
    serial: z.string(),
    modelId: z.uuid(),
    modelName: z.string(),
    vendorId: z.uuid(),
    vendorName: z.string(),
    /** «Текущая подписка»: the end of the last license on the device; null when it never had one. */
    subscriptionEnd: CalendarDate.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof Device>;
export const DeviceList = paginated(Device);
export type DeviceList = z.infer<typeof DeviceList>;

export const DeviceListQuery = PageQuery.extend({
  vendorId: z.uuid().optional(),
  modelId: z.uuid().optional(),
  sort: z.enum(['serial', 'subscriptionEnd', 'updatedAt']).default('serial'),
});
export type DeviceListQuery = z.input<typeof DeviceListQuery>;

/** A correction by hand: the import never moves a subscription end back, this does (and is audited). */
export const DeviceUpdateBody = z.object({
  modelId: z.uuid().optional(),
  subscriptionEnd: RequestDate.nullable().optional(),
});
export type DeviceUpdateBody = z.infer<typeof DeviceUpdateBody>;

export const DEVICE_IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const DEVICE_IMPORT_STATUSES = ['queued', 'reading', 'applying', 'completed', 'failed'] as const;
export type DeviceImportStatus = (typeof DEVICE_IMPORT_STATUSES)[number];

export const DeviceImportRowError = z.object({
  /** Row of the file counting the header, as a spreadsheet numbers it. */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type DeviceImportRowError = z.infer<typeof DeviceImportRowError>;

export const DeviceImport = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    format: z.enum(DEVICE_IMPORT_FORMATS),
    status: z.enum(DEVICE_IMPORT_STATUSES),
    sizeBytes: z.number().int(),
    bytesRead: z.number().int(),
    /** Data rows read so far (the header is not counted). */
    processedRows: z.number().int(),
    /** Known once the whole file has been read. */
    totalRows: z.number().int().nullable(),
    /** 0–100 for the progress bar: reading the file is the first 90 %, applying it the rest. */
    percent: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errorCount: z.number().int(),
    /** The first errors (at most 1000), by row. */
    errors: z.array(DeviceImportRowError),
    /** Why the whole file was refused (not a row's problem), or null. */
    message: z.string().nullable(),
    createdByEmail: z.string().nullable(),
    createdAt: Instant,
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
  })
  .meta({ id: 'DeviceImport' });
export type DeviceImport = z.infer<typeof DeviceImport>;
export const DeviceImportList = z.object({ items: z.array(DeviceImport.omit({ errors: true })) });
export type DeviceImportList = z.infer<typeof DeviceImportList>;

export const DeviceImportUploadQuery = z.object({
  // Checked before a byte of the file is kept: PostgreSQL text cannot hold NUL, and a name with control
  // characters is nothing a person typed.
  fileName: z
    .string()
    .trim()
    .min(1, 'Укажите имя файла')
    .max(255)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), {
      message: 'Имя файла содержит нулевой байт или управляющие символы',
    })
    .meta({ example: 'registry.xlsx' }),
});

// ---- License types and prices --------------------------------------------------------------------------

/**
 * VAT of a license type: `exempt` — «Без налога (НДС)», пп. 26 п. 2 ст. 149 НК РФ (rights to software
 * entered in the Russian software register); `rate` — a rate in percent.
 */
export const VAT_MODES = ['exempt', 'rate'] as const;
export type VatMode = (typeof VAT_MODES)[number];

const Kopecks = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const LicenseTypeSaveBody = z
  .object({
    vendorId: z.uuid(),
    name: z.string().trim().min(1, 'Введите наименование типа лицензии').max(500),
    termMonths: z.number().int().min(1, 'Срок — от 1 месяца').max(120, 'Срок — не больше 120 месяцев'),
    vatMode: z.enum(VAT_MODES),
    vatRatePercent: z.number().int().min(0).max(100).nullable().default(null),
    modelIds: z.array(z.uuid()).max(500).default([]),
    archived: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.vatMode === 'rate' && value.vatRatePercent === null)
      ctx.addIssue({ code: 'custom', path: ['vatRatePercent'], message: 'Укажите ставку НДС' });
    if (value.vatMode === 'exempt' && value.vatRatePercent !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['vatRatePercent'],
        message: 'Без НДС ставка не указывается',
      });
  });
export type LicenseTypeSaveBody = z.input<typeof LicenseTypeSaveBody>;

export const LicensePrice = z
  .object({
    id: z.uuid(),
    licenseTypeId: z.uuid(),
    /** The Moscow calendar day the price takes effect (00:00 Moscow time). */
    validFrom: CalendarDate,
    /** «Ваша цена» (seed 002): what the partner pays. */
    partnerPriceKopecks: z.number().int(),
    /** «Рекомендуемая розничная цена». */
    retailPriceKopecks: z.number().int(),
    /** `past` — replaced; `current` — in effect today; `future` — takes effect later (may still be deleted). */
    state: z.enum(['past', 'current', 'future']),
    createdByEmail: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'LicensePrice' });
export type LicensePrice = z.infer<typeof LicensePrice>;

export const LicenseType = z
  .object({
    id: z.uuid(),
    vendorId: z.uuid(),
    vendorName: z.string(),
    name: z.string(),
    termMonths: z.number().int(),
    vatMode: z.enum(VAT_MODES),
    vatRatePercent: z.number().int().nullable(),
    models: z.array(z.object({ id: z.uuid(), name: z.string() })),
    archived: z.boolean(),
    currentPrice: LicensePrice.nullable(),
    /** Newest first. */
    prices: z.array(LicensePrice),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'LicenseType' });
export type LicenseType = z.infer<typeof LicenseType>;
export const LicenseTypeList = z.object({ items: z.array(LicenseType) });
export type LicenseTypeList = z.infer<typeof LicenseTypeList>;

export const LicenseTypeListQuery = z.object({
  vendorId: z.uuid().optional(),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
});
export type LicenseTypeListQuery = z.input<typeof LicenseTypeListQuery>;

export const LicensePriceCreateBody = z.object({
  validFrom: RequestDate,
  partnerPriceKopecks: Kopecks.meta({ description: 'Цена партнёра в копейках', example: 200000 }),
  retailPriceKopecks: Kopecks.meta({
    description: 'Рекомендуемая розничная цена в копейках',
    example: 250000,
  }),
});
export type LicensePriceCreateBody = z.infer<typeof LicensePriceCreateBody>;

export const LicensePriceParams = z.object({ id: z.uuid(), priceId: z.uuid() });

/** «Без налога (НДС)» or «НДС 22 %», as documents and the price list print it. */
export function vatLabel(vatMode: VatMode, vatRatePercent: number | null): string {
  return vatMode === 'exempt' ? 'Без налога (НДС)' : `НДС ${vatRatePercent ?? 0} %`;
}
