import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../client';

// Seed 002 security in the back office: the license-signing keys and their rotation, vendors' tokens for the
// device check-in API.

const KEYS = ['admin', 'license-keys'] as const;
const tokensKey = (vendorId: string) => ['admin', 'vendors', vendorId, 'tokens'] as const;

/** Every signing key, the active one first; retired keys stay listed (and published). */
export function useLicenseKeys() {
  return useQuery({
    queryKey: KEYS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/license-keys', { signal })),
  });
}

/** «Сменить ключ»: the answer is the new set of keys. */
export function useRotateLicenseKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/v1/admin/license-keys/rotate')),
    onSuccess: (keys) => queryClient.setQueryData(KEYS, keys),
  });
}

export function useVendorTokens(vendorId: string) {
  return useQuery({
    queryKey: tokensKey(vendorId),
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/vendors/{id}/tokens', { params: { path: { id: vendorId } }, signal })),
  });
}

/** The answer carries the `kbv_…` secret: it is shown once and never kept in the query cache. */
export function useCreateVendorToken(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      data(
        api.POST('/api/v1/admin/vendors/{id}/tokens', { params: { path: { id: vendorId } }, body: { name } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(vendorId) }),
  });
}

export function useRevokeVendorToken(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      data(
        api.DELETE('/api/v1/admin/vendors/{id}/tokens/{tokenId}', {
          params: { path: { id: vendorId, tokenId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(vendorId) }),
  });
}
