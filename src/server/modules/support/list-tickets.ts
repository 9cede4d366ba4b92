import { asc, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AdminSupportTicketList,
  AdminSupportTicketListQuery,
  SupportTicketList,
  SupportTicketListQuery,
} from '../../../shared/api/support';
import { normalizeSerialText } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import type { MemberScope, Scope, StaffScope } from '../../http/scope';
import { licenseSerial } from '../licenses/joins';
import { organizationMatches } from '../organizations/joins';
import { supportTickets } from './schema';
import {
  countTicketsFrom,
  selectTickets,
  ticketsInScope,
  toAdminTicketItem,
  toTicketItem,
} from './ticket-view';

/** «№ 12», «#12», «12»: a request's number. */
const NUMBER_QUERY = /^\s*(?:№|#|n|no\.?)?\s*(\d{1,15})\s*$/i;

/**
 * Search by number, subject or serial (any spelling the codec repairs, any fragment); staff also by the
 * organization's name or INN.
 */
function searchCondition(q: string, scope: Scope): SQL | undefined {
  const number = NUMBER_QUERY.exec(q)?.[1];
  const compact = normalizeSerialText(q).replace(/-/g, '');
  return or(
    number ? eq(supportTickets.number, Number(number)) : undefined,
    ilike(supportTickets.subject, likePattern(q)),
    compact ? sql`replace(${licenseSerial}, '-', '') like ${likePattern(compact)}` : undefined,
    scope.kind === 'staff' ? organizationMatches(q) : undefined,
  );
}

type CustomerQuery = z.output<typeof SupportTicketListQuery>;
type StaffQuery = z.output<typeof AdminSupportTicketListQuery>;

async function listRows(db: Db, scope: Scope, query: CustomerQuery, extra: Array<SQL | undefined>) {
  const q = query.q?.trim();
  const where = ticketsInScope(
    scope,
    query.status ? eq(supportTickets.status, query.status) : undefined,
    q ? searchCondition(q, scope) : undefined,
    ...extra,
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    selectTickets(db)
      .where(where)
      .orderBy(direction(supportTickets.lastMessageAt), direction(supportTickets.number))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countTicketsFrom(db).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The organization's requests, latest activity first. */
export async function listTenantTickets(
  db: Db,
  tenant: MemberScope,
  query: CustomerQuery,
): Promise<SupportTicketList> {
  const { rows, total } = await listRows(db, tenant, query, []);
  return { items: rows.map(toTicketItem), total, page: query.page, pageSize: query.pageSize };
}

/** «Обращения» in the back office: every organization's requests with filters. */
export async function listAllTickets(
  db: Db,
  scope: StaffScope,
  query: StaffQuery,
  viewerId: string,
): Promise<AdminSupportTicketList> {
  const { rows, total } = await listRows(db, scope, query, [
    query.organizationId ? eq(supportTickets.organizationId, query.organizationId) : undefined,
    query.productCode ? eq(supportTickets.productCode, query.productCode) : undefined,
    query.assignee === 'me' ? eq(supportTickets.assigneeId, viewerId) : undefined,
    query.assignee === 'none' ? isNull(supportTickets.assigneeId) : undefined,
  ]);
  return { items: rows.map(toAdminTicketItem), total, page: query.page, pageSize: query.pageSize };
}
