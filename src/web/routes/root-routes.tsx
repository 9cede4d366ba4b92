import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet } from '@tanstack/react-router';
import { AuthedOutlet } from '../components/authed-outlet';
import { NotFoundPage, RouteErrorPage } from '../components/fallback-pages';
import { requireMe } from '../lib/guards';

// The two routes every area hangs from; router.tsx assembles the areas under them.

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

/** Everything behind login: guests go to /login and come back afterwards. */
export const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: requireMe,
  component: AuthedOutlet,
});
