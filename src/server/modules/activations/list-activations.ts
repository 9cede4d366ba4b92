import { asc, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivationList, ActivationListQuery } from '../../../shared/api/activations';
import { normalizeDeviceSerial } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { inScope, type Scope, scopeOrganizationIds } from '../../http/scope';
import { joinOrganization, organizationMatches } from '../organizations/joins';
import { selectSummaries, toSummaries } from './activation-view';
import { activationItems, activations } from './schema';

type ListQuery = z.output<typeof ActivationListQuery>;

/** Up to this many matching items, «Поиск по СН» hands the planner a list of activation ids. */
const SERIAL_MATCH_LIMIT = 5_000;

/**
 * «Поиск по СН»: a prefix of the normalized serial, so activation_items_serial_prefix_idx (text_pattern_ops)
 * finds the matching items among millions first. With a list of their activations the planner goes straight
 * to them; given the same thing as an `IN (subquery)` it preferred to walk every activation of the organization
 * newest first and probe the items for each (1 s over 1M activations for a 13-character prefix, 2 ms this way).
 * A very broad prefix (more matches than the limit) keeps the subquery: there the walk is the better plan.
 */
async function serialCondition(db: Db, serial: string): Promise<SQL> {
  const items = db
    .select({ id: activationItems.activationId })
    .from(activationItems)
    .where(like(activationItems.serial, `${likePattern(serial, false)}%`));
  const found = await items.limit(SERIAL_MATCH_LIMIT + 1);
  if (found.length > SERIAL_MATCH_LIMIT) return inArray(activations.id, items);
  if (found.length === 0) return sql`false`;
  return inArray(activations.id, [...new Set(found.map((row) => row.id))]);
}

async function conditions(db: Db, query: ListQuery, scope: Scope): Promise<SQL> {
  const serial = query.serial ? normalizeDeviceSerial(query.serial) : '';
  const text = query.q?.trim() ?? '';
  return inScope(
    scope,
    activations.organizationId,
    query.organizationId ? eq(activations.organizationId, query.organizationId) : undefined,
    query.status ? eq(activations.status, query.status) : undefined,
    serial ? await serialCondition(db, serial) : undefined,
    text ? organizationMatches(text) : undefined,
  );
}

const SORT_COLUMNS = {
  number: activations.number,
  total: activations.totalKopecks,
  createdAt: activations.createdAt,
} as const;

/**
 * «Список активаций» (seed 002, 2.1): filters «Организация», «Поиск по СН», status (and, in the back office, an
 * organization's name or INN in `q`), sorting by «№ активации», «Стоимость», «Дата заказа», paging; each row
 * with its order's № and payment status.
 */
export async function listActivations(db: Db, scope: Scope, query: ListQuery): Promise<ActivationList> {
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (scopeOrganizationIds(scope)?.length === 0) return empty;
  const where = await conditions(db, query, scope);
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    selectSummaries(db, where)
      .orderBy(direction(SORT_COLUMNS[query.sort]), direction(activations.number))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(activations)
      .innerJoin(...joinOrganization(activations.organizationId))
      .where(where),
  ]);
  return { ...empty, items: await toSummaries(db, rows), total: Number(total?.n ?? 0) };
}
