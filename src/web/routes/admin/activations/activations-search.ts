import type { ActivationStatus } from '../../../../shared/api/activations';
import { searchChoice, searchPage, searchText } from '../../../lib/search';

// What «Активации» keeps in the URL. Eager (the router imports it): no zod, only type imports of the contract.

const STATUSES = ['in_progress', 'done', 'failed'] as const satisfies readonly ActivationStatus[];
const SORTS = ['number', 'total', 'createdAt'] as const;

export type ActivationsSearch = {
  /** «Поиск по СН». */
  serial?: string;
  /** Organization name or INN. */
  q?: string;
  organizationId?: string;
  status?: ActivationStatus;
  sort?: (typeof SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateAdminActivationsSearch(search: Record<string, unknown>): ActivationsSearch {
  return {
    serial: searchText(search.serial),
    q: searchText(search.q),
    organizationId: searchText(search.organizationId),
    status: searchChoice(search.status, STATUSES),
    sort: searchChoice(search.sort, SORTS),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}

/** One activation's page keeps its items' search and page in the URL. */
export type ActivationItemsSearch = { q?: string; page?: number };

export function validateAdminActivationItemsSearch(search: Record<string, unknown>): ActivationItemsSearch {
  return { q: searchText(search.q), page: searchPage(search.page) };
}
