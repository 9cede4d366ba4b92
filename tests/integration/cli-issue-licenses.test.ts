import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIssueLicenses } from '../../src/cli/issue-licenses';
import { type Config, loadConfig } from '../../src/server/config';
import { type Database, openDatabase } from '../../src/server/db/client';
import { auditEvents } from '../../src/server/modules/audit/schema';
import { ensureReferenceData } from '../../src/server/modules/catalog/code-tables';
import { licenses } from '../../src/server/modules/licenses/schema';
import { emailOutbox } from '../../src/server/modules/notifications/schema';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import { createArticle, createOrg, createUser } from '../helpers/factories';
import { TEST_SECRET } from '../helpers/harness';
import { openTestDatabase, PGLITE_TEMPLATE_FILE, serverDatabaseUrl } from '../helpers/test-database';

const SERIAL = /^\d{2}-AO-19619913021-\d{3}-\d{4}$/;

let database: Database;
let drop: () => Promise<void>;
let org: { id: string; inn: string };
/** What `loadConfig` gives the CLI without SMTP: mails of the shipment stay in the outbox. */
const config: Config = loadConfig({
  DATA_DIR: path.join(tmpdir(), 'kabinet-cli-unused'),
  APP_SECRET: TEST_SECRET,
  PUBLIC_URL: 'http://127.0.0.1',
  LOG_LEVEL: 'silent',
});

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await ensureReferenceData(database.db);
  org = await createOrg(database.db);
  await createUser(database.db, { memberOf: [[org.id, 'owner']] });
  await createArticle(database.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

/** The command in-process, on this file's database; returns what it printed and its exit code. */
async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  let opened = false;
  const code = await runIssueLicenses(
    args,
    { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    (work) => {
      opened = true;
      return work(config, database);
    },
  );
  return { code, stdout, stderr, opened };
}

const licenseCount = async () =>
  (await database.db.select({ id: licenses.id }).from(licenses).where(eq(licenses.organizationId, org.id)))
    .length;

describe('npm run kabinet -- issue-licenses (in-process)', () => {
  it('issues through the licensing use case: serials on stdout, a summary, the notice mail and the audit', async () => {
    const res = await run([
      '--inn',
      org.inn,
      '--article',
      'ао-19619913021', // Cyrillic look-alikes and lower case, as people type it
      '--quantity',
      '5',
      '--serials',
      '3',
      '--reference',
      'Договор № 7',
    ]);
    expect(res.code).toBe(0);
    const serials = res.stdout.trim().split('\n');
    expect(serials).toHaveLength(3);
    for (const serial of serials) expect(serial).toMatch(SERIAL);
    expect(res.stderr).toContain('серийных номеров 3, по 5 шт.');
    const rows = await database.db.select().from(licenses).where(eq(licenses.organizationId, org.id));
    expect(rows.map((r) => r.serial).sort()).toEqual([...serials].sort());
    expect(rows.every((r) => r.quantity === 5 && r.reference === 'Договор № 7')).toBe(true);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'licenses.issued'));
    expect(event).toMatchObject({ actorEmail: 'cli', actorUserId: null, organizationId: org.id });
    const mails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.organizationId, org.id));
    expect(mails.some((m) => m.text.includes(serials[0] ?? '?'))).toBe(true);
  });

  it('--json with --idempotency-key: a retry returns the first result and issues nothing', async () => {
    const args = ['--inn', org.inn, '--article', 'AO-19619913021', '--serials', '2', '--json'];
    const first = await run([...args, '--idempotency-key', 'erp-42']);
    expect(first.code).toBe(0);
    const body = JSON.parse(first.stdout) as LicenseIssueResponse & { replayed: boolean };
    expect(body.replayed).toBe(false);
    expect(body.licenses).toHaveLength(2);
    const count = await licenseCount();
    const again = await run([...args, '--idempotency-key', 'erp-42']);
    expect(JSON.parse(again.stdout)).toMatchObject({ replayed: true, shipmentId: body.shipmentId });
    expect(await licenseCount()).toBe(count);
    const reused = await run([
      ...args.slice(0, -3),
      '--serials',
      '1',
      '--idempotency-key',
      'erp-42',
      '--json',
    ]);
    expect(reused.code).toBe(1);
    expect(reused.stderr).toContain('Ключ идемпотентности уже использован');
    expect(JSON.parse(reused.stdout)).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('--email: the login goes to the shipment form’s address; a malformed one is a bad argument', async () => {
    const fresh = await createOrg(database.db, { contactEmail: 'contact@cli.example' });
    const res = await run([
      '--inn',
      fresh.inn,
      '--article',
      'AO-19619913021',
      '--email',
      'Buyer@CLI.example',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('buyer@cli.example добавлен в кабинет организации');
    const mails = await database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.organizationId, fresh.id));
    expect(mails.map((m) => m.to)).toEqual([['buyer@cli.example']]);
    const bad = await run(['--inn', fresh.inn, '--article', 'AO-19619913021', '--email', 'nobody']);
    expect(bad).toMatchObject({ code: 2, opened: false });
    expect(bad.stderr).toContain('--email: Неверный адрес электронной почты');
  });

  it('refuses in Russian with a non-zero exit: unknown organization or article, bad arguments', async () => {
    const unknownOrg = await run(['--inn', '7707083893', '--article', 'AO-19619913021']);
    expect(unknownOrg).toMatchObject({ code: 1, stdout: '' });
    expect(unknownOrg.stderr).toContain('Организация с ИНН 7707083893 не найдена');
    const unknownArticle = await run(['--inn', org.inn, '--article', 'AD-19629913021']);
    expect(unknownArticle.code).toBe(1);
    expect(unknownArticle.stderr).toContain('Артикул AD-19629913021 не найден');

    const before = await licenseCount();
    for (const [args, message] of [
      [['--article', 'AO-19619913021'], '--inn: укажите ИНН организации'],
      [['--inn', '12345', '--article', 'AO-19619913021'], '--inn: ИНН — 10 или 12 цифр'],
      [
        ['--inn', org.inn, '--article', 'AO-19619913021', '--serials', '10001'],
        '--serials: не больше 10 000',
      ],
      [['--inn', org.inn, '--article', 'AO-19619913021', '--quantity', 'два'], '--quantity: ожидается'],
      [['--inn', org.inn, '--article', 'AO-19619913021', '--force'], 'неизвестный параметр: --force'],
    ] as const) {
      const res = await run([...args]);
      expect(res.code, message).toBe(2);
      expect(res.stderr).toContain(message);
      expect(res.opened).toBe(false);
    }
    expect(await licenseCount()).toBe(before);
  });
});

function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('src/cli/main.ts'), 'issue-licenses', ...args],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run kabinet -- issue-licenses (a real process)', () => {
  it('issues on the configured database (DATABASE_URL, or PGlite in DATA_DIR) and fails with a Russian message', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-cli-'));
    try {
      const { DATABASE_URL: _ignored, ...env } = process.env;
      let target: Database;
      if (serverDatabaseUrl()) {
        env.DATABASE_URL = database.connectionString;
        target = database;
      } else {
        // The CLI opens DATA_DIR/pglite; PGlite is single-process, so this file's database is copied there.
        target = await openDatabase({
          dataDir: path.join(dataDir, 'pglite'),
          loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE_FILE)]),
        });
      }
      const spawned = await createOrg(target.db);
      await ensureReferenceData(target.db);
      await createArticle(target.db, 'AO-19619913021');
      if (target !== database) await target.close();
      env.DATA_DIR = dataDir;

      const ok = await spawnCli(['--inn', spawned.inn, '--article', 'AO-19619913021', '--serials', '2'], env);
      expect(ok.code, ok.stderr).toBe(0);
      const serials = ok.stdout.trim().split('\n');
      expect(serials).toHaveLength(2);
      for (const serial of serials) expect(serial).toMatch(SERIAL);
      expect(ok.stderr).toContain('добавлен в кабинет организации');

      const refused = await spawnCli(['--inn', spawned.inn, '--article', 'AS-99999999999'], env);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^Лицензии не выпущены: /);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
