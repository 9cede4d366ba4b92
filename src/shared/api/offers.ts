import { z } from 'zod';
import { HttpUrl, Instant, RequestInstant } from './common';

/**
 * The sublicense contract offer (seed 002, «2.3 Акцепт договора»): versions the operator publishes, the
 * current one, its acceptance by an organization; and each partner organization's commercial terms
 * (may activate, prepayment or postpayment, the «account» its organizations share).
 */

export const OfferVersion = z
  .object({
    id: z.uuid(),
    title: z.string(),
    /** Where the full text lives («размещённой в сети Интернет по адресу …»), or null when `text` holds it. */
    url: z.string().nullable(),
    text: z.string().nullable(),
    /** When the version takes effect; null while it is a draft. */
    publishedAt: Instant.nullable(),
    /** In effect now: the latest version published at or before now. */
    isCurrent: z.boolean(),
    acceptancesCount: z.number().int(),
    createdAt: Instant,
  })
  .meta({ id: 'OfferVersion' });
export type OfferVersion = z.infer<typeof OfferVersion>;
export const OfferVersionList = z.object({ items: z.array(OfferVersion) });
export type OfferVersionList = z.infer<typeof OfferVersionList>;

export const OfferSaveBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'Введите название редакции')
      .max(300)
      .meta({ example: 'Сублицензионный договор (оферта), редакция от 15.12.2025' }),
    url: HttpUrl.nullish().transform((v) => v ?? null),
    text: z
      .string()
      .trim()
      .max(200_000)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((value, ctx) => {
    if (!value.url && !value.text)
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'Укажите ссылку на текст оферты или сам текст',
      });
  });
export type OfferSaveBody = z.input<typeof OfferSaveBody>;

/** Without `publishedAt` the version takes effect now; a later instant schedules it. */
export const OfferPublishBody = z.object({ publishedAt: RequestInstant.optional() });
export type OfferPublishBody = z.infer<typeof OfferPublishBody>;

export const OfferAcceptance = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  inn: z.string(),
  userId: z.uuid().nullable(),
  userEmail: z.string().nullable(),
  userName: z.string().nullable(),
  acceptedAt: Instant,
  ip: z.string().nullable(),
});
export type OfferAcceptance = z.infer<typeof OfferAcceptance>;
export const OfferAcceptanceList = z.object({ items: z.array(OfferAcceptance) });
export type OfferAcceptanceList = z.infer<typeof OfferAcceptanceList>;

/** What the partner sees before activating: the current version and whether the organization accepted it. */
export const CurrentOfferResponse = z
  .object({
    offer: OfferVersion.pick({ id: true, title: true, url: true, text: true, publishedAt: true }).nullable(),
    accepted: z.boolean(),
    acceptedAt: Instant.nullable(),
    acceptedByEmail: z.string().nullable(),
  })
  .meta({ id: 'CurrentOffer' });
export type CurrentOfferResponse = z.infer<typeof CurrentOfferResponse>;

/** The version the person read: accepting answers 409 when a newer one took effect meanwhile. */
export const OfferAcceptBody = z.object({ versionId: z.uuid() });
export type OfferAcceptBody = z.infer<typeof OfferAcceptBody>;

// ---- Partner terms -------------------------------------------------------------------------------------

/** «Условия поставки» of an order (seed 002, «Заказы»): «Предоплата 100%» or «Постоплата N дней». */
export const PAYMENT_MODES = ['prepayment', 'postpayment'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

const OrganizationRef = z.object({ id: z.uuid(), shortName: z.string(), inn: z.string() });

export const PartnerTerms = z
  .object({
    organizationId: z.uuid(),
    /** The operator opened license activation for the organization (seed 002, «2.2»). */
    mayActivate: z.boolean(),
    paymentMode: z.enum(PAYMENT_MODES),
    postpaymentDays: z.number().int().nullable(),
    /** `Предоплата 100%` / `Постоплата 5 дней`. */
    paymentTermsLabel: z.string(),
    accountId: z.uuid().nullable(),
    accountName: z.string().nullable(),
    /** Every organization of the same account, this one included (just this one without an account). */
    accountOrganizations: z.array(OrganizationRef),
    /** The vendors whose devices the organization may activate; null: every vendor. */
    vendorIds: z.array(z.uuid()).nullable(),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'PartnerTerms' });
export type PartnerTerms = z.infer<typeof PartnerTerms>;

export const PartnerTermsSaveBody = z
  .object({
    mayActivate: z.boolean(),
    paymentMode: z.enum(PAYMENT_MODES),
    postpaymentDays: z.number().int().min(1, 'Не меньше 1 дня').max(365, 'Не больше 365 дней').nullable(),
    accountId: z.uuid().nullable(),
    /** Absent: left as it is; null: every vendor; a list: only these vendors' devices. */
    vendorIds: z.array(z.uuid()).max(100).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.paymentMode === 'postpayment' && value.postpaymentDays === null)
      ctx.addIssue({ code: 'custom', path: ['postpaymentDays'], message: 'Укажите срок отсрочки в днях' });
    if (value.paymentMode === 'prepayment' && value.postpaymentDays !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['postpaymentDays'],
        message: 'При предоплате срок отсрочки не указывается',
      });
  });
export type PartnerTermsSaveBody = z.infer<typeof PartnerTermsSaveBody>;

/**
 * A partner's «учётная запись ЛКП» as the seed's overdue rule means it: the organizations one partner works
 * for. An unpaid overdue order of one of them may stop activation for all of them.
 */
export const PartnerAccount = z
  .object({ id: z.uuid(), name: z.string(), organizations: z.array(OrganizationRef) })
  .meta({ id: 'PartnerAccount' });
export type PartnerAccount = z.infer<typeof PartnerAccount>;
export const PartnerAccountList = z.object({ items: z.array(PartnerAccount) });
export type PartnerAccountList = z.infer<typeof PartnerAccountList>;
export const PartnerAccountCreateBody = z.object({
  name: z.string().trim().min(1, 'Введите название учётной записи').max(200),
});
export type PartnerAccountCreateBody = z.infer<typeof PartnerAccountCreateBody>;

/** `Предоплата 100%` or `Постоплата 5 дней` (Russian plural of «день»). */
export function paymentTermsLabel(mode: PaymentMode, days: number | null): string {
  if (mode === 'prepayment') return 'Предоплата 100%';
  const n = days ?? 0;
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? 'день'
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? 'дня'
        : 'дней';
  return `Постоплата ${n} ${word}`;
}
