import { asc, eq, inArray } from 'drizzle-orm';
import {
  type PartnerAccount,
  type PartnerAccountCreateBody,
  type PartnerTerms,
  type PartnerTermsSaveBody,
  paymentTermsLabel,
} from '../../../shared/api/offers';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { joinOrganization, organizationRef, organizationRefsByIds } from '../organizations/joins';
import { listVendors } from '../vendors/vendor-view';
import { partnerAccounts, partnerTerms } from './schema';

/** An organization's terms as the rules read them; `vendorIds` null means every vendor. */
type TermsFacts = Pick<
  typeof partnerTerms.$inferSelect,
  'mayActivate' | 'paymentMode' | 'postpaymentDays' | 'accountId' | 'vendorIds'
>;

/** The terms an organization has without a row: activation closed, prepayment 100 %, no account. */
export const DEFAULT_TERMS: TermsFacts = {
  mayActivate: false,
  paymentMode: 'prepayment',
  postpaymentDays: null,
  accountId: null,
  /** The vendors whose devices it may activate; null: every vendor. */
  vendorIds: null,
};

export type PartnerTermsFacts = TermsFacts & { organizationId: string };

/** Terms of several organizations at once (the «Выберите организацию» screen), defaults filled in. */
export async function partnerTermsOf(
  db: Db,
  organizationIds: string[],
): Promise<Map<string, PartnerTermsFacts>> {
  const rows =
    organizationIds.length === 0
      ? []
      : await db.select().from(partnerTerms).where(inArray(partnerTerms.organizationId, organizationIds));
  const byId = new Map(rows.map((r) => [r.organizationId, r]));
  return new Map(
    organizationIds.map((organizationId) => {
      const row = byId.get(organizationId);
      return [
        organizationId,
        row
          ? {
              organizationId,
              mayActivate: row.mayActivate,
              paymentMode: row.paymentMode,
              postpaymentDays: row.postpaymentDays,
              accountId: row.accountId,
              vendorIds: row.vendorIds ?? null,
            }
          : { organizationId, ...DEFAULT_TERMS },
      ];
    }),
  );
}

/**
 * The organizations whose unpaid overdue orders count for this one (seed 002: the licensor «оставляет за
 * собой право блокировать … для всех Организаций, привязанных к учетной записи ЛКП»): its account's
 * organizations, or just itself without an account.
 */
export async function accountOrganizationIds(db: Db, organizationId: string): Promise<string[]> {
  const [own] = await db
    .select({ accountId: partnerTerms.accountId })
    .from(partnerTerms)
    .where(eq(partnerTerms.organizationId, organizationId));
  if (!own?.accountId) return [organizationId];
  const rows = await db
    .select({ id: partnerTerms.organizationId })
    .from(partnerTerms)
    .where(eq(partnerTerms.accountId, own.accountId));
  return rows.map((r) => r.id);
}

/**
 * For the activation flow, inside its transaction: the operator must have opened activation for the
 * organization (seed 002, 2.2). Returns the terms the order copies (payment mode and days).
 */
export async function requirePartnerMayActivate(tx: Db, organizationId: string): Promise<PartnerTermsFacts> {
  const terms = (await partnerTermsOf(tx, [organizationId])).get(organizationId);
  if (!terms?.mayActivate) throw new AppError('ACTIVATION_NOT_ALLOWED');
  return terms;
}

export async function getPartnerTerms(db: Db, organizationId: string): Promise<PartnerTerms> {
  const [organization] = await organizationRefsByIds(db, [organizationId]);
  if (!organization) throw notFound('Организация не найдена');
  const [row] = await db
    .select({ terms: partnerTerms, accountName: partnerAccounts.name })
    .from(partnerTerms)
    .leftJoin(partnerAccounts, eq(partnerAccounts.id, partnerTerms.accountId))
    .where(eq(partnerTerms.organizationId, organizationId));
  const terms = row?.terms;
  const paymentMode = terms?.paymentMode ?? DEFAULT_TERMS.paymentMode;
  const postpaymentDays = terms?.postpaymentDays ?? null;
  return {
    organizationId,
    mayActivate: terms?.mayActivate ?? DEFAULT_TERMS.mayActivate,
    paymentMode,
    postpaymentDays,
    paymentTermsLabel: paymentTermsLabel(paymentMode, postpaymentDays),
    accountId: terms?.accountId ?? null,
    accountName: row?.accountName ?? null,
    accountOrganizations: await organizationRefsByIds(db, await accountOrganizationIds(db, organizationId)),
    vendorIds: terms?.vendorIds ?? null,
    updatedAt: terms?.updatedAt.toISOString() ?? null,
  };
}

export async function savePartnerTerms(
  db: Db,
  organizationId: string,
  input: PartnerTermsSaveBody,
  actor: AuditActor,
): Promise<PartnerTerms> {
  await db.transaction(async (tx) => {
    const [organization] = await organizationRefsByIds(tx, [organizationId]);
    if (!organization) throw notFound('Организация не найдена');
    if (input.accountId) {
      const [account] = await tx
        .select({ id: partnerAccounts.id })
        .from(partnerAccounts)
        .where(eq(partnerAccounts.id, input.accountId));
      if (!account)
        throw new AppError('VALIDATION_ERROR', 'Учётная запись не найдена', [
          { path: 'accountId', message: 'Выберите учётную запись из списка' },
        ]);
    }
    if (input.vendorIds && input.vendorIds.length > 0) {
      const wanted = new Set(input.vendorIds);
      const found = await listVendors(tx, [...wanted]);
      if (found.length !== wanted.size)
        throw new AppError('VALIDATION_ERROR', 'Вендор не найден', [
          { path: 'vendorIds', message: 'Выберите вендоров из списка' },
        ]);
    }
    const values = {
      mayActivate: input.mayActivate,
      paymentMode: input.paymentMode,
      postpaymentDays: input.postpaymentDays,
      accountId: input.accountId,
      ...(input.vendorIds !== undefined
        ? { vendorIds: input.vendorIds === null ? null : [...new Set(input.vendorIds)] }
        : {}),
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(partnerTerms)
      .values({ organizationId, ...values })
      .onConflictDoUpdate({ target: partnerTerms.organizationId, set: values });
    await recordAudit(tx, {
      actor,
      action: 'partner_terms.updated',
      organizationId,
      entityType: 'organization',
      entityId: organizationId,
      details: { ...input },
    });
  });
  return getPartnerTerms(db, organizationId);
}

export async function listPartnerAccounts(db: Db): Promise<PartnerAccount[]> {
  const [accounts, members] = await Promise.all([
    db.select().from(partnerAccounts).orderBy(asc(partnerAccounts.name)),
    db
      .select({
        accountId: partnerTerms.accountId,
        id: organizationRef.id,
        shortName: organizationRef.shortName,
        inn: organizationRef.inn,
      })
      .from(partnerTerms)
      .innerJoin(...joinOrganization(partnerTerms.organizationId))
      .orderBy(asc(organizationRef.shortName)),
  ]);
  return accounts.map((account) => ({
    id: account.id,
    name: account.name,
    organizations: members
      .filter((m) => m.accountId === account.id)
      .map(({ id, shortName, inn }) => ({ id, shortName, inn })),
  }));
}

export async function createPartnerAccount(
  db: Db,
  input: PartnerAccountCreateBody,
  actor: AuditActor,
): Promise<PartnerAccount> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(partnerAccounts).values({ name: input.name }).returning();
    if (!row) throw new Error('partner account insert returned nothing');
    await recordAudit(tx, {
      actor,
      action: 'partner_accounts.created',
      entityType: 'partner_account',
      entityId: row.id,
      details: { name: input.name },
    });
    return { id: row.id, name: row.name, organizations: [] };
  });
}
