import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, check, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column helpers so every table spells ids and times the same way (stored in UTC). */
export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

/** Money: integer kopecks, RUB, as `bigint` read as a JS number (ARCHITECTURE.md, "Money"). */
export const kopecks = (name: string) => bigint(name, { mode: 'number' });

/**
 * A text column whose TypeScript type is the union of a `src/shared/api` tuple, so readers need no cast. The
 * SQL stays `text`; pair it with `enumCheck` over the same tuple so the database refuses what the type does.
 */
export const textEnum = <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
  text(name, { enum: values });

/** `<column> in ('a', 'b')` from a tuple of constants (never user input: the values are spliced as literals). */
export const inValues = (column: AnyPgColumn, values: readonly [string, ...string[]]): SQL => {
  for (const value of values) {
    if (!/^[a-z0-9_]+$/.test(value))
      throw new Error(`enum value ${JSON.stringify(value)} is not a plain word`);
  }
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;
};

/** The check constraint that keeps a `textEnum` column inside the same tuple its type comes from. */
export const enumCheck = (name: string, column: AnyPgColumn, values: readonly [string, ...string[]]) =>
  check(name, inValues(column, values));
