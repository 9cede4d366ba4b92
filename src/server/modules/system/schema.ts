import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns';

/** Operator-editable settings such as «О нас» / «Контакты»; one row per key. */
export const portalSettings = pgTable('portal_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: updatedAt(),
});

/**
 * Gap-free counters for numbers people see (activation №, order №, invoice ПГ-118). A counter row is
 * locked by the UPDATE until the creating transaction commits, so numbers never skip or repeat.
 */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

/**
 * Responses of requests sent with an `Idempotency-Key` (ARCHITECTURE.md, "Money-moving endpoints take an
 * Idempotency-Key"). The row is written in the transaction that does the work, so a key is either unused or
 * bound to a committed result; a retry with the same body gets that result again.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Endpoint and caller, e.g. `licenses.issue:<user id>`: one caller's keys never answer another's. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the canonical request body; the same key with another body is refused. */
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
