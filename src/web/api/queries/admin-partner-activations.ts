import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type QueryOf } from '../client';

// Seed 002 «Активации» in the back office: every partner organization's activations, one activation with its
// items, «Повторить запрос» for a failed one.

const ACTIVATIONS = ['admin', 'activations'] as const;

/** The list query of the back office: the partner's filters plus a search by organization name or INN. */
export type AdminActivationListQuery = QueryOf<'/api/v1/admin/activations'>;

export function useAdminActivations(query: AdminActivationListQuery) {
  return useQuery({
    queryKey: [...ACTIVATIONS, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/activations', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One activation; polled every 3 s while «В работе», so the page follows the vendor's processing. */
export function useAdminActivation(activationId: string) {
  return useQuery({
    queryKey: [...ACTIVATIONS, activationId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/activations/{id}', { params: { path: { id: activationId } }, signal })),
    refetchInterval: (query) => (query.state.data?.status === 'in_progress' ? 3000 : false),
  });
}

export function useAdminActivationItems(
  activationId: string,
  query: QueryOf<'/api/v1/admin/activations/{id}/items'>,
) {
  return useQuery({
    queryKey: [...ACTIVATIONS, activationId, 'items', query],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/admin/activations/{id}/items', {
          params: { path: { id: activationId }, query },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** «Повторить запрос»: the failed activation goes back to «В работе» and to the vendor again. */
export function useRetryActivation(activationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      data(api.POST('/api/v1/admin/activations/{id}/retry', { params: { path: { id: activationId } } })),
    onSuccess: (activation) => {
      if (activation?.id) queryClient.setQueryData([...ACTIVATIONS, activation.id], activation);
      void queryClient.invalidateQueries({ queryKey: ACTIVATIONS });
    },
  });
}
