import type { QueryClient } from '@tanstack/react-query';
import { type ParsedLocation, redirect } from '@tanstack/react-router';
import type { MeResponse } from '../../shared/api/auth';
import { type StaffPermission, staffCan } from '../../shared/api/roles';
import { api, data } from '../api/client';
import { meQueryOptions, storeMe } from '../api/queries/auth';

type GuardContext = { context: { queryClient: QueryClient }; location: ParsedLocation };

/** Logged-in people only; guests go to /login and come back afterwards. */
export async function requireMe({ context, location }: GuardContext): Promise<MeResponse> {
  const me = await context.queryClient.ensureQueryData(meQueryOptions);
  if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  return me;
}

export async function redirectIfLoggedIn({ context }: GuardContext): Promise<void> {
  const me = await context.queryClient.ensureQueryData(meQueryOptions);
  if (me) throw redirect({ to: '/' });
}

/**
 * Cabinet sections work inside the active organization. With one organization it is chosen for the
 * person, with several they choose (seed 002, «Выберите организацию»); staff without organizations
 * belong in the back office.
 */
export async function requireOrganization(args: GuardContext): Promise<void> {
  const me = await requireMe(args);
  if (me.activeOrganizationId) return;
  const [only, ...others] = me.organizations;
  if (!only) {
    if (me.user.staffRole) throw redirect({ to: '/admin' });
    if (args.location.pathname !== '/') throw redirect({ to: '/' });
    return; // the home page explains that there is no organization yet
  }
  if (others.length > 0) throw redirect({ to: '/select-organization' });
  try {
    const updated = await data(
      api.POST('/api/v1/auth/active-organization', { body: { organizationId: only.organizationId } }),
    );
    storeMe(args.context.queryClient, updated);
  } catch {
    // A blocked organization cannot be entered; the home page shows the reason from /organization.
  }
}

/** The back office is for staff; each section also checks its permission (STAFF_PERMISSIONS). */
export function requireStaff(permission: StaffPermission) {
  return async (args: GuardContext): Promise<void> => {
    const me = await requireMe(args);
    if (!me.user.staffRole) throw redirect({ to: '/' });
    if (!staffCan(me.user.staffRole, permission)) throw redirect({ to: '/admin' });
  };
}
