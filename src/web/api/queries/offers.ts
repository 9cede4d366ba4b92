import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfferPublishBody, OfferSaveBody, PartnerTermsSaveBody } from '../../../shared/api/offers';
import { api, data } from '../client';

// Offer versions and their acceptances, partner terms and partner accounts (seed 002), as the server's
// `offers` module serves them.

const OFFERS = ['admin', 'offers'] as const;
const ACCOUNTS = ['admin', 'partner-accounts'] as const;

export function useOffers() {
  return useQuery({
    queryKey: OFFERS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/offers', { signal })),
  });
}

export function useOfferAcceptances(offerId: string | null) {
  return useQuery({
    queryKey: [...OFFERS, offerId, 'acceptances'],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/admin/offers/{id}/acceptances', { params: { path: { id: offerId ?? '' } }, signal }),
      ),
    enabled: offerId !== null,
  });
}

/** Create a draft, edit a draft (`edit`) or publish one (`publish`); the versions list is refreshed. */
export function useOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'create'; body: OfferSaveBody }
        | { kind: 'edit'; offerId: string; body: OfferSaveBody }
        | { kind: 'publish'; offerId: string; body: OfferPublishBody },
    ) => {
      if (change.kind === 'create') return data(api.POST('/api/v1/admin/offers', { body: change.body }));
      if (change.kind === 'edit')
        return data(
          api.PUT('/api/v1/admin/offers/{id}', {
            params: { path: { id: change.offerId } },
            body: change.body,
          }),
        );
      return data(
        api.POST('/api/v1/admin/offers/{id}/publish', {
          params: { path: { id: change.offerId } },
          body: change.body,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OFFERS }),
  });
}

// ---- Partner terms -------------------------------------------------------------------------------------

export function usePartnerTerms(organizationId: string) {
  return useQuery({
    queryKey: ['admin', 'organizations', organizationId, 'partner-terms'],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/admin/organizations/{id}/partner-terms', {
          params: { path: { id: organizationId } },
          signal,
        }),
      ),
  });
}

export function useSavePartnerTerms(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerTermsSaveBody) =>
      data(
        api.PUT('/api/v1/admin/organizations/{id}/partner-terms', {
          params: { path: { id: organizationId } },
          body,
        }),
      ),
    onSuccess: (terms) => {
      queryClient.setQueryData(['admin', 'organizations', organizationId, 'partner-terms'], terms);
      // Other organizations of the account list this one now.
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS });
    },
  });
}

export function usePartnerAccounts() {
  return useQuery({
    queryKey: ACCOUNTS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/partner-accounts', { signal })),
  });
}

export function useCreatePartnerAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => data(api.POST('/api/v1/admin/partner-accounts', { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNTS }),
  });
}
