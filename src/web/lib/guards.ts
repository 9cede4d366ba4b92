import type { QueryClient } from '@tanstack/react-query';
import { type ParsedLocation, redirect, type StaticDataRouteOption } from '@tanstack/react-router';
import type { MeResponse } from '../../shared/api/auth';
import { type StaffRole, staffCan } from '../../shared/api/roles';
import { api, data } from '../api/client';
import { meQueryOptions, storeMe } from '../api/queries/auth';

type GuardContext = {
  context: { queryClient: QueryClient };
  location: Pick<ParsedLocation, 'href' | 'pathname'>;
};

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

/**
 * Whether a staff role may open a route: each route on its way from the root (its `staticData`) names no
 * permission or one the role has in STAFF_PERMISSIONS, the table the API checks. The guard below and the
 * back-office menu both ask this.
 */
export function staffMayOpen(
  role: StaffRole | null | undefined,
  staticData: readonly StaticDataRouteOption[],
): boolean {
  return role != null && staticData.every(({ permission }) => !permission || staffCan(role, permission));
}

/**
 * The back office is for staff, and each of its routes may name the permission it needs
 * (`staticData.permission`). This guard sits on the back office's layout route and checks every matched
 * route, so a page states its permission once, beside its path: non-staff go home, staff without the
 * permission to the back office's first page.
 */
export async function requireStaff(
  args: GuardContext & { matches: ReadonlyArray<{ staticData: StaticDataRouteOption }> },
): Promise<void> {
  const me = await requireMe(args);
  if (!me.user.staffRole) throw redirect({ to: '/' });
  const path = args.matches.map((match) => match.staticData);
  if (!staffMayOpen(me.user.staffRole, path)) throw redirect({ to: '/admin' });
}
