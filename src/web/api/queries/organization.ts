import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationContactsUpdateBody } from '../../../shared/api/organizations';
import { api, data } from '../client';

// The active organization of the session (the server scopes these endpoints); keys start with
// `organization` so switching organizations can drop them all at once.
const ORGANIZATION_KEY = ['organization', 'details'] as const;
const MEMBERS_KEY = ['organization', 'members'] as const;
export const PORTAL_INFO_KEY = ['portal-info'] as const;

export function useOrganization() {
  return useQuery({
    queryKey: ORGANIZATION_KEY,
    queryFn: () => data(api.GET('/api/v1/organization')),
  });
}

export function useUpdateOrganizationContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationContactsUpdateBody) => data(api.PATCH('/api/v1/organization', { body })),
    onSuccess: (organization) => queryClient.setQueryData(ORGANIZATION_KEY, organization),
  });
}

/** Owners and admins only; the caller decides whether to ask (others get 403). */
export function useOrganizationMembers(enabled: boolean) {
  return useQuery({
    queryKey: MEMBERS_KEY,
    queryFn: () => data(api.GET('/api/v1/organization/members')),
    enabled,
  });
}

/** «О нас», «Контакты» and the head of the technical department; public, changes rarely. */
export const portalInfoQueryOptions = queryOptions({
  queryKey: PORTAL_INFO_KEY,
  queryFn: () => data(api.GET('/api/v1/portal-info')),
  staleTime: 10 * 60_000,
});

export function usePortalInfo() {
  return useQuery(portalInfoQueryOptions);
}
