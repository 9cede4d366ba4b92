import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type Database, openDatabase } from '../src/server/db/client';

/** A database opened for one benchmark run, and how to throw it away afterwards. */
export type BenchDatabase = {
  label: string;
  database: Database;
  /** Where PGlite keeps its files, or the throw-away PostgreSQL database's host and name. */
  location: string;
  dispose(): Promise<void>;
};

/** PGlite in a fresh temporary directory, removed afterwards. */
export async function openPgliteBench(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kabinet-bench-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'pglite') });
  return {
    label: 'PGlite',
    database,
    location: dir,
    async dispose() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether something accepts TCP connections on 127.0.0.1:port within the timeout. */
function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Maintenance-database URLs to try, in order. With DATABASE_URL we use its server (and credentials) but
 * its `postgres` database, so the benchmark never writes into the configured application database.
 * Without it, a local trust-auth server as `postgres` or, on some images, `root`.
 */
export async function postgresAdminCandidates(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    url.pathname = '/postgres';
    return [url.toString()];
  }
  if (!(await portAnswers(5432))) return [];
  return ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/postgres'];
}

async function connectAdmin(candidates: string[]): Promise<{ url: string; sql: postgres.Sql }> {
  let lastError: unknown = new Error('no PostgreSQL candidates');
  for (const url of candidates) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      await sql`select 1`;
      return { url, sql };
    } catch (error) {
      lastError = error;
      await sql.end({ timeout: 1 });
    }
  }
  throw lastError;
}

/** A fresh `kabinet_bench_<timestamp>` database, dropped (even with open connections) afterwards. */
export async function openPostgresBench(
  candidates: string[],
  maxConnections: number,
): Promise<BenchDatabase> {
  const admin = await connectAdmin(candidates);
  const name = `kabinet_bench_${Date.now()}`;
  // The name is generated here (letters, digits, underscore), so quoting it is enough.
  await admin.sql.unsafe(`create database "${name}"`);
  const url = new URL(admin.url);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), maxConnections });
  } catch (error) {
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.sql.end({ timeout: 5 });
    throw error;
  }
  return {
    label: 'PostgreSQL',
    database,
    // Host and name only: a DATABASE_URL may carry a password.
    location: `${url.host}/${name}`,
    async dispose() {
      await database.close().catch(() => {});
      try {
        await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.sql.end({ timeout: 5 });
      }
    },
  };
}
