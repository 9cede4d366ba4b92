import { and, asc, count, desc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditList, AuditListQuery } from '../../../shared/api/admin';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { joinOrganization, organizationRef } from '../organizations/joins';
import { auditEvents } from './schema';

type Query = z.output<typeof AuditListQuery>;

/** Dates in the filter are Moscow calendar days. */
const moscowDay = (date: string) => sql`(${date}::date)::timestamp at time zone 'Europe/Moscow'`;

export async function listAudit(db: Db, query: Query): Promise<AuditList> {
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
      .select({ event: auditEvents, organizationName: organizationRef.shortName })
      .from(auditEvents)
      .leftJoin(...joinOrganization(auditEvents.organizationId))
      .where(where)
      .orderBy(direction(auditEvents.createdAt), direction(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map(({ event, organizationName }) => ({
      id: String(event.id),
      at: event.createdAt.toISOString(),
      actorUserId: event.actorUserId,
      actorEmail: event.actorEmail,
      organizationId: event.organizationId,
      organizationName: organizationName ?? null,
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
