import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKind, LicensorSettings, OrderPaymentBody } from '../../../shared/api/orders';
import { API_PREFIX, api, data, isApiError, type QueryOf } from '../client';

// Seed 002 «Заказы» in the back office: orders of every partner organization, their documents, payments
// recorded by staff; the licensor's requisites the documents print.

const ORDERS = ['admin', 'orders'] as const;
const LICENSOR = ['admin', 'licensor'] as const;
const id = (value: string) => encodeURIComponent(value);

export function useAdminOrders(query: QueryOf<'/api/v1/admin/orders'>) {
  return useQuery({
    queryKey: [...ORDERS, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/orders', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One order; polled every 3 s until both documents exist (the document job makes them within minutes). */
export function useAdminOrder(orderId: string) {
  return useQuery({
    queryKey: [...ORDERS, orderId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/orders/{id}', { params: { path: { id: orderId } }, signal })),
    refetchInterval: (query) => {
      const documents = query.state.data?.documents;
      return documents && documents.length < 2 ? 3000 : false;
    },
  });
}

/** The PDF's address: a plain link downloads it with the session cookie. */
export function adminOrderDocumentUrl(orderId: string, kind: DocumentKind): string {
  return `${API_PREFIX}/admin/orders/${id(orderId)}/documents/${kind}`;
}

/**
 * «Отметить оплату». The caller keeps one `Idempotency-Key` per opening of the form, so a double click or a
 * retry after a lost answer records the payment once.
 */
export function useRecordOrderPayment(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrderPaymentBody; idempotencyKey: string }) =>
      data(
        api.POST('/api/v1/admin/orders/{id}/payments', {
          params: { path: { id: orderId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORDERS }),
  });
}

/** The licensor's requisites; null while nobody has filled them in. */
export function useLicensorSettings() {
  return useQuery({
    queryKey: LICENSOR,
    queryFn: async ({ signal }) => {
      try {
        return await data(api.GET('/api/v1/admin/licensor', { signal }));
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
  });
}

export function useSaveLicensorSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LicensorSettings) => data(api.PUT('/api/v1/admin/licensor', { body })),
    onSuccess: (saved) => queryClient.setQueryData(LICENSOR, saved),
  });
}
