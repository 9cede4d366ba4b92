import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  ForgotPasswordBody,
  LoginBody,
  MeResponse,
  ProfileUpdateBody,
  ResetPasswordBody,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorLoginBody,
} from '../../../shared/api/auth';
import { ApiError, api, data, QUIET, setCsrfToken } from '../client';

// Types only here: this file is part of the eager bundle, the zod runtime is not.

export const ME_KEY = ['auth', 'me'] as const;
const SESSIONS_KEY = ['auth', 'sessions'] as const;

async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await data(api.GET('/api/v1/auth/me', { ...QUIET }));
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
    mutationFn: (body: LoginBody) => data(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (result) => {
      if (result.status === 'ok') storeMe(queryClient, result.me);
      else setCsrfToken(result.csrfToken);
    },
  });
}

export function useLoginTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorLoginBody) => data(api.POST('/api/v1/auth/login/two-factor', { body })),
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
      data(api.POST(options.everywhere ? '/api/v1/auth/logout-all' : '/api/v1/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      storeMe(queryClient, null);
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdateBody) => data(api.PATCH('/api/v1/auth/me', { body })),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}

export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) =>
      data(api.POST('/api/v1/auth/active-organization', { body: { organizationId } })),
    onSuccess: (me) => {
      // Everything under `organization` belonged to the previous organization.
      queryClient.removeQueries({ queryKey: ['organization'] });
      storeMe(queryClient, me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => data(api.POST('/api/v1/auth/password/change', { body })),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordBody) => data(api.POST('/api/v1/auth/password/forgot', { body })),
  });
}

export function useResetTokenStatus(token: string) {
  return useQuery({
    queryKey: ['auth', 'reset-token', token],
    queryFn: () => data(api.GET('/api/v1/auth/password/reset/{token}', { params: { path: { token } } })),
    enabled: token.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) => data(api.POST('/api/v1/auth/password/reset', { body })),
  });
}

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => data(api.GET('/api/v1/auth/sessions')) });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useTwoFactorSetup() {
  return useMutation({ mutationFn: () => data(api.POST('/api/v1/auth/two-factor/setup')) });
}

export function useTwoFactorEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorEnableBody) => data(api.POST('/api/v1/auth/two-factor/enable', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useTwoFactorDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorDisableBody) => data(api.POST('/api/v1/auth/two-factor/disable', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
