import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { counters } from './schema';

/**
 * Takes `count` consecutive numbers of a gap-free sequence inside the caller's transaction and returns the
 * first and last (1-based: the counter's value is how many were ever taken). The upsert locks the counter row
 * until the transaction ends, so parallel takers queue, and a rollback gives the numbers back — numbers never
 * skip or repeat (ARCHITECTURE.md, "Numbers people see").
 */
export async function takeCounterBlock(
  tx: Db,
  name: string,
  count: number,
): Promise<{ first: number; last: number }> {
  const [row] = await tx
    .insert(counters)
    .values({ name, value: count })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${count}` } })
    .returning({ value: counters.value });
  if (!row) throw new Error(`counter ${name} returned nothing`);
  return { first: row.value - count + 1, last: row.value };
}

/** Moves a counter forward to at least `atLeast` (numbers taken outside it, e.g. by an import), never back. */
export async function raiseCounter(tx: Db, name: string, atLeast: number): Promise<void> {
  await tx
    .insert(counters)
    .values({ name, value: atLeast })
    .onConflictDoUpdate({
      target: counters.name,
      set: { value: sql`greatest(${counters.value}, excluded.value)` },
    });
}
