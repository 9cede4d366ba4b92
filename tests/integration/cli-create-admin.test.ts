import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreateAdmin } from '../../src/cli/create-admin';
import { type Config, loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { auditEvents } from '../../src/server/modules/audit/schema';
import { verifyPassword } from '../../src/server/modules/identity/passwords';
import { users } from '../../src/server/modules/identity/schema';
import { createOrg, createUser } from '../helpers/factories';
import { TEST_SECRET } from '../helpers/harness';
import { openTestDatabase } from '../helpers/test-database';

let database: Database;
let drop: () => Promise<void>;
const config: Config = loadConfig({
  DATA_DIR: path.join(tmpdir(), 'kabinet-cli-unused'),
  APP_SECRET: TEST_SECRET,
  PUBLIC_URL: 'http://127.0.0.1',
  LOG_LEVEL: 'silent',
});
const NEW_PASSWORD = 'Str0ng!Pass-42';

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
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
  const code = await runCreateAdmin(
    args,
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      usage: 'USAGE',
    },
    (work) => {
      opened = true;
      return work(config, database);
    },
  );
  return { code, stdout, stderr, opened };
}

const userByEmail = async (email: string) =>
  (await database.db.select().from(users).where(eq(users.email, email)))[0];
const auditOf = async (userId: string) =>
  database.db
    .select({ action: auditEvents.action, actorEmail: auditEvents.actorEmail, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId)));

describe('npm run kabinet -- create-admin (in-process)', () => {
  it("creates the administrator through the back office's «Создать пользователя» use case", async () => {
    const res = await run(['--email', 'root@example.test', '--password', NEW_PASSWORD]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toBe('Администратор root@example.test готов. Войдите в бэк-офис: /admin\n');
    const user = await userByEmail('root@example.test');
    expect(user).toMatchObject({ staffRole: 'admin', status: 'active', name: 'Администратор' });
    expect(await verifyPassword(user?.passwordHash ?? null, NEW_PASSWORD)).toBe(true);
    // The same audit event as POST /api/v1/admin/users writes, by «cli».
    expect(await auditOf(user?.id ?? '')).toEqual([
      {
        action: 'user.created',
        actorEmail: 'cli',
        details: { email: 'root@example.test', staffRole: 'admin' },
      },
    ]);
  });

  it('an email already taken gets the administrator role, the password and its access back', async () => {
    const org = await createOrg(database.db);
    const known = await createUser(database.db, { memberOf: [[org.id, 'owner']] });
    await database.db.update(users).set({ status: 'blocked' }).where(eq(users.id, known.id));
    const res = await run(['--email', known.email, '--password', NEW_PASSWORD, '--name', 'Не то имя']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`Администратор ${known.email} готов`);
    const user = await userByEmail(known.email);
    expect(user).toMatchObject({ staffRole: 'admin', status: 'active', name: known.name });
    expect(await verifyPassword(user?.passwordHash ?? null, NEW_PASSWORD)).toBe(true);
    expect(await auditOf(known.id)).toEqual([
      {
        action: 'user.staff_role_changed',
        actorEmail: 'cli',
        details: { to: 'admin', via: 'create-admin' },
      },
    ]);
  });

  it('bad arguments: exit 2 with the reason and the usage, the database is not opened', async () => {
    const res = await run(['--email', 'not-an-email', '--password', NEW_PASSWORD]);
    expect(res.code).toBe(2);
    expect(res.opened).toBe(false);
    expect(res.stderr).toMatch(/^--email: .+\n\nUSAGE$/);
  });
});
