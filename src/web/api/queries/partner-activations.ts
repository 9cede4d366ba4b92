import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivationCommentBody,
  ActivationCreateBody,
  ActivationStatus,
  ActivationSummary,
  SerialsBody,
} from '../../../shared/api/activations';
import type { OfferAcceptBody } from '../../../shared/api/offers';
import { API_PREFIX, api, data, type QueryOf } from '../client';

// Seed 002 «Лицензии» in the partner cabinet. A partner works for several organizations at once (the list
// shows all of them, «Организация» filters), so the keys start with `partner`, not with the active organization.

export const PARTNER = ['partner'] as const;
const ACTIVATIONS = [...PARTNER, 'activations'] as const;
const id = (value: string) => encodeURIComponent(value);

/** The file behind «Скачать файл лицензии»: a plain link, the browser saves `license-<№>.slf`. */
export function licenseFileHref(activationId: string): string {
  return `${API_PREFIX}/partner/activations/${id(activationId)}/license-file`;
}

/** «Скачать пример файла» of the serials import. */
export const SAMPLE_FILE_HREF = `${API_PREFIX}/partner/activations/sample-file`;

/** The organizations of the person's partner memberships, with what each may do right now. */
export function usePartnerOrganizations() {
  return useQuery({
    queryKey: [...PARTNER, 'organizations'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/partner/organizations', { signal })),
  });
}

/** «Методы установки лицензий» and «Цены». */
export function usePartnerInfo() {
  return useQuery({
    queryKey: [...PARTNER, 'info'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/partner/info', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useCurrentOffer(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...PARTNER, 'offer', organizationId],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/partner/organizations/{organizationId}/offer', {
          params: { path: { organizationId } },
          signal,
        }),
      ),
    enabled,
  });
}

/** Seed 2.3: accepts the version the person read; the organizations are refetched (`offerAccepted`). */
export function useAcceptOffer(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OfferAcceptBody) =>
      data(
        api.POST('/api/v1/partner/organizations/{organizationId}/offer/accept', {
          params: { path: { organizationId } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PARTNER }),
  });
}

/** «Проверить серийный номер»: the whole list each time, so the server can flag duplicates. */
export function usePrecheckSerials() {
  return useMutation({
    mutationFn: (body: SerialsBody) => data(api.POST('/api/v1/partner/activations/check', { body })),
  });
}

/** «Активировать»: one `Idempotency-Key` per confirmation, so a double click creates the activations once. */
export function useCreateActivations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ActivationCreateBody; idempotencyKey: string }) =>
      data(api.POST('/api/v1/partner/activations', { body, headers: { 'idempotency-key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PARTNER }),
  });
}

export function usePartnerActivations(query: QueryOf<'/api/v1/partner/activations'>) {
  return useQuery({
    queryKey: [...ACTIVATIONS, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/partner/activations', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    // While a row is «В работе» the list follows it, so «Выполнена» / «Ошибка» appear without a reload.
    refetchInterval: (q) =>
      q.state.data?.items.some((item) => item.status === 'in_progress') ? 3000 : false,
  });
}

/** One activation; polled every 3 s while «В работе», so the page follows the vendor's processing. */
export function usePartnerActivation(activationId: string) {
  return useQuery({
    queryKey: [...ACTIVATIONS, activationId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/partner/activations/{id}', { params: { path: { id: activationId } }, signal })),
    refetchInterval: (query) => (query.state.data?.status === 'in_progress' ? 3000 : false),
  });
}

/** The serials of one activation; the status is part of the key, so they are read again once it changes. */
export function usePartnerActivationItems(
  activationId: string,
  query: QueryOf<'/api/v1/partner/activations/{id}/items'>,
  status: ActivationStatus,
) {
  return useQuery({
    queryKey: [...ACTIVATIONS, activationId, 'items', status, query],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/partner/activations/{id}/items', {
          params: { path: { id: activationId }, query },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

function useStoreActivation() {
  const queryClient = useQueryClient();
  return (activation: ActivationSummary) => {
    queryClient.setQueryData([...ACTIVATIONS, activation.id], activation);
    void queryClient.invalidateQueries({ queryKey: [...ACTIVATIONS, 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...ACTIVATIONS, activation.id, 'items'] });
  };
}

/** «Повторить запрос»: the failed activation goes back to «В работе» and to the vendor again. */
export function usePartnerRetryActivation(activationId: string) {
  const store = useStoreActivation();
  return useMutation({
    mutationFn: () =>
      data(api.POST('/api/v1/partner/activations/{id}/retry', { params: { path: { id: activationId } } })),
    onSuccess: store,
  });
}

/** «Добавить комментарий»: an empty text removes the comment. */
export function usePartnerActivationComment(activationId: string) {
  const store = useStoreActivation();
  return useMutation({
    mutationFn: (body: ActivationCommentBody) =>
      data(
        api.PUT('/api/v1/partner/activations/{id}/comment', { params: { path: { id: activationId } }, body }),
      ),
    onSuccess: store,
  });
}
