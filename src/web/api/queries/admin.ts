import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUserCreateBody, AdminUserUpdateBody, PortalInfo } from '../../../shared/api/admin';
import type { OkResponse } from '../../../shared/api/common';
import type {
  Member,
  MemberAddBody,
  OrganizationCreateBody,
  OrganizationUpdateBody,
} from '../../../shared/api/organizations';
import type { MembershipRole } from '../../../shared/api/roles';
import { api, data, type QueryOf } from '../client';
import { PORTAL_INFO_KEY } from './organization';

const ORGS = ['admin', 'organizations'] as const;
const USERS = ['admin', 'users'] as const;

// ---- Organizations -------------------------------------------------------------------------------

export function useAdminOrganizations(query: QueryOf<'/api/v1/admin/organizations'>) {
  return useQuery({
    queryKey: [...ORGS, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/organizations', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useAdminOrganization(organizationId: string) {
  return useQuery({
    queryKey: [...ORGS, organizationId],
    queryFn: () =>
      data(api.GET('/api/v1/admin/organizations/{id}', { params: { path: { id: organizationId } } })),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationCreateBody) => data(api.POST('/api/v1/admin/organizations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...ORGS, 'list'] }),
  });
}

/** PATCH of requisites, or `block` / `unblock`; all answer the organization. */
export function useUpdateOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { body: OrganizationUpdateBody } | { action: 'block' | 'unblock' }) =>
      'action' in change
        ? data(
            api.POST(
              change.action === 'block'
                ? '/api/v1/admin/organizations/{id}/block'
                : '/api/v1/admin/organizations/{id}/unblock',
              { params: { path: { id: organizationId } } },
            ),
          )
        : data(
            api.PATCH('/api/v1/admin/organizations/{id}', {
              params: { path: { id: organizationId } },
              body: change.body,
            }),
          ),
    onSuccess: (organization) => {
      queryClient.setQueryData([...ORGS, organizationId], organization);
      void queryClient.invalidateQueries({ queryKey: [...ORGS, 'list'] });
    },
  });
}

export function useAdminOrganizationMembers(organizationId: string) {
  return useQuery({
    queryKey: [...ORGS, organizationId, 'members'],
    queryFn: () =>
      data(api.GET('/api/v1/admin/organizations/{id}/members', { params: { path: { id: organizationId } } })),
  });
}

/** Add, change role, remove; the members list and the people's pages are refreshed afterwards. */
export function useMemberMutation(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'add'; body: MemberAddBody }
        | { kind: 'role'; userId: string; role: MembershipRole }
        | { kind: 'remove'; userId: string },
    ): Promise<Member | OkResponse> => {
      if (change.kind === 'add')
        return data(
          api.POST('/api/v1/admin/organizations/{id}/members', {
            params: { path: { id: organizationId } },
            body: change.body,
          }),
        );
      if (change.kind === 'role')
        return data(
          api.PATCH('/api/v1/admin/organizations/{id}/members/{userId}', {
            params: { path: { id: organizationId, userId: change.userId } },
            body: { role: change.role },
          }),
        );
      return data(
        api.DELETE('/api/v1/admin/organizations/{id}/members/{userId}', {
          params: { path: { id: organizationId, userId: change.userId } },
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...ORGS, organizationId, 'members'] });
      void queryClient.invalidateQueries({ queryKey: [...ORGS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: USERS });
    },
  });
}

// ---- Users ---------------------------------------------------------------------------------------

export function useAdminUsers(query: QueryOf<'/api/v1/admin/users'>) {
  return useQuery({
    queryKey: [...USERS, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/users', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useAdminUser(userId: string) {
  return useQuery({
    queryKey: [...USERS, userId],
    queryFn: () => data(api.GET('/api/v1/admin/users/{id}', { params: { path: { id: userId } } })),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdminUserCreateBody) => data(api.POST('/api/v1/admin/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...USERS, 'list'] }),
  });
}

export function useUpdateUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { body: AdminUserUpdateBody } | { action: 'block' | 'unblock' }) =>
      'action' in change
        ? data(
            api.POST(
              change.action === 'block'
                ? '/api/v1/admin/users/{id}/block'
                : '/api/v1/admin/users/{id}/unblock',
              { params: { path: { id: userId } } },
            ),
          )
        : data(
            api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id: userId } }, body: change.body }),
          ),
    onSuccess: (user) => {
      queryClient.setQueryData([...USERS, userId], user);
      void queryClient.invalidateQueries({ queryKey: [...USERS, 'list'] });
    },
  });
}

export function useSendPasswordReset(userId: string) {
  return useMutation({
    mutationFn: () =>
      data(api.POST('/api/v1/admin/users/{id}/password-reset', { params: { path: { id: userId } } })),
  });
}

// ---- Audit, mail, portal info --------------------------------------------------------------------

export function useAuditEvents(query: QueryOf<'/api/v1/admin/audit'>) {
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/audit', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMailMessages(query: QueryOf<'/api/v1/admin/mail'>) {
  return useQuery({
    queryKey: ['admin', 'mail', 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/mail', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMailMessage(messageId: string | null) {
  return useQuery({
    queryKey: ['admin', 'mail', messageId],
    queryFn: () => data(api.GET('/api/v1/admin/mail/{id}', { params: { path: { id: messageId ?? '' } } })),
    enabled: messageId !== null,
  });
}

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      data(api.POST('/api/v1/admin/mail/{id}/retry', { params: { path: { id: messageId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'mail'] }),
  });
}

export function useSavePortalInfo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalInfo) => data(api.PUT('/api/v1/admin/portal-info', { body })),
    onSuccess: (info) => queryClient.setQueryData(PORTAL_INFO_KEY, info),
  });
}
