import { asc, sql } from 'drizzle-orm';
import {
  SEED_CODE_TABLES,
  SERIAL_TABLE_KEYS,
  type SerialCodeEntry,
  type SerialCodeTables,
  type SerialTableKey,
} from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { catalogCodes } from './schema';

/**
 * Seeds the 8 code tables of «Приложение 1» (seed 000) from `src/shared/serial-number/tables.ts`.
 * Idempotent and independent of migrations: existing codes are left as the operator changed them (renamed,
 * retired), codes a newer release adds to the seed appear, and N nodes starting together insert each row once.
 * Called on every start and by `seed-demo`.
 */
export async function ensureReferenceData(db: Db): Promise<void> {
  const rows = SERIAL_TABLE_KEYS.flatMap((tableKey) =>
    SEED_CODE_TABLES[tableKey].map((entry, position) => ({
      tableKey,
      code: entry.code,
      name: entry.name,
      position,
    })),
  );
  await db.insert(catalogCodes).values(rows).onConflictDoNothing();
  forgetCodeTables(db);
}

/**
 * Other app nodes see an operator's change after at most this long; this node sees it at once
 * (writes call {@link forgetCodeTables}). The public decoder reads the tables on every request.
 */
const CACHE_TTL_MS = 5_000;
const cache = new WeakMap<Db, { at: number; tables: Promise<SerialCodeTables> }>();

async function readCodeTables(db: Db): Promise<SerialCodeTables> {
  const rows = await db
    .select()
    .from(catalogCodes)
    .orderBy(asc(catalogCodes.tableKey), asc(catalogCodes.position), asc(catalogCodes.code));
  const tables = Object.fromEntries(SERIAL_TABLE_KEYS.map((k) => [k, [] as SerialCodeEntry[]])) as Record<
    SerialTableKey,
    SerialCodeEntry[]
  >;
  for (const row of rows) {
    const list = tables[row.tableKey as SerialTableKey];
    list?.push(
      row.retired ? { code: row.code, name: row.name, retired: true } : { code: row.code, name: row.name },
    );
  }
  return tables;
}

/**
 * The operator's code tables in the shape every codec function takes. Pass the root database, never a
 * transaction: call it before opening one (on PGlite a query on the root inside a transaction waits forever).
 */
export function loadCodeTables(db: Db): Promise<SerialCodeTables> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.tables;
  const tables = readCodeTables(db);
  cache.set(db, { at: Date.now(), tables });
  tables.catch(() => cache.delete(db));
  return tables;
}

/** Drops this node's cached tables after a change. */
export function forgetCodeTables(db: Db): void {
  cache.delete(db);
}

/** Next display position in a table: after the seed's codes and earlier additions. */
export async function nextCodePosition(tx: Db, tableKey: SerialTableKey): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | string | null>`max(${catalogCodes.position})` })
    .from(catalogCodes)
    .where(sql`${catalogCodes.tableKey} = ${tableKey}`);
  return Number(row?.max ?? -1) + 1;
}

export function isSeedCode(tableKey: SerialTableKey, code: string): boolean {
  return SEED_CODE_TABLES[tableKey].some((e) => e.code === code);
}
