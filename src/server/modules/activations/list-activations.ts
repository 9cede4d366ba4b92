import { and, asc, count, desc, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivationList, ActivationListQuery } from '../../../shared/api/activations';
import { normalizeDeviceSerial } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { likePattern } from '../admin/like-pattern';
import { organizations } from '../organizations/schema';
import { selectSummaries, toSummaries } from './activation-view';
import { activationItems, activations } from './schema';

type ListQuery = z.output<typeof ActivationListQuery>;

/** Whose activations: the partner's organizations, or every organization (`null`, back office). */
export type ActivationScope = { organizationIds: readonly string[] | null };

function conditions(db: Db, query: ListQuery, scope: ActivationScope): SQL | undefined {
  const serial = query.serial ? normalizeDeviceSerial(query.serial) : '';
  const text = query.q?.trim() ?? '';
  return and(
    scope.organizationIds ? inArray(activations.organizationId, [...scope.organizationIds]) : undefined,
    query.organizationId ? eq(activations.organizationId, query.organizationId) : undefined,
    query.status ? eq(activations.status, query.status) : undefined,
    // «Поиск по СН»: a prefix of the normalized serial, so activation_items_serial_prefix_idx (text_pattern_ops)
    // finds the few matching items among millions before their activations are joined.
    serial
      ? inArray(
          activations.id,
          db
            .select({ id: activationItems.activationId })
            .from(activationItems)
            .where(like(activationItems.serial, `${likePattern(serial, false)}%`)),
        )
      : undefined,
    text
      ? or(
          ilike(organizations.shortName, likePattern(text)),
          like(organizations.inn, `${likePattern(text, false)}%`),
        )
      : undefined,
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
export async function listActivations(
  db: Db,
  query: ListQuery,
  scope: ActivationScope,
): Promise<ActivationList> {
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (scope.organizationIds?.length === 0) return empty;
  const where = conditions(db, query, scope);
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    selectSummaries(db, where)
      .orderBy(direction(SORT_COLUMNS[query.sort]), direction(activations.number))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(activations)
      .innerJoin(organizations, eq(organizations.id, activations.organizationId))
      .where(where),
  ]);
  return { ...empty, items: await toSummaries(db, rows), total: Number(total?.n ?? 0) };
}
