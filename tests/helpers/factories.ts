import { randomInt } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { findArticle } from '../../src/server/modules/catalog/article-view';
import { saveProduct } from '../../src/server/modules/catalog/products';
import { createArticle as saveArticle } from '../../src/server/modules/catalog/save-article';
import { hashPassword } from '../../src/server/modules/identity/passwords';
import { users } from '../../src/server/modules/identity/schema';
import { createOrganization } from '../../src/server/modules/organizations/save-organization';
import { memberships } from '../../src/server/modules/organizations/schema';
import type { OrganizationCreateBody } from '../../src/shared/api/organizations';
import type { MembershipRole, StaffRole } from '../../src/shared/api/roles';
import { checkInn, checkOgrn } from '../../src/shared/requisites';
import { parseArticle } from '../../src/shared/serial-number';

export const PASSWORD = 'correct-horse-42';
let passwordHash: Promise<string> | null = null;

function withControlDigit(prefix: string, check: (value: string) => { ok: boolean }): string {
  for (let d = 0; d <= 9; d++) if (check(`${prefix}${d}`).ok) return `${prefix}${d}`;
  throw new Error(`no control digit for ${prefix}`);
}

/** A random legal entity with requisites that pass the real checksums. */
export function organizationInput(overrides: Partial<OrganizationCreateBody> = {}): OrganizationCreateBody {
  let inn = '';
  while (!inn) {
    try {
      inn = withControlDigit(`77${String(randomInt(10_000_000)).padStart(7, '0')}`, checkInn);
    } catch {
      inn = '';
    }
  }
  const ogrn = withControlDigit(`1027700${String(randomInt(100_000)).padStart(5, '0')}`, checkOgrn);
  return {
    kind: 'legal',
    fullName: `Общество с ограниченной ответственностью «Тест ${inn}»`,
    shortName: `ООО «Тест ${inn}»`,
    inn,
    kpp: '770101001',
    ogrn,
    legalAddress: 'г. Москва, ул. Тестовая, д. 1',
    bankName: 'ПАО Сбербанк',
    bik: '044525225',
    corrAccount: '30101810400000000225',
    settlementAccount: '40702810200000012345',
    email: `org${inn}@example.test`,
    documentEmails: [`docs${inn}@example.test`],
    accountantEmail: `buh${inn}@example.test`,
    contactName: 'Иванов Иван',
    programs: ['licenses'],
    ...overrides,
  };
}

const SYSTEM = { userId: null, email: 'test', ip: null };

export async function createOrg(db: Db, overrides: Partial<OrganizationCreateBody> = {}) {
  return createOrganization(db, organizationInput(overrides), SYSTEM);
}

export async function createUser(
  db: Db,
  options: {
    email?: string;
    password?: string | null;
    staffRole?: StaffRole;
    name?: string;
    memberOf?: Array<[string, MembershipRole]>;
  } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const hash =
    options.password === null
      ? null
      : options.password
        ? await hashPassword(options.password)
        : await passwordHash;
  const email = options.email ?? `user${randomInt(1e9)}@example.test`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: options.name ?? 'Тестовый Пользователь',
      staffRole: options.staffRole ?? null,
      passwordHash: hash,
    })
    .returning();
  if (!user) throw new Error('user insert failed');
  for (const [organizationId, role] of options.memberOf ?? []) {
    await db.insert(memberships).values({ userId: user.id, organizationId, role });
  }
  return user;
}

/** An article (SKU) by its code, e.g. `AO-19619913021`; returns the existing one when the code is taken. */
export async function createArticle(
  db: Db,
  code = 'AO-19619913021',
  overrides: { name?: string; priceKopecks?: number } = {},
) {
  const parsed = parseArticle(code);
  if (!parsed.ok) throw new Error(`bad test article ${code}: ${parsed.errors[0]?.message}`);
  const existing = await findArticle(db, { code: parsed.article });
  if (existing) return existing;
  const created = await saveArticle(
    db,
    {
      ...parsed.parts,
      name: overrides.name ?? `Артикул ${code}`,
      priceKopecks: overrides.priceKopecks ?? 100_000,
    },
    SYSTEM,
  );
  const row = await findArticle(db, { id: created.id });
  if (!row) throw new Error('article vanished');
  return row;
}

/** A product card (name, «Подробнее», wiki) for a code of table 1. */
export async function createProductCard(db: Db, code: string, name: string) {
  return saveProduct(db, code, { name, websiteUrl: `https://${code.toLowerCase()}.example/` }, SYSTEM);
}
