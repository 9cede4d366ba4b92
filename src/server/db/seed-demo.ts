import { eq } from 'drizzle-orm';
import type { OrganizationCreateBody } from '../../shared/api/organizations';
import type { MembershipRole, StaffRole } from '../../shared/api/roles';
import type { Config } from '../config';
import { ensureReferenceData } from '../modules/catalog/code-tables';
import { hashPassword } from '../modules/identity/passwords';
import { users } from '../modules/identity/schema';
import { createOrganization } from '../modules/organizations/save-organization';
import { memberships, organizations } from '../modules/organizations/schema';
import { getPortalInfo, savePortalInfo } from '../modules/system/portal-info';
import type { FileStorage } from '../storage/file-storage';
import { wireModules } from '../wiring';
import type { Db } from './client';
import { seedDemoActivations } from './seed-demo-activations';
import { seedDemoFiles } from './seed-demo-files';
import { seedDemoLicenses } from './seed-demo-licenses';
import { seedDemoPartner } from './seed-demo-partner';
import { seedDemoSupport } from './seed-demo-support';

/** One password for every demo login; printed at start and in the README. Change it on a real install. */
export const DEMO_PASSWORD = 'kabinet-demo';

export type DemoLogin = { email: string; role: string };

const SYSTEM_ACTOR = { userId: null, email: 'seed-demo', ip: null };

const BANK = { bankName: 'ПАО Сбербанк', bik: '044525225', corrAccount: '30101810400000000225' } as const;

const DEMO_ORGANIZATIONS: Array<OrganizationCreateBody & { key: string }> = [
  {
    key: 'romashka',
    kind: 'legal',
    fullName: 'Общество с ограниченной ответственностью «Ромашка»',
    shortName: 'ООО «Ромашка»',
    inn: '7701234560',
    kpp: '770101001',
    ogrn: '1127746123450',
    legalAddress: '101000, г. Москва, ул. Мясницкая, д. 10, офис 5',
    ...BANK,
    settlementAccount: '40702810200000012345',
    email: 'office@romashka.example',
    documentEmails: ['docs@romashka.example'],
    accountantEmail: 'buh@romashka.example',
    contactName: 'Смирнова Анна Викторовна',
    contactPhone: '+7 495 123-45-67',
    contactEmail: 'it@romashka.example',
    programs: ['licenses', 'subscriptions'],
  },
  {
    key: 'zolotoy',
    kind: 'legal',
    fullName: 'Общество с ограниченной ответственностью «ЗОЛОТОЙ СТАНДАРТ»',
    shortName: 'ООО "ЗОЛОТОЙ СТАНДАРТ"',
    inn: '6147040892',
    kpp: '614701001',
    ogrn: '1146183000127',
    legalAddress: '346880, Ростовская обл., г. Батайск, ул. Кирова, д. 12',
    ...BANK,
    settlementAccount: '40702810000000077001',
    email: 'info@zolotoy-standart.example',
    documentEmails: ['docs@zolotoy-standart.example'],
    accountantEmail: 'buh@zolotoy-standart.example',
    contactName: 'Приветов Привет Приветович',
    contactPhone: '+7 800 555-35-35',
    contactEmail: 'partner@zolotoy-standart.example',
    programs: ['partner'],
  },
  {
    key: 'zolotukhin',
    kind: 'individual',
    fullName: 'Индивидуальный предприниматель Золотухин Юрий Николаевич',
    shortName: 'Золотухин Юрий Николаевич ИП',
    inn: '222600401077',
    kpp: null,
    ogrn: '314222500000013',
    legalAddress: '659300, Алтайский край, г. Бийск, ул. Ленина, д. 3',
    ...BANK,
    settlementAccount: '40802810700000054321',
    email: 'zolotukhin@example.ru',
    documentEmails: [],
    accountantEmail: null,
    contactName: 'Золотухин Юрий Николаевич',
    contactPhone: '+7 913 000-00-00',
    contactEmail: 'zolotukhin@example.ru',
    programs: ['partner'],
  },
];

type DemoUser = {
  email: string;
  name: string;
  staffRole?: StaffRole;
  memberOf?: Array<[string, MembershipRole]>;
  role: string;
};

const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@kabinet.example',
    name: 'Администратор Кабинета',
    staffRole: 'admin',
    role: 'оператор: администратор',
  },
  {
    email: 'manager@kabinet.example',
    name: 'Менеджер Оператора',
    staffRole: 'manager',
    role: 'оператор: менеджер',
  },
  {
    email: 'support@kabinet.example',
    name: 'Поддержка Оператора',
    staffRole: 'support',
    role: 'оператор: техподдержка',
  },
  {
    email: 'it@romashka.example',
    name: 'Смирнова Анна',
    memberOf: [['romashka', 'owner']],
    role: 'клиент: IT-менеджер ООО «Ромашка»',
  },
  {
    email: 'buh@romashka.example',
    name: 'Кузнецова Ольга',
    memberOf: [['romashka', 'accountant']],
    role: 'клиент: бухгалтер ООО «Ромашка»',
  },
  {
    email: 'partner@zolotoy-standart.example',
    name: 'Приветов Привет Приветович',
    memberOf: [
      ['zolotoy', 'owner'],
      ['zolotukhin', 'admin'],
    ],
    role: 'партнёр: две организации (ООО и ИП)',
  },
];

export const DEMO_LOGINS: DemoLogin[] = DEMO_USERS.map((u) => ({ email: u.email, role: u.role }));

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length === 0;
}

/** Loads the demo data; safe to run twice (existing emails and INNs are left as they are). */
export async function seedDemo(
  db: Db,
  options: { storage: FileStorage; config: Config },
): Promise<DemoLogin[]> {
  wireModules();
  await ensureReferenceData(db);
  const orgIds = new Map<string, string>();
  for (const { key, ...org } of DEMO_ORGANIZATIONS) {
    const [existing] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.inn, org.inn))
      .limit(1);
    orgIds.set(key, existing?.id ?? (await createOrganization(db, org, SYSTEM_ACTOR)).id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          email: user.email,
          name: user.name,
          staffRole: user.staffRole ?? null,
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!row) return;
      for (const [key, role] of user.memberOf ?? []) {
        const organizationId = orgIds.get(key);
        if (organizationId)
          await tx.insert(memberships).values({ userId: row.id, organizationId, role }).onConflictDoNothing();
      }
    });
  }
  await seedDemoLicenses(db, SYSTEM_ACTOR);
  await seedDemoPartner(db, SYSTEM_ACTOR);
  await seedDemoSupport(db);
  await seedDemoFiles(db, options.storage, SYSTEM_ACTOR);
  await seedDemoActivations(db, options);
  const info = await getPortalInfo(db);
  if (!info.phone) {
    await savePortalInfo(
      db,
      {
        operatorName: 'ООО «Альтер Софт»',
        about:
          'ООО «Альтер Софт» — российский разработчик и дистрибьютор программного обеспечения. В личном кабинете — ваши лицензии, подписки, дистрибутивы, документы и обращения в техническую поддержку.',
        phone: '8 800 000-00-00',
        email: 'support@kabinet.example',
        address: '121205, г. Москва, Инновационный центр «Сколково», Большой бульвар, д. 42',
        website: 'https://kabinet.example',
        techLeadName: 'Иванов Сергей Петрович',
        techLeadPhone: '+7 495 000-00-01',
        techLeadEmail: 'tech@kabinet.example',
      },
      null,
    );
  }
  return DEMO_LOGINS;
}
