import { sql } from 'drizzle-orm';
import {
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
import { VAT_MODES } from '../../../shared/api/devices';
import { PAYMENT_MODES } from '../../../shared/api/offers';
import { DOCUMENT_KINDS, ORDER_STATUSES, PAYMENT_STATUSES } from '../../../shared/api/orders';
import { createdAt, enumCheck, id, instant, kopecks, textEnum, updatedAt } from '../../db/columns';
import { activations } from '../activations/schema';
import { organizationRef } from '../organizations/schema';
import { licenseTypes, vendors } from '../vendors/schema';

/**
 * «Заказ» (seed 002, 2.6): created in the transaction that completes an activation, one per activation.
 * `number` from the counter `order`; the invoice number `ПГ-118` = prefix + the gap-free yearly counter
 * `invoice:<year>`. Status `accepted` («Принят») → `shipped` («Отгружен», once the УПД exists); payment
 * `pending` («В ожидании») → `paid` («Оплачено»). The payment terms, the contract and the customer contact are
 * copied from the moment of the order.
 */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    number: integer('number').notNull(),
    activationId: uuid('activation_id')
      .notNull()
      .references(() => activations.id),
    organizationId: organizationRef(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    invoiceNumber: text('invoice_number').notNull(),
    invoiceYear: integer('invoice_year').notNull(),
    invoiceSeq: integer('invoice_seq').notNull(),
    /** The Moscow calendar day of the order: «Дата заказа», the invoice and УПД date. */
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    status: textEnum('status', ORDER_STATUSES).notNull().default('accepted'),
    paymentStatus: textEnum('payment_status', PAYMENT_STATUSES).notNull().default('pending'),
    paymentMode: textEnum('payment_mode', PAYMENT_MODES).notNull(),
    postpaymentDays: integer('postpayment_days'),
    /** The last day to pay; an unpaid order is overdue from the next Moscow day on. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    totalKopecks: kopecks('total_kopecks').notNull(),
    vatKopecks: kopecks('vat_kopecks').notNull(),
    /** «Договор»: the accepted offer version's title and the acceptance date. */
    contractTitle: text('contract_title').notNull(),
    contractDate: date('contract_date', { mode: 'string' }).notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    paidAt: instant('paid_at'),
    /** When the overdue reminder was last sent (one a day at most). */
    remindedAt: instant('reminded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_activation_key').on(t.activationId),
    uniqueIndex('orders_invoice_key').on(t.invoiceYear, t.invoiceSeq),
    index('orders_org_date_idx').on(t.organizationId, t.orderDate),
    index('orders_unpaid_due_idx').on(t.dueDate).where(sql`${t.paymentStatus} = 'pending'`),
    enumCheck('orders_status_check', t.status, ORDER_STATUSES),
    enumCheck('orders_payment_status_check', t.paymentStatus, PAYMENT_STATUSES),
  ],
);

/** «Содержание заказа»: one line per license type and price, copied from the activation items. */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    licenseTypeId: uuid('license_type_id')
      .notNull()
      .references(() => licenseTypes.id),
    name: text('name').notNull(),
    priceKopecks: kopecks('price_kopecks').notNull(),
    quantity: integer('quantity').notNull(),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    vatMode: textEnum('vat_mode', VAT_MODES).notNull(),
    vatRatePercent: integer('vat_rate_percent'),
    /** VAT included in `amount_kopecks` (0 when exempt). */
    vatKopecks: kopecks('vat_kopecks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] })],
);

/**
 * The order's documents («Счет на оплату», «УПД»): generated once by a job, the PDF bytes kept in the file
 * storage under `storage_key`, so every later download is byte-identical. UPD numbers come from the yearly
 * counter `upd:<year>`.
 */
export const orderDocuments = pgTable(
  'order_documents',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    kind: textEnum('kind', DOCUMENT_KINDS).notNull(),
    number: text('number').notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    storageKey: text('storage_key').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.kind] }),
    enumCheck('order_documents_kind_check', t.kind, DOCUMENT_KINDS),
  ],
);

/**
 * Payments received for an order, append-only (the ledger of this domain): staff record the date and the
 * payment reference; the order's `payment_status` is the cache of «sum of payments ≥ total».
 */
export const orderPayments = pgTable(
  'order_payments',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedByEmail: text('recorded_by_email'),
    createdAt: createdAt(),
  },
  (t) => [
    index('order_payments_order_idx').on(t.orderId),
    check('order_payments_amount_check', sql`${t.amountKopecks} > 0`),
  ],
);
