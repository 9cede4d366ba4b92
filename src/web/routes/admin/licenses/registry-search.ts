import { searchChoice, searchPage, searchText } from '../../../lib/search';

// What «Реестр лицензий» keeps in the URL (hand-written: zod stays out of the eager bundle).

/** LICENSE_SORTS of shared/api/licenses.ts, repeated here for the same reason. */
export const REGISTRY_SORTS = ['id', 'serial', 'product', 'quantity', 'activated', 'issuedAt'] as const;

export type RegistrySearch = {
  q?: string;
  sort?: (typeof REGISTRY_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateRegistrySearch(search: Record<string, unknown>): RegistrySearch {
  return {
    q: searchText(search.q),
    sort: searchChoice(search.sort, REGISTRY_SORTS),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}
