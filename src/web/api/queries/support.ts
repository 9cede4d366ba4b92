import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SupportTicketCreateBody } from '../../../shared/api/support';
import { api, data, type QueryOf } from '../client';

// ---- Cabinet: «Техподдержка» of the active organization (keys start with `organization`, so switching
// organizations drops them with the rest of its data) ----------------------------------------------------

const SUPPORT = ['organization', 'support'] as const;

export function useSupportContacts() {
  return useQuery({
    queryKey: [...SUPPORT, 'contacts'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/support/contacts', { signal })),
  });
}

export function useSupportTickets(query: QueryOf<'/api/v1/support/tickets'>) {
  return useQuery({
    queryKey: [...SUPPORT, 'tickets', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/support/tickets', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSupportTicket(ticketId: string) {
  return useQuery({
    queryKey: [...SUPPORT, 'ticket', ticketId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/support/tickets/{id}', { params: { path: { id: ticketId } }, signal })),
  });
}

/** «Новое обращение»: one `Idempotency-Key` per filled form, so a double click creates one request. */
export function useCreateSupportTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SupportTicketCreateBody; idempotencyKey: string }) =>
      data(api.POST('/api/v1/support/tickets', { body, headers: { 'idempotency-key': idempotencyKey } })),
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
        ? data(
            api.POST('/api/v1/support/tickets/{id}/messages', {
              params: { path: { id: ticketId } },
              body: { body: action.body },
            }),
          )
        : data(api.POST('/api/v1/support/tickets/{id}/close', { params: { path: { id: ticketId } } })),
    onSuccess: (ticket) => {
      queryClient.setQueryData([...SUPPORT, 'ticket', ticketId], ticket);
      void queryClient.invalidateQueries({ queryKey: [...SUPPORT, 'tickets'] });
    },
  });
}

// ---- Back office: «Обращения» -------------------------------------------------------------------------

const ADMIN_SUPPORT = ['admin', 'support'] as const;

export function useAdminSupportTickets(query: QueryOf<'/api/v1/admin/support/tickets'>) {
  return useQuery({
    queryKey: [...ADMIN_SUPPORT, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/support/tickets', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useAdminSupportTicket(ticketId: string) {
  return useQuery({
    queryKey: [...ADMIN_SUPPORT, ticketId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/support/tickets/{id}', { params: { path: { id: ticketId } }, signal })),
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
  const path = { id: ticketId };
  return useMutation({
    mutationFn: (action: AdminSupportAction) =>
      action.kind === 'reply'
        ? data(
            api.POST('/api/v1/admin/support/tickets/{id}/messages', {
              params: { path },
              body: { body: action.body },
            }),
          )
        : data(api.POST(`/api/v1/admin/support/tickets/{id}/${action.kind}`, { params: { path } })),
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
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/catalog/products', { signal })),
    staleTime: 5 * 60_000,
  });
}
