import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DocumentKind } from '../../../shared/api/orders';
import { API_PREFIX, api, data, type QueryOf } from '../client';
import { PARTNER } from './partner-activations';

// Seed 002 «Заказы» in the partner cabinet: orders of every organization the person works for.

const ORDERS = [...PARTNER, 'orders'] as const;
const id = (value: string) => encodeURIComponent(value);

/** A PDF of «Документы»: a plain link, the browser saves it with the server's file name. */
export function orderDocumentHref(orderId: string, kind: DocumentKind): string {
  return `${API_PREFIX}/partner/orders/${id(orderId)}/documents/${kind}`;
}

export function usePartnerOrders(query: QueryOf<'/api/v1/partner/orders'>) {
  return useQuery({
    queryKey: [...ORDERS, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/partner/orders', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One order; refetched every 5 s while its invoice and УПД are still being made. */
export function usePartnerOrder(orderId: string) {
  return useQuery({
    queryKey: [...ORDERS, orderId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/partner/orders/{id}', { params: { path: { id: orderId } }, signal })),
    refetchInterval: (query) => (query.state.data && query.state.data.documents.length === 0 ? 5000 : false),
  });
}
