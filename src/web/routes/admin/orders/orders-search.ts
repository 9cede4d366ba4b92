import { searchChoice, searchPage, searchText } from '../../../lib/search';

// What «Заказы» keeps in the URL. Eager (the router imports it): no zod here.

/** The «Оплата» filter: the payment status, or «Просрочен» (unpaid after the due date). */
export const PAYMENT_FILTERS = ['pending', 'overdue', 'paid'] as const;
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];
const SORTS = ['number', 'orderDate', 'total'] as const;

export type OrdersSearch = {
  q?: string;
  organizationId?: string;
  payment?: PaymentFilter;
  sort?: (typeof SORTS)[number];
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateAdminOrdersSearch(search: Record<string, unknown>): OrdersSearch {
  return {
    q: searchText(search.q),
    organizationId: searchText(search.organizationId),
    payment: searchChoice(search.payment, PAYMENT_FILTERS),
    sort: searchChoice(search.sort, SORTS),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}

/** The list query's part for the «Оплата» filter: «Просрочен» is unpaid and overdue. */
export function paymentQuery(filter: PaymentFilter | undefined): {
  paymentStatus?: 'pending' | 'paid';
  overdue?: 'true';
} {
  if (filter === 'overdue') return { paymentStatus: 'pending', overdue: 'true' };
  return filter ? { paymentStatus: filter } : {};
}
