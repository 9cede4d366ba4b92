import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/server/db/client';

/** Where global setup leaves the migrated PGlite template. */
export const PGLITE_TEMPLATE_FILE = path.resolve('node_modules/.cache/kabinet-tests/template.tar.gz');

/** Set in CI's second pass: the whole integration suite then runs against the PostgreSQL server. */
export function serverDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const TEMPLATE_DB_ENV = 'KABINET_TEST_TEMPLATE_DB';

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or on PostgreSQL a new
 * database cloned from the template database (CREATE DATABASE … TEMPLATE is a file copy, fast).
 */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = serverDatabaseUrl();
  if (!url) {
    const dump = await readFile(PGLITE_TEMPLATE_FILE);
    const database = await openDatabase({ loadDataDir: new Blob([dump]) });
    return { database, drop: async () => {} };
  }
  const template = process.env[TEMPLATE_DB_ENV];
  if (!template) throw new Error('global setup did not create the template database');
  // Named after the run's template, so the run's teardown drops its own databases and no other run's.
  const name = `${template}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), maxConnections: 5 });
  return {
    database,
    drop: async () => {
      const cleanup = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
