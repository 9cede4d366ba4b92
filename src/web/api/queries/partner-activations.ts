import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivationCommentBody,
  ActivationCreateBody,
  ActivationCreateResponse,
  ActivationItemList,
  ActivationItemQuery,
  ActivationList,
  ActivationListQuery,
  ActivationStatus,
  ActivationSummary,
  PartnerInfo,
  PartnerOrganizationList,
  PrecheckResponse,
  SerialsBody,
} from '../../../shared/api/activations';
import type { CurrentOfferResponse, OfferAcceptBody } from '../../../shared/api/offers';
import { API_PREFIX, api, withQuery } from '../client';

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
    queryFn: ({ signal }) => api.get<PartnerOrganizationList>('/partner/organizations', { signal }),
  });
}

/** «Методы установки лицензий» and «Цены». */
export function usePartnerInfo() {
  return useQuery({
    queryKey: [...PARTNER, 'info'],
    queryFn: ({ signal }) => api.get<PartnerInfo>('/partner/info', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCurrentOffer(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...PARTNER, 'offer', organizationId],
    queryFn: ({ signal }) =>
      api.get<CurrentOfferResponse>(`/partner/organizations/${id(organizationId)}/offer`, { signal }),
    enabled,
  });
}

/** Seed 2.3: accepts the version the person read; the organizations are refetched (`offerAccepted`). */
export function useAcceptOffer(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OfferAcceptBody) =>
      api.post<unknown>(`/partner/organizations/${id(organizationId)}/offer/accept`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PARTNER }),
  });
}

/** «Проверить серийный номер»: the whole list each time, so the server can flag duplicates. */
export function usePrecheckSerials() {
  return useMutation({
    mutationFn: (body: SerialsBody) => api.post<PrecheckResponse>('/partner/activations/check', body),
  });
}

/** «Активировать»: one `Idempotency-Key` per confirmation, so a double click creates the activations once. */
export function useCreateActivations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ActivationCreateBody; idempotencyKey: string }) =>
      api.post<ActivationCreateResponse>('/partner/activations', body, {
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PARTNER }),
  });
}

export function usePartnerActivations(query: ActivationListQuery) {
  return useQuery({
    queryKey: [...ACTIVATIONS, 'list', query],
    queryFn: ({ signal }) => api.get<ActivationList>(withQuery('/partner/activations', query), { signal }),
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
      api.get<ActivationSummary>(`/partner/activations/${id(activationId)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'in_progress' ? 3000 : false),
  });
}

/** The serials of one activation; the status is part of the key, so they are read again once it changes. */
export function usePartnerActivationItems(
  activationId: string,
  query: ActivationItemQuery,
  status: ActivationStatus,
) {
  return useQuery({
    queryKey: [...ACTIVATIONS, activationId, 'items', status, query],
    queryFn: ({ signal }) =>
      api.get<ActivationItemList>(withQuery(`/partner/activations/${id(activationId)}/items`, query), {
        signal,
      }),
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
    mutationFn: () => api.post<ActivationSummary>(`/partner/activations/${id(activationId)}/retry`),
    onSuccess: store,
  });
}

/** «Добавить комментарий»: an empty text removes the comment. */
export function usePartnerActivationComment(activationId: string) {
  const store = useStoreActivation();
  return useMutation({
    mutationFn: (body: ActivationCommentBody) =>
      api.put<ActivationSummary>(`/partner/activations/${id(activationId)}/comment`, body),
    onSuccess: store,
  });
}
