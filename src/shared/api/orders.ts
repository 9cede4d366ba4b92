import { z } from 'zod';
import { ACTIVATION_STATUSES } from './activations';
import { calendarDay, Instant, PageQuery, paginated } from './common';
import { PAYMENT_MODES } from './offers';

/**
 * Seed 002 «Заказы» (2.6, 2.7): orders made automatically on a completed activation, their documents (invoice
 * and УПД as PDF), payments recorded by staff, and the licensor's requisites the documents print.
 */

const CalendarDate = z.iso.date();

export const ORDER_STATUSES = ['accepted', 'shipped'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = { accepted: 'Принят', shipped: 'Отгружен' };

export const PAYMENT_STATUSES = ['pending', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: 'В ожидании',
  paid: 'Оплачено',
};

/**
 * Days to pay an invoice under prepayment terms: the activation already happened, so «Предоплата 100%» means
 * the invoice is due soon, not before. Postpayment uses the organization's N days.
 */
export const PREPAYMENT_DUE_DAYS = 3;

export const DOCUMENT_KINDS = ['invoice', 'upd'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** Seed 2.7 «Документы»: «Заказ покупателя — Счет на оплату», «Расходная накладная — УПД». */
export const DOCUMENT_TITLES: Record<DocumentKind, { title: string; subtitle: string }> = {
  invoice: { title: 'Заказ покупателя', subtitle: 'Счет на оплату' },
  upd: { title: 'Расходная накладная', subtitle: 'УПД' },
};

export const OrderSummary = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** «№ счёта»: `ПГ-118`. */
    invoiceNumber: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationInn: z.string(),
    /** «Дата заказа». */
    orderDate: CalendarDate,
    status: z.enum(ORDER_STATUSES),
    paymentMode: z.enum(PAYMENT_MODES),
    /** «Условия поставки»: `Предоплата 100%` / `Постоплата 5 дней`. */
    paymentTermsLabel: z.string(),
    totalKopecks: z.number().int(),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    dueDate: CalendarDate,
    /** Unpaid after the due date (Moscow time). */
    overdue: z.boolean(),
    /** «Контактное лицо». */
    contactName: z.string().nullable(),
    activationId: z.uuid(),
    activationNumber: z.number().int(),
    vendorName: z.string(),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const ORDER_SORTS = ['number', 'orderDate', 'total'] as const;
export const OrderListQuery = PageQuery.extend({
  /** Search by order №, invoice №, activation № or organization name / INN. */
  q: z.string().trim().max(200).optional(),
  organizationId: z.uuid().optional(),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(ORDER_SORTS).default('number'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type OrderListQuery = z.input<typeof OrderListQuery>;
export const OrderList = paginated(OrderSummary).meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof OrderList>;

export const OrderLine = z.object({
  lineNo: z.number().int(),
  name: z.string(),
  priceKopecks: z.number().int(),
  quantity: z.number().int(),
  amountKopecks: z.number().int(),
  /** `Без НДС` / `НДС 20%`. */
  vatLabel: z.string(),
  vatKopecks: z.number().int(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderDocument = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  date: CalendarDate,
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type OrderDocument = z.infer<typeof OrderDocument>;

export const OrderPayment = z.object({
  id: z.uuid(),
  amountKopecks: z.number().int(),
  paidOn: CalendarDate,
  reference: z.string(),
  recordedByEmail: z.string().nullable(),
  createdAt: Instant,
});
export type OrderPayment = z.infer<typeof OrderPayment>;

export const OrderDetail = OrderSummary.extend({
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  /** «Договор»: `Сублицензионный договор (Предоплата 100%) от 15.12.2025`. */
  contract: z.string(),
  /** «Поставщик Лицензий»: the licensor's short name. */
  supplierName: z.string(),
  lines: z.array(OrderLine),
  vatKopecks: z.number().int(),
  /** «Связанные активации лицензий». */
  activations: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      status: z.enum(ACTIVATION_STATUSES),
      vendorName: z.string(),
      licenseCount: z.number().int(),
      totalKopecks: z.number().int(),
    }),
  ),
  /** Empty until the document job has made them (within minutes; the seed allows 24 hours). */
  documents: z.array(OrderDocument),
  payments: z.array(OrderPayment),
  paidAt: Instant.nullable(),
}).meta({ id: 'OrderDetail' });
export type OrderDetail = z.infer<typeof OrderDetail>;

export const OrderDocumentParams = z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS) });

/** Staff record a payment (with an `Idempotency-Key`); the amount defaults to what is still due. */
export const OrderPaymentBody = z.object({
  paidOn: calendarDay('Введите дату оплаты'),
  reference: z.string().trim().min(1, 'Введите номер платёжного поручения').max(200),
  amountKopecks: z.number().int().positive('Сумма должна быть больше нуля').optional(),
});
export type OrderPaymentBody = z.infer<typeof OrderPaymentBody>;

// ---- The licensor's requisites (the supplier on the invoice and УПД) -----------------------------------

export const LicensorSettings = z
  .object({
    shortName: z.string().trim().min(1, 'Введите краткое наименование').max(200),
    fullName: z.string().trim().min(1, 'Введите полное наименование').max(500),
    inn: z
      .string()
      .trim()
      .regex(/^\d{10}$|^\d{12}$/, 'ИНН: 10 или 12 цифр'),
    kpp: z
      .string()
      .trim()
      .regex(/^\d{9}$/, 'КПП: 9 цифр')
      .or(z.literal('')),
    ogrn: z
      .string()
      .trim()
      .regex(/^\d{13}$|^\d{15}$/, 'ОГРН: 13 или 15 цифр'),
    address: z.string().trim().min(1, 'Введите адрес').max(500),
    phone: z.string().trim().max(100),
    bankName: z.string().trim().min(1, 'Введите банк').max(300),
    bik: z
      .string()
      .trim()
      .regex(/^\d{9}$/, 'БИК: 9 цифр'),
    correspondentAccount: z
      .string()
      .trim()
      .regex(/^\d{20}$/, 'Корр. счёт: 20 цифр'),
    settlementAccount: z
      .string()
      .trim()
      .regex(/^\d{20}$/, 'Расчётный счёт: 20 цифр'),
    director: z.string().trim().min(1, 'Введите руководителя').max(200),
    accountant: z.string().trim().min(1, 'Введите главного бухгалтера').max(200),
    /** The invoice number prefix: `ПГ-` makes `ПГ-118`. */
    invoicePrefix: z.string().trim().max(10),
  })
  .meta({ id: 'LicensorSettings' });
export type LicensorSettings = z.infer<typeof LicensorSettings>;
