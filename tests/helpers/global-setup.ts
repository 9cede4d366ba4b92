import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';
import type { AppDeps } from '../../src/server/http/types';
import { createJobs } from '../../src/server/jobs/boss';
import {
  adminUrl,
  PGLITE_TEMPLATE_FILE,
  serverDatabaseUrl,
  TEMPLATE_DB_ENV,
  withDatabaseName,
} from './test-database';

/** Migrations and pg-boss's own schema, so every test database starts complete. */
async function prepare(database: Database): Promise<void> {
  await runMigrations(database);
  const jobs = createJobs({ database, definitions: [], log: { error: () => {} }, work: false });
  await jobs.start({} as AppDeps);
  await jobs.stop();
}

/** Builds the migrated template once per run; each test file then copies it. */
export async function setup(): Promise<() => Promise<void>> {
  const url = serverDatabaseUrl();
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await prepare(database);
    const pglite = await dumpPglite(database);
    await mkdir(path.dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
    await writeFile(PGLITE_TEMPLATE_FILE, pglite);
    await database.close();
    return async () => {};
  }
  const name = `kabinet_tpl_${process.pid}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), maxConnections: 2 });
  await prepare(database);
  await database.close();
  process.env[TEMPLATE_DB_ENV] = name;
  return async () => {
    // Only this run's test databases (test-database.ts names them `<template>_<hex>`): a LIKE 'kabinet_t_%'
    // also matched, `_` being a wildcard, the templates and databases of runs going on beside this one.
    const rest = await admin.unsafe('select datname from pg_database where starts_with(datname, $1)', [
      `${name}_`,
    ]);
    for (const row of rest) await admin.unsafe(`drop database if exists ${row.datname} with (force)`);
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

async function dumpPglite(database: Database): Promise<Buffer> {
  const client = database.pglite;
  if (!client) throw new Error('not a PGlite database');
  const blob = await client.dumpDataDir('gzip');
  return Buffer.from(await blob.arrayBuffer());
}
