import { searchChoice, searchPage, searchText } from '../../../lib/search';

// What «Артикулы» keeps in the URL. Hand-written like lib/route-search.ts: zod stays out of the eager bundle.

export const ARTICLE_SORTS = ['code', 'name', 'price', 'createdAt'] as const;
export const ARTICLE_ARCHIVED = ['active', 'archived', 'all'] as const;

export type ArticlesSearch = {
  q?: string;
  productCode?: string;
  archived?: (typeof ARTICLE_ARCHIVED)[number];
  sort?: (typeof ARTICLE_SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateArticlesSearch(search: Record<string, unknown>): ArticlesSearch {
  return {
    q: searchText(search.q),
    productCode: searchText(search.productCode),
    archived: searchChoice(search.archived, ARTICLE_ARCHIVED),
    sort: searchChoice(search.sort, ARTICLE_SORTS),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}
