import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';
import { MIGRATIONS_FOLDER, runMigrations } from '../../src/server/db/migrate';
import { sha256Hex } from '../../src/server/http/crypto';
import { startTestApp, type TestApp } from '../helpers/harness';
import { adminUrl, serverDatabaseUrl, withDatabaseName } from '../helpers/test-database';

/** The migration that merged the three token tables into `api_tokens` (issue 9). */
const MIGRATION = '0006_api_tokens';

type Journal = { entries: Array<{ idx: number; tag: string }> };

/** A copy of the migrations folder whose journal stops just before `MIGRATION`. */
async function migrationsBefore(tag: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'kabinet-migrations-'));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  if (at < 1) throw new Error(`migration ${tag} is not in the journal`);
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

/** An empty database of the suite's kind (PGlite, or a new database on the PostgreSQL server). */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = serverDatabaseUrl();
  if (!url) return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
  const name = `kabinet_tokmig_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
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

async function migrateFrom(database: Database, migrationsFolder: string): Promise<void> {
  if (!database.connectionString) {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const connection = postgres(database.connectionString, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder });
  } finally {
    await connection.end({ timeout: 5 });
  }
}

const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
const old = {
  integration: secret('kbt_'),
  integrationRevoked: secret('kbt_'),
  product: secret('kbp_'),
  productRevoked: secret('kbp_'),
  vendor: secret('kbv_'),
  vendorRevoked: secret('kbv_'),
};
const ids = {
  user: '00000000-0000-4000-8000-000000000001',
  vendor: '00000000-0000-4000-8000-000000000002',
  integration: '00000000-0000-4000-8000-000000000011',
  integrationRevoked: '00000000-0000-4000-8000-000000000012',
  product: '00000000-0000-4000-8000-000000000021',
  productRevoked: '00000000-0000-4000-8000-000000000022',
  vendor2: '00000000-0000-4000-8000-000000000031',
  vendorRevoked: '00000000-0000-4000-8000-000000000032',
};
const createdAt = '2026-01-15T09:30:00.000Z';
const lastUsedAt = '2026-02-01T12:00:00.000Z';
const revokedAt = '2026-03-01T08:00:00.000Z';

/** Tokens of all three kinds written through the schema as it was before the migration. */
async function seedOldTokens(database: Database): Promise<void> {
  const run = (text: string, values: unknown[] = []) => database.executor.executeSql(text, values);
  await run(
    `insert into users (id, email, name, staff_role) values ($1, 'integration-owner@example.test', 'Владелец интеграции', 'admin')`,
    [ids.user],
  );
  await run(
    `insert into vendors (id, name, full_name, ogrn, install_method) values ($1, 'Пэй Киоск', 'ООО «Пэй Киоск»', '1027700132195', 'automatic')`,
    [ids.vendor],
  );
  const integration = `insert into integration_tokens (id, name, token_hash, prefix, permissions, created_by, created_at, last_used_at, revoked_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
  await run(integration, [
    ids.integration,
    'ERP «Склад»',
    sha256Hex(old.integration),
    old.integration.slice(0, 10),
    ['readDirectory', 'issueLicenses'],
    ids.user,
    createdAt,
    lastUsedAt,
    null,
  ]);
  await run(integration, [
    ids.integrationRevoked,
    'Старая ERP',
    sha256Hex(old.integrationRevoked),
    old.integrationRevoked.slice(0, 10),
    ['readDirectory'],
    ids.user,
    createdAt,
    null,
    revokedAt,
  ]);
  const product = `insert into product_api_tokens (id, product_code, name, token_hash, prefix, created_by, created_at, last_used_at, revoked_at)
    values ($1, 'AO', $2, $3, $4, $5, $6, $7, $8)`;
  // A creator that is not a user (the product and vendor tables had no foreign key): the token still works.
  await run(product, [
    ids.product,
    'Сервер активации',
    sha256Hex(old.product),
    old.product.slice(0, 10),
    '00000000-0000-4000-8000-0000000000ff',
    createdAt,
    lastUsedAt,
    null,
  ]);
  await run(product, [
    ids.productRevoked,
    'Старый сервер',
    sha256Hex(old.productRevoked),
    old.productRevoked.slice(0, 10),
    ids.user,
    createdAt,
    null,
    revokedAt,
  ]);
  const vendor = `insert into vendor_api_tokens (id, vendor_id, name, token_hash, prefix, created_by, created_at, last_used_at, revoked_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
  await run(vendor, [
    ids.vendor2,
    ids.vendor,
    'Киоски',
    sha256Hex(old.vendor),
    old.vendor.slice(0, 10),
    ids.user,
    createdAt,
    lastUsedAt,
    null,
  ]);
  await run(vendor, [
    ids.vendorRevoked,
    ids.vendor,
    'Старые киоски',
    sha256Hex(old.vendorRevoked),
    old.vendorRevoked.slice(0, 10),
    null,
    createdAt,
    null,
    revokedAt,
  ]);
}

let t: TestApp;
let folder: string;

beforeAll(async () => {
  folder = await migrationsBefore(MIGRATION);
  t = await startTestApp({
    database: async () => {
      const prepared = await emptyDatabase();
      await migrateFrom(prepared.database, folder);
      await seedOldTokens(prepared.database);
      await runMigrations(prepared.database);
      return prepared;
    },
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await rm(folder, { recursive: true, force: true });
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe(`migration ${MIGRATION}: one api_tokens table`, () => {
  it('copies every token with its id, hash, prefix, subject and times, and drops the three old tables', async () => {
    const { rows } = await t.deps.database.executor.executeSql(
      `select id, kind, token_hash, prefix, permissions, product_code, vendor_id, created_by,
              created_at, last_used_at, revoked_at from api_tokens order by id`,
    );
    const at = (value: unknown) => (value === null ? null : new Date(value as string).toISOString());
    expect(
      rows.map((row) => ({
        ...row,
        created_at: at(row.created_at),
        last_used_at: at(row.last_used_at),
        revoked_at: at(row.revoked_at),
      })),
    ).toEqual([
      {
        id: ids.integration,
        kind: 'integration',
        token_hash: sha256Hex(old.integration),
        prefix: old.integration.slice(0, 10),
        permissions: ['readDirectory', 'issueLicenses'],
        product_code: null,
        vendor_id: null,
        created_by: ids.user,
        created_at: createdAt,
        last_used_at: lastUsedAt,
        revoked_at: null,
      },
      expect.objectContaining({ id: ids.integrationRevoked, kind: 'integration', revoked_at: revokedAt }),
      {
        id: ids.product,
        kind: 'product',
        token_hash: sha256Hex(old.product),
        prefix: old.product.slice(0, 10),
        permissions: null,
        product_code: 'AO',
        vendor_id: null,
        created_by: null,
        created_at: createdAt,
        last_used_at: lastUsedAt,
        revoked_at: null,
      },
      expect.objectContaining({ id: ids.productRevoked, kind: 'product', created_by: ids.user }),
      {
        id: ids.vendor2,
        kind: 'vendor',
        token_hash: sha256Hex(old.vendor),
        prefix: old.vendor.slice(0, 10),
        permissions: null,
        product_code: null,
        vendor_id: ids.vendor,
        created_by: ids.user,
        created_at: createdAt,
        last_used_at: lastUsedAt,
        revoked_at: null,
      },
      expect.objectContaining({ id: ids.vendorRevoked, kind: 'vendor', revoked_at: revokedAt }),
    ]);
    const { rows: left } = await t.deps.database.executor.executeSql(
      `select table_name from information_schema.tables
        where table_schema = 'public' and table_name in ('integration_tokens', 'product_api_tokens', 'vendor_api_tokens')`,
    );
    expect(left).toEqual([]);
  });

  it('an integration token issued before still acts for its creator; a revoked one is still refused', async () => {
    const live = await t.client().get('/api/v1/admin/licenses', bearer(old.integration));
    expect(live.status).toBe(200);
    const revoked = await t.client().get('/api/v1/admin/licenses', bearer(old.integrationRevoked));
    expect(revoked.status).toBe(401);
  });

  it('a product token issued before still reports activations; a revoked one is still refused', async () => {
    const report = (token: string) =>
      t
        .client()
        .post<{ error: { code: string } }>(
          '/api/v1/activation-reports',
          { serial: 'nonsense', activated: 1 },
          bearer(token),
        );
    // Past authentication: the serial itself is what is wrong.
    expect((await report(old.product)).body.error.code).toBe('SERIAL_INVALID');
    expect((await report(old.productRevoked)).status).toBe(401);
  });

  it('a vendor token issued before still checks devices in; a revoked one is still refused', async () => {
    const checkIn = (token: string) =>
      t.client().get('/api/v1/device-api/devices/NO-SUCH-SERIAL/license', bearer(token));
    // Past authentication: the device is not in the registry.
    expect((await checkIn(old.vendor)).status).toBe(404);
    expect((await checkIn(old.vendorRevoked)).status).toBe(401);
  });
});
