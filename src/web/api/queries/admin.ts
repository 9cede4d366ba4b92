import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AdminUser,
  type AdminUserCreateBody,
  AdminUserList,
  type AdminUserListQuery,
  type AdminUserUpdateBody,
  AuditList,
  type AuditListQuery,
  MailList,
  type MailListQuery,
  type MailMessage,
  type MailMessageDetail,
  type PortalInfo,
} from '../../../shared/api/admin';
import type { OkResponse } from '../../../shared/api/common';
import type {
  Member,
  MemberAddBody,
  MemberList,
  OrganizationCreateBody,
  OrganizationList,
  OrganizationListQuery,
  OrganizationResponse,
  OrganizationUpdateBody,
} from '../../../shared/api/organizations';
import type { MembershipRole } from '../../../shared/api/roles';
import { api, withQuery } from '../client';
import { PORTAL_INFO_KEY } from './organization';

const id = (value: string) => encodeURIComponent(value);
const ORGS = ['admin', 'organizations'] as const;
const USERS = ['admin', 'users'] as const;

// ---- Organizations -------------------------------------------------------------------------------

export function useAdminOrganizations(query: OrganizationListQuery) {
  return useQuery({
    queryKey: [...ORGS, 'list', query],
    queryFn: ({ signal }) => api.get<OrganizationList>(withQuery('/admin/organizations', query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminOrganization(organizationId: string) {
  return useQuery({
    queryKey: [...ORGS, organizationId],
    queryFn: () => api.get<OrganizationResponse>(`/admin/organizations/${id(organizationId)}`),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationCreateBody) =>
      api.post<OrganizationResponse>('/admin/organizations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...ORGS, 'list'] }),
  });
}

/** PATCH of requisites, or `block` / `unblock`; all answer the organization. */
export function useUpdateOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { body: OrganizationUpdateBody } | { action: 'block' | 'unblock' }) =>
      'action' in change
        ? api.post<OrganizationResponse>(`/admin/organizations/${id(organizationId)}/${change.action}`)
        : api.patch<OrganizationResponse>(`/admin/organizations/${id(organizationId)}`, change.body),
    onSuccess: (organization) => {
      queryClient.setQueryData([...ORGS, organizationId], organization);
      void queryClient.invalidateQueries({ queryKey: [...ORGS, 'list'] });
    },
  });
}

export function useAdminOrganizationMembers(organizationId: string) {
  return useQuery({
    queryKey: [...ORGS, organizationId, 'members'],
    queryFn: () => api.get<MemberList>(`/admin/organizations/${id(organizationId)}/members`),
  });
}

/** Add, change role, remove; the members list and the people's pages are refreshed afterwards. */
export function useMemberMutation(organizationId: string) {
  const queryClient = useQueryClient();
  const base = `/admin/organizations/${id(organizationId)}/members`;
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'add'; body: MemberAddBody }
        | { kind: 'role'; userId: string; role: MembershipRole }
        | { kind: 'remove'; userId: string },
    ): Promise<Member | OkResponse> => {
      if (change.kind === 'add') return api.post<Member>(base, change.body);
      if (change.kind === 'role')
        return api.patch<Member>(`${base}/${id(change.userId)}`, { role: change.role });
      return api.delete<OkResponse>(`${base}/${id(change.userId)}`);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...ORGS, organizationId, 'members'] });
      void queryClient.invalidateQueries({ queryKey: [...ORGS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: USERS });
    },
  });
}

// ---- Users ---------------------------------------------------------------------------------------

export function useAdminUsers(query: AdminUserListQuery) {
  return useQuery({
    queryKey: [...USERS, 'list', query],
    queryFn: ({ signal }) =>
      api.get<AdminUserList>(withQuery('/admin/users', query), { signal, schema: AdminUserList }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminUser(userId: string) {
  return useQuery({
    queryKey: [...USERS, userId],
    queryFn: () => api.get<AdminUser>(`/admin/users/${id(userId)}`),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdminUserCreateBody) => api.post<AdminUser>('/admin/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...USERS, 'list'] }),
  });
}

export function useUpdateUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { body: AdminUserUpdateBody } | { action: 'block' | 'unblock' }) =>
      'action' in change
        ? api.post<AdminUser>(`/admin/users/${id(userId)}/${change.action}`)
        : api.patch<AdminUser>(`/admin/users/${id(userId)}`, change.body),
    onSuccess: (user) => {
      queryClient.setQueryData([...USERS, userId], user);
      void queryClient.invalidateQueries({ queryKey: [...USERS, 'list'] });
    },
  });
}

export function useSendPasswordReset(userId: string) {
  return useMutation({
    mutationFn: () => api.post<OkResponse>(`/admin/users/${id(userId)}/password-reset`),
  });
}

// ---- Audit, mail, portal info --------------------------------------------------------------------

export function useAuditEvents(query: AuditListQuery) {
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) =>
      api.get<AuditList>(withQuery('/admin/audit', query), { signal, schema: AuditList }),
    placeholderData: keepPreviousData,
  });
}

export function useMailMessages(query: MailListQuery) {
  return useQuery({
    queryKey: ['admin', 'mail', 'list', query],
    queryFn: ({ signal }) => api.get<MailList>(withQuery('/admin/mail', query), { signal, schema: MailList }),
    placeholderData: keepPreviousData,
  });
}

export function useMailMessage(messageId: string | null) {
  return useQuery({
    queryKey: ['admin', 'mail', messageId],
    queryFn: () => api.get<MailMessageDetail>(`/admin/mail/${id(messageId ?? '')}`),
    enabled: messageId !== null,
  });
}

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api.post<MailMessage>(`/admin/mail/${id(messageId)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'mail'] }),
  });
}

export function useSavePortalInfo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalInfo) => api.put<PortalInfo>('/admin/portal-info', body),
    onSuccess: (info) => queryClient.setQueryData(PORTAL_INFO_KEY, info),
  });
}
