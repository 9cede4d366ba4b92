import { searchChoice, searchPage, searchText } from '../../lib/search';

// What the partner pages keep in the URL (seed 002): filters, sorting, page, the chosen organization. Eager
// (the router imports it), so no zod here and no imports from the shared contracts.

const ORDER = ['asc', 'desc'] as const;

export type ActivationsSearch = {
  /** «Поиск по СН». */
  serial?: string;
  organizationId?: string;
  sort?: 'number' | 'total' | 'createdAt';
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateActivationsSearch(search: Record<string, unknown>): ActivationsSearch {
  return {
    serial: searchText(search.serial),
    organizationId: searchText(search.organizationId),
    sort: searchChoice(search.sort, ['number', 'total', 'createdAt'] as const),
    order: searchChoice(search.order, ORDER),
    page: searchPage(search.page),
  };
}

/** «Активация лицензий»: the organization chosen on the cards. */
export type NewActivationSearch = { organizationId?: string };

export function validateNewActivationSearch(search: Record<string, unknown>): NewActivationSearch {
  return { organizationId: searchText(search.organizationId) };
}

/** One activation: «Поиск...» over its serials and the page of its table. */
export type ActivationItemsSearch = { q?: string; page?: number };

export function validateActivationItemsSearch(search: Record<string, unknown>): ActivationItemsSearch {
  return { q: searchText(search.q), page: searchPage(search.page) };
}

/** «Оплата»: paid, waiting, or waiting past the due date. */
export const ORDER_PAYMENT_FILTERS = ['pending', 'paid', 'overdue'] as const;

export type OrdersSearch = {
  q?: string;
  organizationId?: string;
  payment?: (typeof ORDER_PAYMENT_FILTERS)[number];
  sort?: 'number' | 'orderDate' | 'total';
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateOrdersSearch(search: Record<string, unknown>): OrdersSearch {
  return {
    q: searchText(search.q),
    organizationId: searchText(search.organizationId),
    payment: searchChoice(search.payment, ORDER_PAYMENT_FILTERS),
    sort: searchChoice(search.sort, ['number', 'orderDate', 'total'] as const),
    order: searchChoice(search.order, ORDER),
    page: searchPage(search.page),
  };
}
