import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent as lazy,
  Outlet,
  parseSearchWith,
  redirect,
  stringifySearchWith,
} from '@tanstack/react-router';
import { AuthedOutlet } from './components/authed-outlet';
import { NotFoundPage, RouteErrorPage } from './components/fallback-pages';
import { PageLoader } from './components/page-loader';
import { redirectIfLoggedIn, requireMe, requireOrganization, requireStaff } from './lib/guards';
import {
  validateAuditSearch,
  validateMailSearch,
  validateOrganizationsSearch,
  validateUsersSearch,
} from './lib/route-search';
import { safeRedirect, searchText } from './lib/search';

// Code-based route tree; every page is a lazy chunk. A new cabinet section is one `createRoute` under
// `organizationRoute` plus one entry in components/nav-items.ts.

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

// ---- Guests ----------------------------------------------------------------------------------------

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: redirectIfLoggedIn,
  component: lazy(() => import('./routes/auth/login-page'), 'LoginPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazy(() => import('./routes/auth/forgot-password-page'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: searchText(search.token),
  }),
  component: lazy(() => import('./routes/auth/reset-password-page'), 'ResetPasswordPage'),
});

/** «Расшифровка серийного номера» (seed 000): public, with or without a session. */
const serialNumberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/serial-number',
  validateSearch: (search: Record<string, unknown>): { serial?: string } => ({
    serial: searchText(search.serial),
  }),
  component: lazy(() => import('./routes/serial-number/serial-number-page'), 'SerialNumberPage'),
});

// ---- Logged in -------------------------------------------------------------------------------------

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: requireMe,
  component: AuthedOutlet,
});

const selectOrganizationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/select-organization',
  component: lazy(
    () => import('./routes/select-organization/select-organization-page'),
    'SelectOrganizationPage',
  ),
});

const cabinetRoute = createRoute({
  getParentRoute: () => authedRoute,
  id: 'cabinet',
  component: lazy(() => import('./routes/cabinet/cabinet-layout'), 'CabinetLayout'),
});

const settingsRoute = createRoute({
  getParentRoute: () => cabinetRoute,
  path: '/settings',
  component: lazy(() => import('./routes/settings/settings-page'), 'SettingsPage'),
});

/** Sections that show the active organization's data. */
const organizationRoute = createRoute({
  getParentRoute: () => cabinetRoute,
  id: 'organization',
  beforeLoad: requireOrganization,
});

const homeRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/',
  component: lazy(() => import('./routes/home/home-page'), 'HomePage'),
});

const productsRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/products',
  component: lazy(() => import('./routes/products/products-page'), 'ProductsPage'),
});

// ---- Back office -----------------------------------------------------------------------------------

const adminRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/admin',
  beforeLoad: requireStaff('readDirectory'),
  component: lazy(() => import('./routes/admin/admin-layout'), 'AdminLayout'),
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/organizations' });
  },
});

const adminOrganizationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations',
  validateSearch: validateOrganizationsSearch,
  component: lazy(() => import('./routes/admin/organizations/organizations-page'), 'OrganizationsPage'),
});

const adminOrganizationCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations/new',
  beforeLoad: requireStaff('editOrganizations'),
  component: lazy(
    () => import('./routes/admin/organizations/organization-create-page'),
    'OrganizationCreatePage',
  ),
});

const adminOrganizationRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations/$organizationId',
  component: lazy(() => import('./routes/admin/organizations/organization-page'), 'OrganizationPage'),
});

const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  validateSearch: validateUsersSearch,
  component: lazy(() => import('./routes/admin/users/users-page'), 'UsersPage'),
});

const adminUserRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users/$userId',
  component: lazy(() => import('./routes/admin/users/user-page'), 'UserPage'),
});

const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  beforeLoad: requireStaff('readAudit'),
  validateSearch: validateAuditSearch,
  component: lazy(() => import('./routes/admin/audit/audit-page'), 'AuditPage'),
});

const adminMailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/mail',
  beforeLoad: requireStaff('readMail'),
  validateSearch: validateMailSearch,
  component: lazy(() => import('./routes/admin/mail/mail-page'), 'MailPage'),
});

const adminPortalInfoRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/portal-info',
  beforeLoad: requireStaff('editPortalInfo'),
  component: lazy(() => import('./routes/admin/portal-info/portal-info-page'), 'PortalInfoPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  serialNumberRoute,
  authedRoute.addChildren([
    selectOrganizationRoute,
    cabinetRoute.addChildren([settingsRoute, organizationRoute.addChildren([homeRoute, productsRoute])]),
    adminRoute.addChildren([
      adminIndexRoute,
      adminOrganizationsRoute,
      adminOrganizationCreateRoute,
      adminOrganizationRoute,
      adminUsersRoute,
      adminUserRoute,
      adminAuditRoute,
      adminMailRoute,
      adminPortalInfoRoute,
    ]),
  ]),
]);

/** Paths a guest may stay on when the session ends. */
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

// Declaration merging needs an interface here: it is how TanStack Router learns the route tree's types.
declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
