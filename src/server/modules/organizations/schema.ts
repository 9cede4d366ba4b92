import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns';
import { users } from '../identity/schema';

/** A customer or partner legal entity (юрлицо or ИП) with its requisites. */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    kind: text('kind').notNull(),
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
    programs: text('programs').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One INN may have several KPPs (branches); the pair is unique.
    uniqueIndex('organizations_inn_kpp_key').on(t.inn, sql`coalesce(${t.kpp}, '')`),
    index('organizations_short_name_idx').on(sql`lower(${t.shortName})`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organizationId] }),
    index('memberships_organization_idx').on(t.organizationId),
  ],
);
