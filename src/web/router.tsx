import type { QueryClient } from '@tanstack/react-query';
import { createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import type { StaffPermission } from '../shared/api/roles';
import type { CabinetNavEntry } from './components/nav-items';
import { PageLoader } from './components/page-loader';
import { ADMIN_LICENSING_ROUTES } from './routes/admin/admin-licensing-routes';
import type { AdminNavEntry } from './routes/admin/admin-nav-items';
import { ADMIN_PARTNER_ROUTES } from './routes/admin/admin-partner-routes';
import { ADMIN_ROUTES, adminRoute } from './routes/admin/admin-routes';
import {
  AUTHED_ROUTES,
  CABINET_ROUTES,
  cabinetRoute,
  ORGANIZATION_ROUTES,
  organizationRoute,
} from './routes/cabinet/cabinet-routes';
import { GUEST_ROUTES } from './routes/guest-routes';
import { PARTNER_ROUTES } from './routes/partner/partner-routes';
import { authedRoute, rootRoute } from './routes/root-routes';

// Code-based route tree, one file per area; every page is a lazy chunk. A route carries what the rest of the
// app needs to know about it in `staticData` (below): the back office's permission and menu entry, the
// cabinet's menu entry.

const routeTree = rootRoute.addChildren([
  ...GUEST_ROUTES,
  authedRoute.addChildren([
    ...AUTHED_ROUTES,
    cabinetRoute.addChildren([
      ...CABINET_ROUTES,
      organizationRoute.addChildren([...ORGANIZATION_ROUTES, ...PARTNER_ROUTES]),
    ]),
    adminRoute.addChildren([...ADMIN_ROUTES, ...ADMIN_LICENSING_ROUTES, ...ADMIN_PARTNER_ROUTES]),
  ]),
]);

/** Paths a guest may stay on when the session ends (routes/guest-routes.tsx). */
export const PUBLIC_PATHS = ['/login', '/forgot-password', '/reset-password', '/serial-number'];

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    scrollRestoration: true,
    // Plain query strings (`?q=7707083893&page=2`) instead of JSON-quoted values: links people copy stay
    // readable; the validators in lib/route-search.ts turn them into typed values.
    parseSearch: parseSearchWith((value) => value),
    stringifySearch: stringifySearchWith(JSON.stringify),
  });
}

// Declaration merging needs interfaces here: it is how TanStack Router learns the route tree's types and
// what a route may carry in `staticData`.
declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  interface StaticDataRouteOption {
    /** Back office: the staff permission the route needs, checked by `requireStaff` (lib/guards.ts). */
    permission?: StaffPermission;
    /** Back office: the route's entry in the menu (routes/admin/admin-nav-items.ts). */
    adminNav?: AdminNavEntry;
    /** Cabinet: the route's entry in the menu (components/nav-items.ts). */
    cabinetNav?: CabinetNavEntry;
  }
}
