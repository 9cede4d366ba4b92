import type { Db } from '../src/server/db/client';
import type { AuthUser } from '../src/server/http/types';
import { createIntegrationToken } from '../src/server/modules/api-tokens/integration-tokens';
import type { AuditActor } from '../src/server/modules/audit/record-audit';
import { findArticle } from '../src/server/modules/catalog/article-view';
import { ensureReferenceData } from '../src/server/modules/catalog/code-tables';
import { saveProduct } from '../src/server/modules/catalog/products';
import { createArticle } from '../src/server/modules/catalog/save-article';
import { users } from '../src/server/modules/identity/schema';
import { createOrganization } from '../src/server/modules/organizations/save-organization';
import { memberships } from '../src/server/modules/organizations/schema';
import type { StaffPermission } from '../src/shared/api/roles';
import { parseArticle } from '../src/shared/serial-number';
import { MAX_SEQUENCE, requisitesFor } from './requisites';

const SYSTEM: AuditActor = { userId: null, email: 'bench', ip: null };

/** The demo's articles (seed 000, «Приложение 1»): serials of several products and versions. */
export const BENCH_ARTICLES = [
  'AO-19619913021',
  'AD-19629913021',
  'AD-F9619913122',
  'AS-19629913024',
] as const;

const PRODUCT_NAMES: Record<string, string> = { AO: 'AlterOffice', AD: 'AlterOS', AS: 'AlterOS Сервер' };

export type LicenseFixtures = {
  articles: Array<{ id: string; code: string }>;
  admin: AuthUser;
  actor: AuditActor;
};

/** Code tables, product cards and the articles licenses are issued for; a staff administrator. */
export async function licenseFixtures(db: Db): Promise<LicenseFixtures> {
  await ensureReferenceData(db);
  for (const [code, name] of Object.entries(PRODUCT_NAMES)) await saveProduct(db, code, { name }, SYSTEM);
  const articles: LicenseFixtures['articles'] = [];
  for (const code of BENCH_ARTICLES) {
    const parsed = parseArticle(code);
    if (!parsed.ok) throw new Error(`bench article ${code}: ${parsed.errors[0]?.message}`);
    const existing = await findArticle(db, { code: parsed.article });
    const id =
      existing?.id ??
      (await createArticle(db, { ...parsed.parts, name: `Артикул ${code}`, priceKopecks: 100_000 }, SYSTEM))
        .id;
    articles.push({ id, code: parsed.article });
  }
  const email = 'bench-admin@bench.example';
  const [row] = await db
    .insert(users)
    .values({ email, name: 'Администратор нагрузки', staffRole: 'admin' })
    .onConflictDoUpdate({ target: users.email, set: { staffRole: 'admin' } })
    .returning();
  if (!row) throw new Error('bench admin insert returned nothing');
  const admin: AuthUser = { id: row.id, email, name: row.name, staffRole: 'admin', status: 'active' };
  return { articles, admin, actor: { userId: admin.id, email, ip: '127.0.0.1' } };
}

/** An integration token of the bench administrator (`Authorization: Bearer kbt_…`). */
export async function benchToken(db: Db, fixtures: LicenseFixtures, permissions: StaffPermission[]) {
  const created = await createIntegrationToken(
    db,
    { name: `bench ${permissions.join(',')}`, permissions },
    { user: fixtures.admin, actor: fixtures.actor },
  );
  return created.token;
}

/**
 * An organization with one owner, so a shipment's notice is one mail (the generated organizations have
 * several users each). `slot` keeps INNs apart: they count down from the top of the bench range.
 */
export async function organizationWithOwner(db: Db, slot: number): Promise<{ id: string; inn: string }> {
  const sequence = MAX_SEQUENCE - slot;
  const organization = await createOrganization(
    db,
    {
      kind: 'legal',
      fullName: `Общество с ограниченной ответственностью «Отгрузка ${slot}»`,
      shortName: `ООО «Отгрузка ${slot}»`,
      ...requisitesFor(sequence),
      legalAddress: 'г. Москва, ул. Тестовая, д. 1',
      email: `office${slot}@issue.bench.example`,
      documentEmails: [`docs${slot}@issue.bench.example`],
      accountantEmail: `buh${slot}@issue.bench.example`,
      contactName: 'Петров Пётр',
      programs: ['licenses'],
    },
    SYSTEM,
  );
  const [owner] = await db
    .insert(users)
    .values({ email: `owner${slot}@issue.bench.example`, name: 'Петров Пётр' })
    .returning({ id: users.id });
  if (!owner) throw new Error('bench owner insert returned nothing');
  await db.insert(memberships).values({ userId: owner.id, organizationId: organization.id, role: 'owner' });
  return { id: organization.id, inn: organization.inn };
}
