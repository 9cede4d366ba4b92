import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PAYMENT_MODES } from '../../../shared/api/offers';
import { createdAt, id, instant, textEnum, updatedAt } from '../../db/columns';
import { organizationRef, organizations } from '../organizations/schema';

/**
 * A version (редакция) of the sublicense contract offer (seed 002, «2.3 Акцепт договора»). A draft
 * (`published_at` null) may be edited; a published version is frozen, since acceptances point at it.
 * The current version is the latest one published at or before now.
 */
export const offerVersions = pgTable(
  'offer_versions',
  {
    id: id(),
    title: text('title').notNull(),
    url: text('url'),
    text: text('text'),
    publishedAt: instant('published_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('offer_versions_published_idx').on(t.publishedAt),
    check('offer_versions_content_check', sql`${t.url} is not null or ${t.text} is not null`),
  ],
);

/** An organization accepted a version: who (user), when, from which address. One row per version and organization. */
export const offerAcceptances = pgTable(
  'offer_acceptances',
  {
    id: id(),
    offerVersionId: uuid('offer_version_id')
      .notNull()
      .references(() => offerVersions.id),
    organizationId: organizationRef({ onDelete: 'cascade' }),
    userId: uuid('user_id'),
    userEmail: text('user_email'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    acceptedAt: instant('accepted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('offer_acceptances_version_org_key').on(t.offerVersionId, t.organizationId),
    index('offer_acceptances_org_idx').on(t.organizationId),
  ],
);

/**
 * «Учётная запись ЛКП» of a partner (seed 002, «Организация Партнера»): the organizations one partner works
 * for. The operator groups them explicitly — memberships alone cannot tell a partner's own organizations
 * from an accountant who serves unrelated ones.
 */
export const partnerAccounts = pgTable('partner_accounts', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** A partner organization's terms; no row means the defaults (no activation, prepayment, no account). */
export const partnerTerms = pgTable(
  'partner_terms',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    mayActivate: boolean('may_activate').notNull().default(false),
    /** `prepayment` (100 %) or `postpayment` within `postpayment_days`. */
    paymentMode: textEnum('payment_mode', PAYMENT_MODES).notNull().default('prepayment'),
    postpaymentDays: integer('postpayment_days'),
    accountId: uuid('account_id').references(() => partnerAccounts.id),
    /** The vendors whose devices the organization may activate; null: every vendor. */
    vendorIds: uuid('vendor_ids').array(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('partner_terms_account_idx').on(t.accountId),
    check(
      'partner_terms_payment_check',
      sql`(${t.paymentMode} = 'prepayment' and ${t.postpaymentDays} is null) or (${t.paymentMode} = 'postpayment' and ${t.postpaymentDays} between 1 and 365)`,
    ),
  ],
);
