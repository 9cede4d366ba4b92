import { eq, inArray } from 'drizzle-orm';
import type { OrganizationResponse } from '../../../shared/api/organizations';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { organizations } from './schema';

export type OrganizationRow = typeof organizations.$inferSelect;

export function toOrganizationResponse(row: OrganizationRow): OrganizationResponse {
  return {
    id: row.id,
    kind: row.kind,
    fullName: row.fullName,
    shortName: row.shortName,
    inn: row.inn,
    kpp: row.kpp,
    ogrn: row.ogrn,
    legalAddress: row.legalAddress,
    postalAddress: row.postalAddress,
    bankName: row.bankName,
    bik: row.bik,
    corrAccount: row.corrAccount,
    settlementAccount: row.settlementAccount,
    email: row.email,
    documentEmails: row.documentEmails,
    accountantEmail: row.accountantEmail,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    programs: row.programs,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Staff-side lookup by id; customer-side code reaches organizations only through the tenant scope. */
export async function getOrganization(db: Db, id: string): Promise<OrganizationRow> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  if (!row) throw notFound('Организация не найдена');
  return row;
}

/** Organizations by INN (several when branches differ by KPP), for imports keyed by INN. */
export async function findOrganizationsByInn(db: Db, inns: string[]): Promise<OrganizationRow[]> {
  if (inns.length === 0) return [];
  return db.select().from(organizations).where(inArray(organizations.inn, inns));
}

/**
 * Locks the organization's row for the caller's transaction: work that must happen once per organization
 * (its first license shipment creates its first user) queues behind it.
 */
export async function lockOrganization(tx: Db, id: string): Promise<OrganizationRow> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  if (!row) throw notFound('Организация не найдена');
  return row;
}

/** Recipients of closing documents: the document emails plus the accountant's (seed 001). */
export function documentRecipients(row: OrganizationRow): string[] {
  const all = [...row.documentEmails, row.accountantEmail ?? '', row.email].filter(Boolean);
  return [...new Set(all.map((a) => a.toLowerCase()))];
}
