import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORGANIZATION_KINDS } from '../../../shared/api/organizations';
import { MEMBERSHIP_ROLES, ORGANIZATION_PROGRAMS, ORGANIZATION_STATUSES } from '../../../shared/api/roles';
import { createdAt, id, textEnum, updatedAt } from '../../db/columns';
import { users } from '../identity/schema';

/** A customer or partner legal entity (юрлицо or ИП) with its requisites. */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    kind: textEnum('kind', ORGANIZATION_KINDS).notNull(),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull(),
    inn: text('inn').notNull(),
    kpp: text('kpp'),
    ogrn: text('ogrn').notNull(),
    legalAddress: text('legal_address').notNull(),
    postalAddress: text('postal_address'),
    bankName: text('bank_name').notNull(),
    bik: text('bik').notNull(),
    corrAccount: text('corr_account').notNull(),
    settlementAccount: text('settlement_account').notNull(),
    email: text('email').notNull(),
    documentEmails: text('document_emails').array().notNull().default(sql`'{}'::text[]`),
    accountantEmail: text('accountant_email'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    programs: textEnum('programs', ORGANIZATION_PROGRAMS).array().notNull().default(sql`'{}'::text[]`),
    status: textEnum('status', ORGANIZATION_STATUSES).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One INN may have several KPPs (branches); the pair is unique.
    uniqueIndex('organizations_inn_kpp_key').on(t.inn, sql`coalesce(${t.kpp}, '')`),
    index('organizations_short_name_idx').on(sql`lower(${t.shortName})`),
  ],
);

/**
 * The `organization_id` column every tenant-owned table carries: not null, a foreign key to `organizations`
 * (with `onDelete: 'cascade'` where the rows mean nothing without their organization).
 */
export const organizationRef = (options: { onDelete?: 'cascade' } = {}) =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, options);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: organizationRef({ onDelete: 'cascade' }),
    role: textEnum('role', MEMBERSHIP_ROLES).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organizationId] }),
    index('memberships_organization_idx').on(t.organizationId),
  ],
);
