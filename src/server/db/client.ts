import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquireDataDirLock } from './data-dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database or a transaction: use cases take this so they compose inside a caller's transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** What pg-boss needs to run its SQL on our connection. */
export type SqlExecutor = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
};

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Parameterised raw SQL, for migrations, health checks and job plumbing. */
  executor: SqlExecutor;
  connectionString: string | undefined;
  /** The postgres.js pool (server PostgreSQL only). */
  pg?: postgres.Sql;
  /** The embedded database (PGlite only). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  /** A PGlite data-directory dump to start from (tests copy a migrated template this way). */
  loadDataDir?: Blob;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Who opens an embedded data directory, written to its lock for the message another opener gets. */
  command?: string;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      connectionString: options.databaseUrl,
      pg: client,
      executor: {
        async executeSql(text, values) {
          const rows = await client.unsafe(text, (values ?? []) as never[]);
          return { rows: rows as unknown as Record<string, unknown>[] };
        },
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let lock: ReturnType<typeof acquireDataDirLock> | null = null;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(path.resolve(dataDir), { recursive: true });
    // Taken here so no caller can forget it: a second opener would lose its writes (issue 8).
    lock = acquireDataDirLock(path.resolve(dataDir), options.command ?? 'kabinet');
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      // Trigram indexes for the license search by serial fragment (migration 0004).
      extensions: { pg_trgm },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    connectionString: undefined,
    executor: {
      async executeSql(text, values) {
        // pg-boss sends multi-statement scripts without parameters (its migrations): those go to exec().
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
        }
        const result = await client.query(text, values);
        return { rows: result.rows as Record<string, unknown>[] };
      },
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
