import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/columns';

/** Append-only; range-partitionable by `created_at` when it grows (ARCHITECTURE.md, "Scale"). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: uuid('actor_user_id'),
    actorEmail: text('actor_email'),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_created_idx').on(t.createdAt),
    index('audit_events_org_idx').on(t.organizationId, t.createdAt),
    index('audit_events_actor_idx').on(t.actorUserId, t.createdAt),
  ],
);
