import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  ForgotPasswordBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  ProfileUpdateBody,
  ResetPasswordBody,
  ResetTokenStatus,
  SessionList,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorLoginBody,
  TwoFactorSetupResponse,
} from '../../../shared/api/auth';
import type { OkResponse } from '../../../shared/api/common';
import { ApiError, api, setCsrfToken } from '../client';

// Types only here: this file is part of the eager bundle, the zod runtime is not.

export const ME_KEY = ['auth', 'me'] as const;
const SESSIONS_KEY = ['auth', 'sessions'] as const;

async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await api.get<MeResponse>('/auth/me', { quietUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Who is logged in; `null` for a guest. */
export const meQueryOptions = queryOptions({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQueryOptions);
}

/** Puts a fresh `MeResponse` (login, profile, organization switch) into the cache. */
export function storeMe(queryClient: QueryClient, me: MeResponse | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(ME_KEY, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResponse>('/auth/login', body),
    onSuccess: (result) => {
      if (result.status === 'ok') storeMe(queryClient, result.me);
      else setCsrfToken(result.csrfToken);
    },
  });
}

export function useLoginTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorLoginBody) => api.post<LoginResponse>('/auth/login/two-factor', body),
    onSuccess: (result) => {
      if (result.status === 'ok') storeMe(queryClient, result.me);
    },
  });
}

/** Ends the session (or all of them) and forgets every cached answer of the previous user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options: { everywhere: boolean }) =>
      api.post<OkResponse>(options.everywhere ? '/auth/logout-all' : '/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      storeMe(queryClient, null);
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdateBody) => api.patch<MeResponse>('/auth/me', body),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}

export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) =>
      api.post<MeResponse>('/auth/active-organization', { organizationId }),
    onSuccess: (me) => {
      // Everything under `organization` belonged to the previous organization.
      queryClient.removeQueries({ queryKey: ['organization'] });
      storeMe(queryClient, me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<OkResponse>('/auth/password/change', body),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordBody) => api.post<OkResponse>('/auth/password/forgot', body),
  });
}

export function useResetTokenStatus(token: string) {
  return useQuery({
    queryKey: ['auth', 'reset-token', token],
    queryFn: () => api.get<ResetTokenStatus>(`/auth/password/reset/${encodeURIComponent(token)}`),
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) => api.post<OkResponse>('/auth/password/reset', body),
  });
}

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api.get<SessionList>('/auth/sessions') });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useTwoFactorSetup() {
  return useMutation({ mutationFn: () => api.post<TwoFactorSetupResponse>('/auth/two-factor/setup') });
}

export function useTwoFactorEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorEnableBody) => api.post<OkResponse>('/auth/two-factor/enable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useTwoFactorDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorDisableBody) => api.post<OkResponse>('/auth/two-factor/disable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
