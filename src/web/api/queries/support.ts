import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProductList } from '../../../shared/api/catalog';
import type {
  AdminSupportTicketDetail,
  AdminSupportTicketList,
  AdminSupportTicketListQuery,
  SupportContacts,
  SupportTicketCreateBody,
  SupportTicketDetail,
  SupportTicketList,
  SupportTicketListQuery,
} from '../../../shared/api/support';
import { api, withQuery } from '../client';

const id = (value: string) => encodeURIComponent(value);

// ---- Cabinet: «Техподдержка» of the active organization (keys start with `organization`, so switching
// organizations drops them with the rest of its data) ----------------------------------------------------

const SUPPORT = ['organization', 'support'] as const;

export function useSupportContacts() {
  return useQuery({
    queryKey: [...SUPPORT, 'contacts'],
    queryFn: ({ signal }) => api.get<SupportContacts>('/support/contacts', { signal }),
  });
}

export function useSupportTickets(query: SupportTicketListQuery) {
  return useQuery({
    queryKey: [...SUPPORT, 'tickets', query],
    queryFn: ({ signal }) => api.get<SupportTicketList>(withQuery('/support/tickets', query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSupportTicket(ticketId: string) {
  return useQuery({
    queryKey: [...SUPPORT, 'ticket', ticketId],
    queryFn: ({ signal }) => api.get<SupportTicketDetail>(`/support/tickets/${id(ticketId)}`, { signal }),
  });
}

/** «Новое обращение»: one `Idempotency-Key` per filled form, so a double click creates one request. */
export function useCreateSupportTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SupportTicketCreateBody; idempotencyKey: string }) =>
      api.post<SupportTicketDetail>('/support/tickets', body, {
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: (ticket) => {
      queryClient.setQueryData([...SUPPORT, 'ticket', ticket.id], ticket);
      void queryClient.invalidateQueries({ queryKey: [...SUPPORT, 'tickets'] });
    },
  });
}

/** A reply or «Закрыть обращение»; both answer the request with its thread. */
export function useSupportTicketAction(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'reply'; body: string } | { kind: 'close' }) =>
      action.kind === 'reply'
        ? api.post<SupportTicketDetail>(`/support/tickets/${id(ticketId)}/messages`, { body: action.body })
        : api.post<SupportTicketDetail>(`/support/tickets/${id(ticketId)}/close`),
    onSuccess: (ticket) => {
      queryClient.setQueryData([...SUPPORT, 'ticket', ticketId], ticket);
      void queryClient.invalidateQueries({ queryKey: [...SUPPORT, 'tickets'] });
    },
  });
}

// ---- Back office: «Обращения» -------------------------------------------------------------------------

const ADMIN_SUPPORT = ['admin', 'support'] as const;

export function useAdminSupportTickets(query: AdminSupportTicketListQuery) {
  return useQuery({
    queryKey: [...ADMIN_SUPPORT, 'list', query],
    queryFn: ({ signal }) =>
      api.get<AdminSupportTicketList>(withQuery('/admin/support/tickets', query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminSupportTicket(ticketId: string) {
  return useQuery({
    queryKey: [...ADMIN_SUPPORT, ticketId],
    queryFn: ({ signal }) =>
      api.get<AdminSupportTicketDetail>(`/admin/support/tickets/${id(ticketId)}`, { signal }),
  });
}

export type AdminSupportAction =
  | { kind: 'reply'; body: string }
  | { kind: 'assign' }
  | { kind: 'close' }
  | { kind: 'reopen' };

/** Reply, take, close, reopen; each answers the request as it now is. */
export function useAdminSupportAction(ticketId: string) {
  const queryClient = useQueryClient();
  const base = `/admin/support/tickets/${id(ticketId)}`;
  return useMutation({
    mutationFn: (action: AdminSupportAction) =>
      action.kind === 'reply'
        ? api.post<AdminSupportTicketDetail>(`${base}/messages`, { body: action.body })
        : api.post<AdminSupportTicketDetail>(`${base}/${action.kind}`),
    onSuccess: (ticket) => {
      queryClient.setQueryData([...ADMIN_SUPPORT, ticketId], ticket);
      void queryClient.invalidateQueries({ queryKey: [...ADMIN_SUPPORT, 'list'] });
    },
  });
}

/** Products of table 1 for the back office's product filter. */
export function useSupportProductOptions() {
  return useQuery({
    queryKey: [...ADMIN_SUPPORT, 'product-options'],
    queryFn: ({ signal }) => api.get<ProductList>('/admin/catalog/products', { signal }),
    staleTime: 5 * 60_000,
  });
}
