import { and, asc, count, desc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEvent, AuditList, AuditListQuery } from '../../../shared/api/admin';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { auditEvents } from './schema';

type Query = z.output<typeof AuditListQuery>;

/** A journal row without the organization's name: audit knows no organizations (system's viewer adds it). */
export type AuditEventRow = Omit<AuditEvent, 'organizationName'>;
export type AuditEventPage = Omit<AuditList, 'items'> & { items: AuditEventRow[] };

/** Dates in the filter are Moscow calendar days. */
const moscowDay = (date: string) => sql`(${date}::date)::timestamp at time zone 'Europe/Moscow'`;

/** A page of the audit journal, filtered and ordered as the back office asks. */
export async function listAuditEvents(db: Db, query: Query): Promise<AuditEventPage> {
  const q = query.q?.trim();
  const where = and(
    q
      ? or(
          ilike(auditEvents.actorEmail, likePattern(q)),
          ilike(auditEvents.action, likePattern(q)),
          ilike(auditEvents.ip, likePattern(q)),
          eq(auditEvents.entityId, q),
        )
      : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.organizationId ? eq(auditEvents.organizationId, query.organizationId) : undefined,
    query.userId
      ? or(eq(auditEvents.actorUserId, query.userId), eq(auditEvents.entityId, query.userId))
      : undefined,
    query.from ? gte(auditEvents.createdAt, moscowDay(query.from)) : undefined,
    query.to ? lt(auditEvents.createdAt, sql`${moscowDay(query.to)} + interval '1 day'`) : undefined,
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(direction(auditEvents.createdAt), direction(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map((event) => ({
      id: String(event.id),
      at: event.createdAt.toISOString(),
      actorUserId: event.actorUserId,
      actorEmail: event.actorEmail,
      organizationId: event.organizationId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      ip: event.ip,
      details: event.details ?? null,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
