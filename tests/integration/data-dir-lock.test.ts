import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { createUser } from '../helpers/factories';
import { TEST_SECRET } from '../helpers/harness';
import { PGLITE_TEMPLATE_FILE } from '../helpers/test-database';

/**
 * Issue 8: one process owns an embedded data directory. Real processes (tsx) on a temp DATA_DIR, PGlite in
 * both passes (DATABASE_URL is removed: on PostgreSQL there is no lock and nothing changes).
 */
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kabinet-lock-'));
  dirs.push(dir);
  return dir;
}

/** DATA_DIR with the migrated template and one user (so the server does not seed the demo): quick starts. */
async function preparedDataDir(): Promise<string> {
  const dir = await tempDataDir();
  const database = await openDatabase({
    dataDir: path.join(dir, 'pglite'),
    ...(existsSync(PGLITE_TEMPLATE_FILE)
      ? { loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE_FILE)]) }
      : {}),
  });
  if (!existsSync(PGLITE_TEMPLATE_FILE)) {
    const { runMigrations } = await import('../../src/server/db/migrate');
    await runMigrations(database);
  }
  await createUser(database.db);
  await database.close();
  return dir;
}

function env(dataDir: string, port = 0): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, TEST_DATABASE_URL: _test, SMTP_URL: _smtp, ...rest } = process.env;
  return {
    ...rest,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_SECRET: TEST_SECRET,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'silent',
  };
}

function run(args: string[], environment: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

const cli = (args: string[], dataDir: string) =>
  run([path.resolve('src/cli/main.ts'), ...args], env(dataDir)).done;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startServer(dataDir: string) {
  const port = await freePort();
  const server = run([path.resolve('src/server/main.ts')], env(dataDir, port));
  const deadline = Date.now() + 150_000;
  while (!server.output().includes('Кабинет запущен')) {
    if (server.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start: ${(await server.done).stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { ...server, port, url: `http://127.0.0.1:${port}` };
}

/**
 * A script that opens the lock and, when it wins, holds it until the test says the race is over (the release
 * file appears): on a loaded machine the racers start seconds apart, and a winner that let go after a fixed time
 * would hand the free directory to a latecomer — two wins in a row, not two at once.
 */
const OPENER = `
import { existsSync } from 'node:fs';
import { acquireDataDirLock } from ${JSON.stringify(path.resolve('src/server/db/data-dir-lock.ts'))};
try {
  acquireDataDirLock(process.argv[1], 'racer');
  process.stdout.write('WON');
  setInterval(() => { if (existsSync(process.argv[2])) process.exit(0); }, 50);
} catch (e) { process.stdout.write(e.name); process.exit(1); }
`;

async function race(dir: string, racers: number): Promise<string[]> {
  const release = `${dir}.release`;
  const runs = Array.from(
    { length: racers },
    () => run(['--input-type=module', '-e', OPENER, dir, release], process.env).done,
  );
  // Every loser has answered while the winner still holds the lock; then the winner may go. Two winners would
  // both wait here, so the wait is bounded and the assertion below names them.
  let finished = 0;
  for (const done of runs) void done.then(() => finished++);
  const deadline = Date.now() + 90_000;
  while (finished < racers - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await writeFile(release, '');
  const results = await Promise.all(runs);
  await rm(release, { force: true });
  return results.map((r) => r.stdout || r.stderr);
}

/** A pid that is not running: a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('close', resolve));
  if (!child.pid) throw new Error('no pid');
  return child.pid;
}

describe('one process owns an embedded data directory', () => {
  it('a second server and a CLI command on a live server refuse (exit 1, naming the pid); the first keeps serving', async () => {
    const dataDir = await preparedDataDir();
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false); // the preparing process let it go
    const first = await startServer(dataDir);
    const lock = JSON.parse(await readFile(path.join(dataDir, 'pglite.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: first.child.pid, command: 'kabinet server', hostname: hostname() });

    const second = await run([path.resolve('src/server/main.ts')], env(dataDir, await freePort())).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`уже открыт процессом ${first.child.pid} (kabinet server, с `);
    expect(second.stdout).not.toContain('Кабинет запущен');

    const admin = await cli(
      ['create-admin', '--email', 'cli-admin@example.ru', '--password', 'Str0ng!Pass-42'],
      dataDir,
    );
    expect(admin.code).toBe(1);
    expect(admin.stdout).not.toContain('готов');
    expect(admin.stderr).toContain(`процессом ${first.child.pid}`);

    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url },
      body: JSON.stringify({ email: 'cli-admin@example.ru', password: 'Str0ng!Pass-42' }),
    });
    expect(login.status).toBe(401); // refused, so nothing half-written either

    first.child.kill('SIGTERM');
    expect((await first.done).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false); // released on a clean stop
    const after = await cli(
      ['create-admin', '--email', 'cli-admin@example.ru', '--password', 'Str0ng!Pass-42'],
      dataDir,
    );
    expect(after.code, after.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  }, 400_000);

  it('racing openers: exactly one wins on a free directory; a stale lock (its pid is not running, as after kill -9) is taken over by exactly one', async () => {
    const root = await tempDataDir();
    const fresh = path.join(root, 'fresh');
    expect((await race(fresh, 4)).sort()).toEqual([
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'WON',
    ]);

    const staleDir = path.join(root, 'stale');
    await mkdir(root, { recursive: true });
    const stale = {
      pid: await deadPid(),
      hostname: hostname(),
      startedAt: new Date().toISOString(),
      command: 'x',
    };
    await writeFile(`${staleDir}.lock`, JSON.stringify(stale));
    expect((await race(staleDir, 4)).sort()).toEqual([
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'WON',
    ]);
    expect(existsSync(`${staleDir}.lock.takeover`)).toBe(false);
    // The winner's lock replaced the stale one, and went with the winner's exit.
    expect(existsSync(`${staleDir}.lock`)).toBe(false);
  }, 120_000);
});
