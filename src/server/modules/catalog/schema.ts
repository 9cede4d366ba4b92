import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PRODUCT_FILE_KINDS } from '../../../shared/api/files';
import { createdAt, enumCheck, id, instant, kopecks, textEnum, updatedAt } from '../../db/columns';

/**
 * The 8 code tables of the serial number (seed 000, «Приложение 1»), one row per code. Reference data: seeded
 * from `src/shared/serial-number/tables.ts` by `ensureReferenceData`, then extended by the operator. Codes are
 * never deleted — serials already issued must keep decoding — only retired.
 */
export const catalogCodes = pgTable(
  'catalog_codes',
  {
    /** `product`, `version`, … (SerialTableKey). */
    tableKey: text('table_key').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    retired: boolean('retired').notNull().default(false),
    /** Display order: the seed's order, operator codes after it. */
    position: integer('position').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tableKey, t.code] })],
);

/** A product's card for customers (seed 000, «Продукты», «Информация»), keyed by its code in table 1. */
export const products = pgTable('products', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  websiteUrl: text('website_url'),
  wikiUrl: text('wiki_url'),
  /** «Техподдержка» contacts of the product (seed 000): shown to licensed customers, copied on new requests. */
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * An article (SKU) `AA-BCDEFFGHHZZ`: the codes of a serial without its date and sequence, a name and a price.
 * Codes are fixed after creation; issued licenses reference the article.
 */
export const articles = pgTable(
  'articles',
  {
    id: id(),
    code: text('code').notNull(),
    productCode: text('product_code').notNull(),
    version: text('version').notNull(),
    subscriptionType: text('subscription_type').notNull(),
    agreement: text('agreement').notNull(),
    licenseType: text('license_type').notNull(),
    period: text('period').notNull(),
    deliveryForm: text('delivery_form').notNull(),
    support: text('support').notNull(),
    articleYear: integer('article_year').notNull(),
    name: text('name').notNull(),
    /** Integer kopecks, RUB (ARCHITECTURE.md, "Money"). */
    priceKopecks: kopecks('price_kopecks').notNull(),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('articles_code_key').on(t.code),
    index('articles_product_idx').on(t.productCode),
    check('articles_price_check', sql`${t.priceKopecks} >= 0`),
  ],
);

/**
 * A product's downloadable file (seed 000, «Скачать» and «Информация»): a distribution with its version and
 * release notes, or a documentation file. The bytes live in the file storage under `storageKey`; the row holds
 * what customers see (size, SHA-256) and is the only way to reach the bytes. Withdrawn files stay for the record.
 */
export const productFiles = pgTable(
  'product_files',
  {
    id: id(),
    productCode: text('product_code').notNull(),
    /** `distribution` («Скачать») or `document` («Информация»). */
    kind: textEnum('kind', PRODUCT_FILE_KINDS).notNull(),
    title: text('title').notNull(),
    /** Distribution version, e.g. `2.5.1`; null for documents. */
    version: text('version'),
    /** Release date shown to customers (a calendar day). */
    releasedOn: date('released_on', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    withdrawnAt: instant('withdrawn_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('product_files_storage_key').on(t.storageKey),
    index('product_files_product_idx').on(t.productCode, t.kind, t.releasedOn),
    enumCheck('product_files_kind_check', t.kind, PRODUCT_FILE_KINDS),
    check('product_files_size_check', sql`${t.sizeBytes} >= 0`),
  ],
);
