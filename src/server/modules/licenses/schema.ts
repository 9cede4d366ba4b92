import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LICENSE_SOURCES } from '../../../shared/api/licenses';
import { createdAt, id, instant, textEnum, updatedAt } from '../../db/columns';
import { articles } from '../catalog/schema';
import { organizationRef } from '../organizations/schema';

/** One «отгрузка» (seed 000): the licenses issued to an organization by one request. */
export const licenseShipments = pgTable(
  'license_shipments',
  {
    id: id(),
    organizationId: organizationRef(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    quantity: integer('quantity').notNull(),
    serialsCount: integer('serials_count').notNull(),
    reference: text('reference'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('license_shipments_org_idx').on(t.organizationId, t.createdAt)],
);

/**
 * A customer license: one serial number `YY-AA-BCDEFFGHHZZ-DDD-NNNN` for `quantity` seats, of which `activated`
 * are in use (seed 000, the license table). `number` is the organization's own readable «ID».
 */
export const licenses = pgTable(
  'licenses',
  {
    id: id(),
    organizationId: organizationRef(),
    number: bigint('number', { mode: 'number' }).notNull(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    serial: text('serial').notNull(),
    quantity: integer('quantity').notNull(),
    activated: integer('activated').notNull().default(0),
    reference: text('reference'),
    shipmentId: uuid('shipment_id').references(() => licenseShipments.id),
    /** `issued` by Kabinet or `imported` from a CSV of licenses issued before it. */
    source: textEnum('source', LICENSE_SOURCES).notNull(),
    /** Generation time (for imported serials: the serial's Moscow day). */
    issuedAt: instant('issued_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('licenses_serial_key').on(t.serial),
    // «Поиск по серийному номеру» by any fragment, in any spelling (list-licenses.ts): `like '%…%'` on the
    // serial without dashes, through trigrams (the pg_trgm extension, migration 0004).
    index('licenses_serial_search_idx').using('gin', sql`replace(${t.serial}, '-', '') gin_trgm_ops`),
    uniqueIndex('licenses_org_number_key').on(t.organizationId, t.number),
    index('licenses_article_idx').on(t.articleId),
    check('licenses_quantity_check', sql`${t.quantity} >= 1`),
    check('licenses_activated_check', sql`${t.activated} >= 0 and ${t.activated} <= ${t.quantity}`),
  ],
);
