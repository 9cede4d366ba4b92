import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntegrationTokenCreateBody } from '../../../shared/api/integration-tokens';
import { api, type BodyOf, data } from '../client';

const TOKENS = ['admin', 'integration-tokens'] as const;

/** «API-токены»: every integration token, live ones first. */
export function useIntegrationTokens() {
  return useQuery({
    queryKey: TOKENS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/integration-tokens', { signal })),
  });
}

export function useCreateIntegrationToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntegrationTokenCreateBody) =>
      data(
        api.POST('/api/v1/admin/integration-tokens', {
          // The form parsed it with IntegrationTokenCreateBody, whose enum is INTEGRATION_TOKEN_PERMISSIONS; its
          // TypeScript type is the wider StaffPermission (the list is a filter), the OpenAPI enum is exact.
          body: body as BodyOf<'/api/v1/admin/integration-tokens', 'post'>,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useRevokeIntegrationToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      data(api.POST('/api/v1/admin/integration-tokens/{id}/revoke', { params: { path: { id: tokenId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}
