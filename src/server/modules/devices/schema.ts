import {
  bigint,
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
import {
  DEVICE_IMPORT_FORMATS,
  DEVICE_IMPORT_STATUSES,
  type DeviceImportRowError,
} from '../../../shared/api/devices';
import { createdAt, enumCheck, id, instant, textEnum, updatedAt } from '../../db/columns';
import { deviceModels } from '../vendors/schema';

/**
 * The device registry (seed 002): a serial number identifies a device of a model (and so of a vendor) and
 * carries its «Текущая подписка» — the end of the last license activated on it. Serials are stored
 * normalized (`normalizeDeviceSerial`).
 */
export const devices = pgTable(
  'devices',
  {
    id: id(),
    serial: text('serial').notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => deviceModels.id),
    /** A Moscow calendar day; null while the device never had a license. */
    subscriptionEnd: date('subscription_end', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('devices_serial_key').on(t.serial),
    // «Поиск по СН» matches a prefix: `serial like 'Q%'` can use this index whatever the collation.
    index('devices_serial_prefix_idx').using('btree', t.serial.op('text_pattern_ops')),
    index('devices_model_idx').on(t.modelId),
  ],
);

/**
 * One upload of the registry (CSV or XLSX) and its progress, which the back office polls. The file is in
 * the file storage under `storage_key` until the import ends.
 */
export const deviceImports = pgTable(
  'device_imports',
  {
    id: id(),
    fileName: text('file_name').notNull(),
    format: textEnum('format', DEVICE_IMPORT_FORMATS).notNull(),
    storageKey: text('storage_key'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** queued → reading → applying → completed, or failed (nothing applied). */
    status: textEnum('status', DEVICE_IMPORT_STATUSES).notNull().default('queued'),
    /** Each run of the job takes the next number; staging rows and progress belong to one attempt. */
    attempt: integer('attempt').notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    totalRows: integer('total_rows'),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').$type<DeviceImportRowError[]>().notNull().default([]),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdByEmail: text('created_by_email'),
    createdIp: text('created_ip'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('device_imports_created_idx').on(t.createdAt),
    enumCheck('device_imports_status_check', t.status, DEVICE_IMPORT_STATUSES),
    enumCheck('device_imports_format_check', t.format, DEVICE_IMPORT_FORMATS),
  ],
);

/**
 * Staging for an import: valid rows of one attempt are written here in batches while the file is read;
 * one transaction then merges them into `devices` and deletes them. A crash leaves only staging rows of an
 * unfinished attempt, which the next attempt deletes — the registry never sees half a file.
 */
export const deviceImportRows = pgTable(
  'device_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => deviceImports.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    row: integer('row').notNull(),
    serial: text('serial').notNull(),
    modelId: uuid('model_id').notNull(),
    subscriptionEnd: date('subscription_end', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.importId, t.attempt, t.row] })],
);
