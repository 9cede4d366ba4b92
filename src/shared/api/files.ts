import { z } from 'zod';
import { calendarDay, Instant } from './common';

/**
 * Product files (seed 000): «Скачать» — distributions of the products an organization holds licenses for, each
 * version with its date, size, SHA-256 and notes; «Информация» — per product its wiki, site and documentation
 * files. The operator uploads them in the back office («Файлы продуктов»).
 */

export const PRODUCT_FILE_KINDS = ['distribution', 'document'] as const;
export const ProductFileKind = z.enum(PRODUCT_FILE_KINDS);
export type ProductFileKind = z.infer<typeof ProductFileKind>;

const Title = z
  .string()
  .trim()
  .min(1, 'Введите название файла')
  .max(200, 'Название — не длиннее 200 символов');
/** Empty means «no version»: form fields arrive as strings. */
const Version = z.string().trim().max(50, 'Версия — не длиннее 50 символов');
const ReleasedOn = calendarDay('Дата выпуска — в формате ГГГГ-ММ-ДД');
const Notes = z.string().trim().max(10_000, 'Описание изменений — не длиннее 10 000 символов');

export const DISTRIBUTION_VERSION_REQUIRED = 'Укажите версию дистрибутива';

/**
 * The metadata of an upload: multipart fields sent **before** the file part (the server checks them before it
 * reads a byte of the file). A distribution needs a version; the release date defaults to today (Moscow).
 */
export const ProductFileUploadFields = z
  .object({
    kind: ProductFileKind,
    title: Title,
    version: Version.optional(),
    releasedOn: ReleasedOn.optional(),
    notes: Notes.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'distribution' && !value.version)
      ctx.addIssue({ code: 'custom', path: ['version'], message: DISTRIBUTION_VERSION_REQUIRED });
  });
export type ProductFileUploadFields = z.input<typeof ProductFileUploadFields>;

/** Metadata an operator may change later; the bytes and the kind stay (a new build is a new upload). */
export const ProductFileUpdateBody = z.object({
  title: Title.optional(),
  version: Version.nullable().optional(),
  releasedOn: ReleasedOn.optional(),
  notes: Notes.optional(),
});
export type ProductFileUpdateBody = z.infer<typeof ProductFileUpdateBody>;

/** A file as customers see it. */
export const ProductFile = z
  .object({
    id: z.uuid(),
    title: z.string(),
    version: z.string().nullable(),
    /** Calendar day `YYYY-MM-DD`; shown as dd.mm.yyyy. */
    releasedOn: z.string(),
    notes: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    /** Lower-case hex; also the download's ETag. */
    sha256: z.string(),
  })
  .meta({ id: 'ProductFile' });
export type ProductFile = z.infer<typeof ProductFile>;

/** A file as staff see it: withdrawn files stay listed. */
export const AdminProductFile = ProductFile.extend({
  productCode: z.string(),
  kind: ProductFileKind,
  withdrawnAt: Instant.nullable(),
  createdAt: Instant,
}).meta({ id: 'AdminProductFile' });
export type AdminProductFile = z.infer<typeof AdminProductFile>;
export const AdminProductFileList = z.object({
  items: z.array(AdminProductFile),
  /** The server's `UPLOAD_LIMIT_MB` in bytes, so the form refuses a bigger file before sending it. */
  uploadLimitBytes: z.number().int(),
});
export type AdminProductFileList = z.infer<typeof AdminProductFileList>;

/** «Скачать»: one block per licensed product, its distributions newest first. */
export const ProductDownloads = z.object({
  code: z.string(),
  name: z.string(),
  files: z.array(ProductFile),
});
export type ProductDownloads = z.infer<typeof ProductDownloads>;
export const DownloadsResponse = z.object({ items: z.array(ProductDownloads) });
export type DownloadsResponse = z.infer<typeof DownloadsResponse>;

/** «Информация»: per licensed product its wiki («Информация по …»), site and documentation files. */
export const ProductInformation = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  wikiUrl: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  documents: z.array(ProductFile),
});
export type ProductInformation = z.infer<typeof ProductInformation>;
export const InformationResponse = z.object({ items: z.array(ProductInformation) });
export type InformationResponse = z.infer<typeof InformationResponse>;

/** Where a customer downloads a file (a plain link: the session cookie goes with it). */
export function customerDownloadPath(id: string): string {
  return `/api/v1/files/${encodeURIComponent(id)}/download`;
}

/** Where staff download any file, withdrawn ones included. */
export function staffDownloadPath(id: string): string {
  return `/api/v1/admin/catalog/files/${encodeURIComponent(id)}/download`;
}
