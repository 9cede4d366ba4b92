import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INSTALL_METHODS, type InstructionLink, VAT_MODES } from '../../../shared/api/devices';
import { createdAt, enumCheck, id, inValues, kopecks, textEnum, updatedAt } from '../../db/columns';

/**
 * A device maker (seed 002: ООО «Пэй Киоск», ООО «РР-Электро»). An activation is bound to exactly one vendor.
 * Vendors are never deleted: devices, license types and (later) activations refer to them.
 */
export const vendors = pgTable(
  'vendors',
  {
    id: id(),
    /** Short name people see in tables: «Пэй Киоск». */
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    inn: text('inn'),
    kpp: text('kpp'),
    ogrn: text('ogrn').notNull(),
    /** `automatic` (device API) or `file` (a `.slf` installed by hand). */
    installMethod: textEnum('install_method', INSTALL_METHODS).notNull(),
    installNote: text('install_note').notNull().default(''),
    instructionLinks: jsonb('instruction_links').$type<InstructionLink[]>().notNull().default([]),
    /**
     * The vendor's activation endpoint: the activation job POSTs the signed licenses there and the activation
     * is «Выполнена» only on a 2xx answer («Ошибка» with the answer's text otherwise). Null: no call.
     */
    integrationUrl: text('integration_url'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vendors_name_key').on(sql`lower(${t.name})`),
    enumCheck('vendors_install_method_check', t.installMethod, INSTALL_METHODS),
  ],
);

/** A device model of a vendor (NETPAY-ФС). Its vendor is fixed: devices and license types rely on it. */
export const deviceModels = pgTable(
  'device_models',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    name: text('name').notNull(),
    /** Null: the vendor's method. */
    installMethod: textEnum('install_method', INSTALL_METHODS),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('device_models_vendor_name_key').on(t.vendorId, sql`lower(${t.name})`),
    check(
      'device_models_install_method_check',
      sql`${t.installMethod} is null or ${inValues(t.installMethod, INSTALL_METHODS)}`,
    ),
  ],
);

/**
 * «Тип лицензии» (seed 002): the rights bought for a device of the listed models, for `term_months`, with
 * its VAT treatment. Prices live in `license_type_prices`.
 */
export const licenseTypes = pgTable(
  'license_types',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    name: text('name').notNull(),
    termMonths: integer('term_months').notNull(),
    /** `exempt` (пп. 26 п. 2 ст. 149 НК РФ) or `rate` with `vat_rate_percent`. */
    vatMode: textEnum('vat_mode', VAT_MODES).notNull(),
    vatRatePercent: integer('vat_rate_percent'),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('license_types_vendor_idx').on(t.vendorId),
    check('license_types_term_check', sql`${t.termMonths} between 1 and 120`),
    check(
      'license_types_vat_check',
      sql`(${t.vatMode} = 'exempt' and ${t.vatRatePercent} is null) or (${t.vatMode} = 'rate' and ${t.vatRatePercent} between 0 and 100)`,
    ),
  ],
);

export const licenseTypeModels = pgTable(
  'license_type_models',
  {
    licenseTypeId: uuid('license_type_id')
      .notNull()
      .references(() => licenseTypes.id, { onDelete: 'cascade' }),
    modelId: uuid('model_id')
      .notNull()
      .references(() => deviceModels.id),
  },
  (t) => [
    primaryKey({ columns: [t.licenseTypeId, t.modelId] }),
    index('license_type_models_model_idx').on(t.modelId),
  ],
);

/**
 * A price of a license type from a Moscow calendar day on; the price at an instant is the row with the
 * latest `valid_from` not after that instant's Moscow date (`priceAt`). Rows are append-only: a price that
 * is or was in effect is never changed or deleted, so an order can always be explained by this table.
 */
export const licenseTypePrices = pgTable(
  'license_type_prices',
  {
    id: id(),
    licenseTypeId: uuid('license_type_id')
      .notNull()
      .references(() => licenseTypes.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    partnerPriceKopecks: kopecks('partner_price_kopecks').notNull(),
    retailPriceKopecks: kopecks('retail_price_kopecks').notNull(),
    createdBy: uuid('created_by'),
    createdByEmail: text('created_by_email'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('license_type_prices_type_from_key').on(t.licenseTypeId, t.validFrom),
    check(
      'license_type_prices_amounts_check',
      sql`${t.partnerPriceKopecks} >= 0 and ${t.retailPriceKopecks} >= 0`,
    ),
  ],
);
