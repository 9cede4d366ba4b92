import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { count, like, sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { type Db, openDatabase } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { hashPassword } from '../src/server/modules/identity/passwords';
import { users } from '../src/server/modules/identity/schema';
import { memberships, organizations } from '../src/server/modules/organizations/schema';
import { pgliteDir } from '../src/server/start';
import { BENCH_REGION, MAX_SEQUENCE, requisitesFor } from './requisites';

/** Every generated user logs in with this password (printed by the CLI). */
export const BENCH_PASSWORD = 'bench-password-2026';

export type GenerateOptions = {
  organizations: number;
  usersPerOrganization: number;
  /** Rows per INSERT statement; ~1000 keeps each statement well under the 65 535-parameter limit. */
  batchSize?: number;
  onProgress?: (organizationsDone: number, total: number) => void;
};

export type GenerateResult = {
  organizations: number;
  users: number;
  memberships: number;
  /** Sequence number of the first generated organization (reruns continue after the previous run). */
  firstSequence: number;
  /** A user with exactly one membership, so a login lands in an active organization. */
  sampleEmail: string;
  password: string;
  elapsedMs: number;
};

type OrganizationRow = typeof organizations.$inferInsert;
type UserRow = typeof users.$inferInsert;
type MembershipRow = typeof memberships.$inferInsert;

export function benchEmail(sequence: number, userIndex: number): string {
  return `bench-${sequence}-${userIndex}@bench.example`;
}

function slices<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Where this run's sequence starts: after the highest generated INN already stored, so reruns never collide. */
async function nextSequence(db: Db): Promise<number> {
  const [row] = await db
    .select({ last: sql<string | number | null>`max(substring(${organizations.inn} from 3 for 7)::int)` })
    .from(organizations)
    .where(like(organizations.inn, `${BENCH_REGION}________`));
  // A raw aggregate comes back as a number on PGlite and as a string on PostgreSQL.
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

function organizationRow(sequence: number, now: Date): OrganizationRow {
  const domain = `org${sequence}.bench.example`;
  return {
    id: randomUUID(),
    kind: 'legal',
    fullName: `Общество с ограниченной ответственностью «Нагрузка ${sequence}»`,
    shortName: `ООО «Нагрузка ${sequence}»`,
    ...requisitesFor(sequence),
    legalAddress: `101000, г. Москва, ул. Тестовая, д. ${(sequence % 200) + 1}, офис ${sequence}`,
    email: `office@${domain}`,
    documentEmails: [`docs@${domain}`],
    accountantEmail: `buh@${domain}`,
    contactName: 'Иванов Иван Иванович',
    contactPhone: '+7 495 000-00-00',
    contactEmail: `it@${domain}`,
    programs: ['licenses', 'subscriptions'],
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Bulk-inserts organizations with valid requisites, their users and one membership per user. Each chunk of
 * `batchSize` organizations (and its users and memberships) is one transaction, so memory stays flat at
 * any scale and an interrupted run leaves only whole organizations behind.
 */
export async function generateData(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const { organizations: total, usersPerOrganization: perOrg } = options;
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(total) || total < 1) throw new RangeError('organizations must be a positive integer');
  if (!Number.isInteger(perOrg) || perOrg < 1)
    throw new RangeError('usersPerOrganization must be a positive integer');
  const started = performance.now();
  // argon2id costs ~50 ms and 19 MiB per hash: one hash shared by every user keeps 50k users cheap.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const first = await nextSequence(db);
  if (first + total - 1 > MAX_SEQUENCE)
    throw new RangeError(`at most ${MAX_SEQUENCE + 1} generated organizations fit`);

  for (let offset = 0; offset < total; offset += batchSize) {
    const now = new Date();
    const orgRows: OrganizationRow[] = [];
    const userRows: UserRow[] = [];
    const membershipRows: MembershipRow[] = [];
    for (let i = offset; i < Math.min(total, offset + batchSize); i++) {
      const sequence = first + i;
      const org = organizationRow(sequence, now);
      orgRows.push(org);
      for (let j = 0; j < perOrg; j++) {
        const userId = randomUUID();
        userRows.push({
          id: userId,
          email: benchEmail(sequence, j),
          name: `Сотрудник ${sequence}-${j}`,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        membershipRows.push({
          userId,
          organizationId: org.id as string,
          role: j === 0 ? 'owner' : 'member',
          createdAt: now,
        });
      }
    }
    await db.transaction(async (tx) => {
      await tx.insert(organizations).values(orgRows);
      for (const slice of slices(userRows, batchSize)) await tx.insert(users).values(slice);
      for (const slice of slices(membershipRows, batchSize)) await tx.insert(memberships).values(slice);
    });
    options.onProgress?.(Math.min(total, offset + batchSize), total);
  }
  return {
    organizations: total,
    users: total * perOrg,
    memberships: total * perOrg,
    firstSequence: first,
    sampleEmail: benchEmail(first, 0),
    password: BENCH_PASSWORD,
    elapsedMs: performance.now() - started,
  };
}

export type RowCounts = { organizations: number; users: number; memberships: number };

export async function countRows(db: Db): Promise<RowCounts> {
  const [o] = await db.select({ n: count() }).from(organizations);
  const [u] = await db.select({ n: count() }).from(users);
  const [m] = await db.select({ n: count() }).from(memberships);
  return { organizations: Number(o?.n ?? 0), users: Number(u?.n ?? 0), memberships: Number(m?.n ?? 0) };
}

/** `tsx bench/generate.ts --organizations 1000 --users-per-org 5` against DATA_DIR or DATABASE_URL. */
async function cli(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      organizations: { type: 'string', default: '1000' },
      'users-per-org': { type: 'string', default: '5' },
      'batch-size': { type: 'string', default: '1000' },
    },
  });
  const organizationCount = Number(values.organizations);
  const usersPerOrganization = Number(values['users-per-org']);
  const batchSize = Number(values['batch-size']);
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: pgliteDir(config),
    maxConnections: 2,
  });
  try {
    await runMigrations(database);
    let reported = 0;
    const result = await generateData(database.db, {
      organizations: organizationCount,
      usersPerOrganization,
      batchSize,
      onProgress: (done, total) => {
        // Report about every 10 %, not every batch, so large runs stay readable.
        if (done === total || done - reported >= total / 10) {
          reported = done;
          process.stdout.write(`  ${done}/${total} organizations\n`);
        }
      },
    });
    const counts = await countRows(database.db);
    process.stdout.write(
      `Generated ${result.organizations} organizations, ${result.users} users, ${result.memberships} memberships ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)} s (${database.kind}).\n` +
        `Totals now: ${counts.organizations} organizations, ${counts.users} users, ${counts.memberships} memberships.\n` +
        `Log in as ${result.sampleEmail} / ${result.password}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  cli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
