import { and, eq, ne, sql } from 'drizzle-orm';
import type { OrganizationCreateBody, OrganizationUpdateBody } from '../../../shared/api/organizations';
import { OrganizationFields } from '../../../shared/api/organizations';
import type { OrganizationProgram } from '../../../shared/api/roles';
import { validateRequisites } from '../../../shared/requisites';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getOrganization, type OrganizationRow } from './organization-view';
import { organizations } from './schema';

function requisiteErrors(value: Parameters<typeof validateRequisites>[0]): void {
  const issues = validateRequisites(value);
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION_ERROR',
      issues[0]?.message,
      issues.map((i) => ({ path: i.field, message: i.message })),
    );
  }
}

async function assertInnKppFree(db: Db, inn: string, kpp: string | null, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.inn, inn),
        sql`coalesce(${organizations.kpp}, '') = ${kpp ?? ''}`,
        exceptId ? ne(organizations.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new AppError('CONFLICT', 'Организация с такими ИНН и КПП уже есть', [
      { path: 'inn', message: 'Организация с такими ИНН и КПП уже зарегистрирована' },
    ]);
  }
}

export async function createOrganization(
  db: Db,
  input: OrganizationCreateBody,
  actor: AuditActor,
): Promise<OrganizationRow> {
  const fields = OrganizationFields.parse(input);
  requisiteErrors(fields);
  return db.transaction(async (tx) => {
    await assertInnKppFree(tx, fields.inn, fields.kpp);
    const [row] = await tx
      .insert(organizations)
      .values({ ...fields, status: 'active' })
      .returning();
    if (!row) throw new Error('organization insert returned nothing');
    await recordAudit(tx, {
      actor,
      action: 'org.created',
      organizationId: row.id,
      entityType: 'organization',
      entityId: row.id,
      details: { inn: row.inn, shortName: row.shortName },
    });
    return row;
  });
}

/** Applies a partial update; requisites are re-validated on the merged result, so a patch stays consistent. */
export async function updateOrganization(
  db: Db,
  id: string,
  patch: OrganizationUpdateBody,
  actor: AuditActor,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const current = await getOrganization(tx, id);
    const merged = OrganizationFields.parse({
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    });
    requisiteErrors(merged);
    if (merged.inn !== current.inn || merged.kpp !== current.kpp)
      await assertInnKppFree(tx, merged.inn, merged.kpp, id);
    const changed = Object.keys(merged).filter(
      (key) =>
        JSON.stringify(merged[key as keyof typeof merged]) !==
        JSON.stringify(current[key as keyof OrganizationRow]),
    );
    const [row] = await tx
      .update(organizations)
      .set({ ...merged, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    if (!row) throw new Error('organization update returned nothing');
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor,
        action: 'org.updated',
        organizationId: id,
        entityType: 'organization',
        entityId: id,
        details: { changed },
      });
    }
    return row;
  });
}

export async function setOrganizationStatus(
  db: Db,
  id: string,
  status: 'active' | 'blocked',
  actor: AuditActor,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const current = await getOrganization(tx, id);
    if (current.status === status) return current;
    const [row] = await tx
      .update(organizations)
      .set({ status, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    if (!row) throw new Error('organization update returned nothing');
    await recordAudit(tx, {
      actor,
      action: status === 'blocked' ? 'org.blocked' : 'org.unblocked',
      organizationId: id,
      entityType: 'organization',
      entityId: id,
    });
    return row;
  });
}

/**
 * Turns a program on for an organization inside the caller's transaction (a license shipment opens
 * «Лицензии» in its cabinet, seed 000). Returns whether it was off before.
 */
export async function enableProgram(
  tx: Db,
  organizationId: string,
  program: OrganizationProgram,
  actor: AuditActor,
): Promise<boolean> {
  const rows = await tx
    .update(organizations)
    .set({ programs: sql`array_append(${organizations.programs}, ${program})`, updatedAt: new Date() })
    .where(and(eq(organizations.id, organizationId), sql`not (${program} = any(${organizations.programs}))`))
    .returning({ id: organizations.id });
  if (rows.length === 0) return false;
  await recordAudit(tx, {
    actor,
    action: 'org.updated',
    organizationId,
    entityType: 'organization',
    entityId: organizationId,
    details: { programsAdded: [program] },
  });
  return true;
}
