import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ACTIVATION_STATUSES } from '../../../shared/api/activations';
import { VAT_MODES } from '../../../shared/api/devices';
import { createdAt, enumCheck, id, instant, kopecks, textEnum, updatedAt } from '../../db/columns';
import { devices } from '../devices/schema';
import { organizationRef } from '../organizations/schema';
import { deviceModels, licenseTypes, vendors } from '../vendors/schema';

/**
 * «Активация» (seed 002, section 1): a partner organization's request for licenses for devices of ONE vendor.
 * A request spanning several vendors becomes one activation per vendor. The number people see comes from the
 * gap-free counter `activation`. Status: `in_progress` («В работе») → `done` («Выполнена») or `failed`
 * («Ошибка», with `error`); a failed activation may be retried, which puts it back to `in_progress`.
 */
export const activations = pgTable(
  'activations',
  {
    id: id(),
    number: integer('number').notNull(),
    organizationId: organizationRef(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    status: textEnum('status', ACTIVATION_STATUSES).notNull().default('in_progress'),
    comment: text('comment'),
    /** The vendor integration's error text of the last attempt («Внутренняя ошибка»), shown in red. */
    error: text('error'),
    licenseCount: integer('license_count').notNull(),
    totalKopecks: kopecks('total_kopecks').notNull(),
    /** Processing attempts so far (the job and «Повторить запрос»). */
    attempts: integer('attempts').notNull().default(0),
    /** One POST may create several activations (one per vendor): they share the request id. */
    requestId: uuid('request_id').notNull(),
    createdBy: uuid('created_by'),
    createdByEmail: text('created_by_email'),
    createdByName: text('created_by_name'),
    createdIp: text('created_ip'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: instant('completed_at'),
  },
  (t) => [
    uniqueIndex('activations_number_key').on(t.number),
    index('activations_org_created_idx').on(t.organizationId, t.createdAt),
    index('activations_request_idx').on(t.requestId),
    index('activations_status_idx').on(t.status),
    enumCheck('activations_status_check', t.status, ACTIVATION_STATUSES),
  ],
);

/**
 * One device of an activation with everything copied at the moment of the request (model, license type, price,
 * VAT, term, «Текущая подписка» and the estimated «Новая подписка»), so the activation page and the order never
 * change when the catalog does. `valid_from`/`valid_until`/`license_text`/`kid` are set when the license is
 * signed; `pending` is true while the activation is in progress, and a partial unique index lets a device be in
 * at most one pending activation — the database itself refuses a second one.
 */
export const activationItems = pgTable(
  'activation_items',
  {
    activationId: uuid('activation_id')
      .notNull()
      .references(() => activations.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    /** Input order within the activation. */
    position: integer('position').notNull(),
    serial: text('serial').notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => deviceModels.id),
    modelName: text('model_name').notNull(),
    licenseTypeId: uuid('license_type_id')
      .notNull()
      .references(() => licenseTypes.id),
    licenseTypeName: text('license_type_name').notNull(),
    termMonths: integer('term_months').notNull(),
    priceKopecks: kopecks('price_kopecks').notNull(),
    retailPriceKopecks: kopecks('retail_price_kopecks').notNull(),
    vatMode: textEnum('vat_mode', VAT_MODES).notNull(),
    vatRatePercent: integer('vat_rate_percent'),
    /** «Текущая подписка» when the request was made. */
    previousEnd: date('previous_end', { mode: 'string' }),
    /** «Новая подписка»: the estimate at request time, replaced by the signed end on completion. */
    newEnd: date('new_end', { mode: 'string' }).notNull(),
    pending: boolean('pending').notNull().default(true),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    licenseText: text('license_text'),
    kid: text('kid'),
  },
  (t) => [
    primaryKey({ columns: [t.activationId, t.deviceId] }),
    uniqueIndex('activation_items_pending_device_key').on(t.deviceId).where(sql`${t.pending}`),
    index('activation_items_device_idx').on(t.deviceId),
    // «Поиск по СН» over millions of activations: a prefix match on the normalized serial.
    index('activation_items_serial_prefix_idx').using('btree', t.serial.op('text_pattern_ops')),
  ],
);

/**
 * The license a device holds now (the device check-in API's one-row read): upserted when an activation
 * completes, only ever moving to a later `valid_until`.
 */
export const deviceLicenses = pgTable('device_licenses', {
  deviceId: uuid('device_id')
    .primaryKey()
    .references(() => devices.id),
  activationId: uuid('activation_id')
    .notNull()
    .references(() => activations.id),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  licenseText: text('license_text').notNull(),
  kid: text('kid').notNull(),
  updatedAt: updatedAt(),
});
