import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IntegrationToken,
  IntegrationTokenCreateBody,
  IntegrationTokenCreated,
  IntegrationTokenList,
} from '../../../shared/api/integration-tokens';
import { api } from '../client';

const TOKENS = ['admin', 'integration-tokens'] as const;

/** «API-токены»: every integration token, live ones first. */
export function useIntegrationTokens() {
  return useQuery({
    queryKey: TOKENS,
    queryFn: ({ signal }) => api.get<IntegrationTokenList>('/admin/integration-tokens', { signal }),
  });
}

export function useCreateIntegrationToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntegrationTokenCreateBody) =>
      api.post<IntegrationTokenCreated>('/admin/integration-tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useRevokeIntegrationToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.post<IntegrationToken>(`/admin/integration-tokens/${encodeURIComponent(tokenId)}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}
