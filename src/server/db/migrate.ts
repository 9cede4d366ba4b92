import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** An arbitrary constant: one advisory lock so N app nodes starting together migrate once. */
const MIGRATION_LOCK_ID = 7_205_301;

export async function runMigrations(database: Database): Promise<void> {
  if (!database.connectionString) {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // Session-level advisory locks belong to one connection: a one-connection pool holds the lock and runs
  // every migration statement.
  const connection = postgres(database.connectionString, { max: 1, onnotice: () => {} });
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder: MIGRATIONS_FOLDER });
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await connection.end({ timeout: 5 });
  }
}
