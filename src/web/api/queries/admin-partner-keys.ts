import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublishedLicenseKeys,
  VendorApiToken,
  VendorApiTokenCreated,
  VendorApiTokenList,
} from '../../../shared/api/activations';
import { api } from '../client';

// Seed 002 security in the back office: the license-signing keys and their rotation, vendors' tokens for the
// device check-in API.

const KEYS = ['admin', 'license-keys'] as const;
const id = (value: string) => encodeURIComponent(value);
const tokensKey = (vendorId: string) => ['admin', 'vendors', vendorId, 'tokens'] as const;

/** Every signing key, the active one first; retired keys stay listed (and published). */
export function useLicenseKeys() {
  return useQuery({
    queryKey: KEYS,
    queryFn: ({ signal }) => api.get<PublishedLicenseKeys>('/admin/license-keys', { signal }),
  });
}

/** «Сменить ключ»: the answer is the new set of keys. */
export function useRotateLicenseKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PublishedLicenseKeys>('/admin/license-keys/rotate'),
    onSuccess: (keys) => queryClient.setQueryData(KEYS, keys),
  });
}

export function useVendorTokens(vendorId: string) {
  return useQuery({
    queryKey: tokensKey(vendorId),
    queryFn: ({ signal }) => api.get<VendorApiTokenList>(`/admin/vendors/${id(vendorId)}/tokens`, { signal }),
  });
}

/** The answer carries the `kbv_…` secret: it is shown once and never kept in the query cache. */
export function useCreateVendorToken(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.post<VendorApiTokenCreated>(`/admin/vendors/${id(vendorId)}/tokens`, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(vendorId) }),
  });
}

export function useRevokeVendorToken(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.delete<VendorApiToken>(`/admin/vendors/${id(vendorId)}/tokens/${id(tokenId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(vendorId) }),
  });
}
