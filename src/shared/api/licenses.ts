import { z } from 'zod';
import { Email } from './auth';
import { Instant, PageQuery, paginated } from './common';

/**
 * Customer licenses with structured serial numbers (seed 000): the cabinet's license table, the public
 * decoder, issuance and import in the back office, activation counts. Responses carry no transforms.
 */

/** A license was `issued` by Kabinet or `imported` from a CSV of licenses issued before it. */
export const LICENSE_SOURCES = ['issued', 'imported'] as const;

export const SerialDescriptionItem = z.object({
  part: z.string().meta({ example: 'product' }),
  label: z.string().meta({ example: 'Продукт' }),
  placeholder: z.string().meta({ example: 'AA' }),
  code: z.string().meta({ example: 'AO' }),
  meaning: z.string().meta({ example: 'AlterOffice' }),
  table: z.number().int().optional(),
  retired: z.boolean().optional(),
});

/** A serial in words, part by part, as the codec's `describeSerial` gives it. */
export const SerialDescription = z
  .object({
    serial: z.string().meta({ example: '21-AO-19619913021-266-3388' }),
    article: z.string().meta({ example: 'AO-19619913021' }),
    generatedOn: z.string().meta({ example: '23.09.2021' }),
    generatedOnIso: z.iso.date(),
    items: z.array(SerialDescriptionItem),
  })
  .meta({ id: 'SerialDescription' });
export type SerialDescription = z.infer<typeof SerialDescription>;

/** `GET /api/v1/serial-numbers/{serial}` (public, stable contract). */
export const SerialDecodeResponse = SerialDescription.extend({
  /** The product's card when the operator filled it in: «Подробнее» and documentation links. */
  product: z
    .object({ name: z.string(), websiteUrl: z.string().nullable(), wikiUrl: z.string().nullable() })
    .nullable(),
}).meta({ id: 'SerialDecode' });
export type SerialDecodeResponse = z.infer<typeof SerialDecodeResponse>;

/** Any length: the codec itself refuses overlong input with SERIAL_INVALID naming the format. */
export const SerialParams = z.object({ serial: z.string() });

export const LICENSE_SORTS = ['id', 'serial', 'product', 'quantity', 'activated', 'issuedAt'] as const;

/** The cabinet's license table: search by serial (any spelling the codec repairs) or product. */
export const LicenseListQuery = PageQuery.extend({
  sort: z.enum(LICENSE_SORTS).default('id'),
});
export type LicenseListQuery = z.input<typeof LicenseListQuery>;

/** One row of «Таблица со списком лицензий» (seed 000): ID, Лицензия, Серийный номер, Продукт, Количество, Активировано. */
export const LicenseListItem = z
  .object({
    id: z.uuid(),
    /** «ID»: the organization's own license number 1, 2, 3… */
    number: z.number().int(),
    /** «Лицензия»: the article's name. */
    name: z.string(),
    serial: z.string(),
    /** «Продукт». */
    product: z.string(),
    productCode: z.string(),
    /** «Количество»: seats under this serial. */
    quantity: z.number().int(),
    /** «Активировано». */
    activated: z.number().int(),
    issuedAt: Instant,
  })
  .meta({ id: 'License' });
export type LicenseListItem = z.infer<typeof LicenseListItem>;
export const LicenseList = paginated(LicenseListItem);
export type LicenseList = z.infer<typeof LicenseList>;

export const LicenseDetail = LicenseListItem.extend({
  articleCode: z.string(),
  reference: z.string().nullable(),
  decoded: SerialDescription,
}).meta({ id: 'LicenseDetail' });
export type LicenseDetail = z.infer<typeof LicenseDetail>;

export const AdminLicense = LicenseDetail.extend({
  organization: z.object({ id: z.uuid(), shortName: z.string(), inn: z.string() }),
  articleId: z.uuid(),
  /** `issued` here, or `imported` from a CSV of existing licenses. */
  source: z.enum(LICENSE_SOURCES),
}).meta({ id: 'AdminLicense' });
export type AdminLicense = z.infer<typeof AdminLicense>;

/** A row of the back office's register: also the organization, the article code and where the license came from. */
export const AdminLicenseListItem = LicenseListItem.extend({
  organization: z.object({ id: z.uuid(), shortName: z.string(), inn: z.string() }),
  articleCode: z.string(),
  source: z.enum(LICENSE_SOURCES),
});
export type AdminLicenseListItem = z.infer<typeof AdminLicenseListItem>;
export const AdminLicenseList = paginated(AdminLicenseListItem);
export type AdminLicenseList = z.infer<typeof AdminLicenseList>;
/** The register's search `q` also finds the organization by short name or INN. */
export const AdminLicenseListQuery = LicenseListQuery.extend({
  organizationId: z.uuid().optional(),
  articleId: z.uuid().optional(),
});
export type AdminLicenseListQuery = z.input<typeof AdminLicenseListQuery>;

/** «Отгрузка лицензий»: `serialsCount` serials, each for `quantity` seats. */
export const LicenseIssueBody = z.object({
  organizationId: z.uuid(),
  articleId: z.uuid(),
  quantity: z.number().int().min(1, 'Количество — не меньше 1').max(1_000_000),
  serialsCount: z.number().int().min(1, 'Выпускается хотя бы один серийный номер').max(10_000),
  /** The shipment's document: order, contract, invoice number. */
  reference: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  /**
   * Who gets the login or the notice (seed 000: «на электронный адрес, указанный в форме на отгрузку
   * лицензии»). An address outside the organization's cabinet joins it and is invited; a member keeps their
   * cabinet. Omitted (older integrations): the contact email on the first shipment, later the members only.
   */
  recipientEmail: Email.nullish()
    .transform((v) => v ?? null)
    .meta({
      description:
        'Кому отправить вход в кабинет: адрес не из кабинета организации добавляется в него (при первой отгрузке — владельцем, позже — сотрудником) и получает приглашение; пользователи кабинета получают письмо о новых лицензиях. Если не указан: при первой отгрузке — контактный адрес организации, позже — только пользователи кабинета.',
      example: 'it@romashka.example',
    }),
});
export type LicenseIssueBody = z.input<typeof LicenseIssueBody>;

export const LicenseIssueResponse = z
  .object({
    shipmentId: z.uuid(),
    organizationId: z.uuid(),
    article: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    quantity: z.number().int(),
    reference: z.string().nullable(),
    /** The recipient who joined the organization's cabinet with this shipment and got the login by email. */
    invitedEmail: z.string().nullable(),
    licenses: z.array(z.object({ id: z.uuid(), number: z.number().int(), serial: z.string() })),
  })
  .meta({ id: 'LicenseIssue' });
export type LicenseIssueResponse = z.infer<typeof LicenseIssueResponse>;

/** Sets «Активировано» by hand: the new total, 0…quantity. */
export const ActivationsSetBody = z.object({ count: z.number().int().min(0).max(1_000_000) });
export type ActivationsSetBody = z.infer<typeof ActivationsSetBody>;

/** The activation server reports the current total for a serial; repeating a report changes nothing. */
export const ActivationReportBody = z.object({
  serial: z.string().min(1).max(300),
  activated: z.number().int().min(0).max(1_000_000),
});
export type ActivationReportBody = z.infer<typeof ActivationReportBody>;

export const ActivationReportResponse = z.object({
  serial: z.string(),
  quantity: z.number().int(),
  activated: z.number().int(),
});
export type ActivationReportResponse = z.infer<typeof ActivationReportResponse>;

/** CSV of existing licenses: ИНН; серийный номер; артикул; количество; активировано. */
export const LicenseImportJsonBody = z.object({ csv: z.string().min(1, 'Файл пуст') });
export type LicenseImportJsonBody = z.infer<typeof LicenseImportJsonBody>;

export const LicenseImportRowError = z.object({
  /** Line of the file, counting the header, as a spreadsheet shows it. */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type LicenseImportRowError = z.infer<typeof LicenseImportRowError>;

export const LicenseImportResponse = z.object({
  imported: z.number().int(),
  organizations: z.number().int(),
});
export type LicenseImportResponse = z.infer<typeof LicenseImportResponse>;
