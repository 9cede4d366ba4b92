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
import {
  validateAdminActivationItemsSearch,
  validateAdminActivationsSearch,
} from './routes/admin/activations/activations-search';
import { validateArticlesSearch } from './routes/admin/catalog/articles-search';
import { validateDevicesSearch } from './routes/admin/devices/devices-search';
import { validateRegistrySearch } from './routes/admin/licenses/registry-search';
import { validateAdminOrdersSearch } from './routes/admin/orders/orders-search';
import { validateProductFilesSearch } from './routes/admin/product-files/product-files-search';
import {
  validateActivationItemsSearch,
  validateActivationsSearch,
  validateNewActivationSearch,
  validateOrdersSearch,
} from './routes/partner/partner-search';
import { validateAdminSupportSearch, validateSupportSearch } from './routes/support/support-search';

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

/** «Скачать» (seed 000): distributions of the licensed products. */
const downloadsRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/downloads',
  component: lazy(() => import('./routes/downloads/downloads-page'), 'DownloadsPage'),
});

/** «Информация» (seed 000, рис. 3): «Информация по <продукт>» — wiki, site, documentation. */
const informationRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/information',
  component: lazy(() => import('./routes/information/information-page'), 'InformationPage'),
});

/** «Техподдержка» (seed 000): contacts per licensed product and the organization's requests. */
const supportRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/support',
  validateSearch: validateSupportSearch,
  component: lazy(() => import('./routes/support/support-page'), 'SupportPage'),
});

const supportTicketRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/support/$ticketId',
  component: lazy(() => import('./routes/support/ticket-page'), 'TicketPage'),
});

// Seed 002 in the partner cabinet: «Лицензии» (activations) and «Заказы». `new` and `help` are static
// segments, so they win over `$activationId`.

const activationsRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations',
  validateSearch: validateActivationsSearch,
  component: lazy(() => import('./routes/partner/activations/activations-page'), 'ActivationsPage'),
});

const newActivationRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations/new',
  validateSearch: validateNewActivationSearch,
  component: lazy(() => import('./routes/partner/wizard/new-activation-page'), 'NewActivationPage'),
});

const activationsHelpRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations/help',
  component: lazy(() => import('./routes/partner/help/help-page'), 'PartnerHelpPage'),
});

const activationRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations/$activationId',
  validateSearch: validateActivationItemsSearch,
  component: lazy(() => import('./routes/partner/activations/activation-page'), 'ActivationPage'),
});

const ordersRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/orders',
  validateSearch: validateOrdersSearch,
  component: lazy(() => import('./routes/partner/orders/orders-page'), 'OrdersPage'),
});

const orderRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/orders/$orderId',
  component: lazy(() => import('./routes/partner/orders/order-page'), 'OrderPage'),
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

const adminProductFilesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/product-files',
  beforeLoad: requireStaff('manageCatalog'),
  validateSearch: validateProductFilesSearch,
  component: lazy(() => import('./routes/admin/product-files/product-files-page'), 'ProductFilesPage'),
});

const adminPortalInfoRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/portal-info',
  beforeLoad: requireStaff('editPortalInfo'),
  component: lazy(() => import('./routes/admin/portal-info/portal-info-page'), 'PortalInfoPage'),
});

const adminIntegrationTokensRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/integration-tokens',
  beforeLoad: requireStaff('manageStaff'),
  component: lazy(
    () => import('./routes/admin/integration-tokens/integration-tokens-page'),
    'IntegrationTokensPage',
  ),
});

// Seed 000 in the back office: the catalog behind serial numbers, issuing and keeping licenses.

const adminCodeTablesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/code-tables',
  beforeLoad: requireStaff('manageCatalog'),
  component: lazy(() => import('./routes/admin/catalog/code-tables-page'), 'CodeTablesPage'),
});

const adminProductsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/products',
  beforeLoad: requireStaff('manageCatalog'),
  component: lazy(() => import('./routes/admin/catalog/products-page'), 'ProductsAdminPage'),
});

const adminProductRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/products/$productCode',
  beforeLoad: requireStaff('manageCatalog'),
  component: lazy(() => import('./routes/admin/catalog/product-page'), 'ProductAdminPage'),
});

const adminArticlesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/articles',
  beforeLoad: requireStaff('manageCatalog'),
  validateSearch: validateArticlesSearch,
  component: lazy(() => import('./routes/admin/catalog/articles-page'), 'ArticlesPage'),
});

const adminArticleCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/catalog/articles/new',
  beforeLoad: requireStaff('manageCatalog'),
  component: lazy(() => import('./routes/admin/catalog/article-composer-page'), 'ArticleComposerPage'),
});

const adminLicensesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licenses',
  validateSearch: validateRegistrySearch,
  component: lazy(() => import('./routes/admin/licenses/registry-page'), 'RegistryPage'),
});

const adminLicenseIssueRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licenses/issue',
  beforeLoad: requireStaff('issueLicenses'),
  component: lazy(() => import('./routes/admin/licenses/issue-page'), 'IssuePage'),
});

const adminLicenseImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licenses/import',
  beforeLoad: requireStaff('issueLicenses'),
  component: lazy(() => import('./routes/admin/licenses/import-page'), 'ImportPage'),
});

const adminSupportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/support',
  beforeLoad: requireStaff('readSupport'),
  validateSearch: validateAdminSupportSearch,
  component: lazy(() => import('./routes/admin/support/support-tickets-page'), 'SupportTicketsPage'),
});

const adminSupportTicketRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/support/$ticketId',
  beforeLoad: requireStaff('readSupport'),
  component: lazy(() => import('./routes/admin/support/support-ticket-page'), 'SupportTicketPage'),
});

// Seed 002 reference data in the back office: vendors, device registry, license types, offer.

const adminVendorsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/vendors',
  component: lazy(() => import('./routes/admin/vendors/vendors-page'), 'VendorsPage'),
});

const adminVendorCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/vendors/new',
  beforeLoad: requireStaff('manageDevices'),
  component: lazy(() => import('./routes/admin/vendors/vendor-page'), 'VendorCreatePage'),
});

const adminVendorRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/vendors/$vendorId',
  component: lazy(() => import('./routes/admin/vendors/vendor-page'), 'VendorPage'),
});

const adminDevicesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/devices',
  validateSearch: validateDevicesSearch,
  component: lazy(() => import('./routes/admin/devices/devices-page'), 'DevicesPage'),
});

const adminLicenseTypesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-types',
  component: lazy(() => import('./routes/admin/vendors/license-types-page'), 'LicenseTypesPage'),
});

const adminLicenseTypeCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-types/new',
  beforeLoad: requireStaff('manageDevices'),
  component: lazy(() => import('./routes/admin/vendors/license-type-page'), 'LicenseTypeCreatePage'),
});

const adminLicenseTypeRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-types/$typeId',
  component: lazy(() => import('./routes/admin/vendors/license-type-page'), 'LicenseTypePage'),
});

const adminOffersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/offers',
  component: lazy(() => import('./routes/admin/offers/offers-page'), 'OffersPage'),
});

// Seed 002 operations in the back office: activations, orders and payments, the licensor, signing keys.

const adminActivationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/activations',
  beforeLoad: requireStaff('readActivations'),
  validateSearch: validateAdminActivationsSearch,
  component: lazy(() => import('./routes/admin/activations/activations-page'), 'ActivationsPage'),
});

const adminActivationRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/activations/$activationId',
  beforeLoad: requireStaff('readActivations'),
  validateSearch: validateAdminActivationItemsSearch,
  component: lazy(() => import('./routes/admin/activations/activation-page'), 'ActivationPage'),
});

const adminOrdersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/orders',
  beforeLoad: requireStaff('readOrders'),
  validateSearch: validateAdminOrdersSearch,
  component: lazy(() => import('./routes/admin/orders/orders-page'), 'OrdersPage'),
});

const adminOrderRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/orders/$orderId',
  beforeLoad: requireStaff('readOrders'),
  component: lazy(() => import('./routes/admin/orders/order-page'), 'OrderPage'),
});

const adminLicensorRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licensor',
  beforeLoad: requireStaff('readOrders'),
  component: lazy(() => import('./routes/admin/licensor/licensor-page'), 'LicensorPage'),
});

const adminLicenseKeysRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-keys',
  beforeLoad: requireStaff('manageLicenseKeys'),
  component: lazy(() => import('./routes/admin/license-keys/license-keys-page'), 'LicenseKeysPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  serialNumberRoute,
  authedRoute.addChildren([
    selectOrganizationRoute,
    cabinetRoute.addChildren([
      settingsRoute,
      organizationRoute.addChildren([
        homeRoute,
        productsRoute,
        downloadsRoute,
        informationRoute,
        supportRoute,
        supportTicketRoute,
        activationsRoute,
        newActivationRoute,
        activationsHelpRoute,
        activationRoute,
        ordersRoute,
        orderRoute,
      ]),
    ]),
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
      adminProductFilesRoute,
      adminSupportRoute,
      adminSupportTicketRoute,
      adminIntegrationTokensRoute,
      adminCodeTablesRoute,
      adminProductsRoute,
      adminProductRoute,
      adminArticlesRoute,
      adminArticleCreateRoute,
      adminLicensesRoute,
      adminLicenseIssueRoute,
      adminLicenseImportRoute,
      adminVendorsRoute,
      adminVendorCreateRoute,
      adminVendorRoute,
      adminDevicesRoute,
      adminLicenseTypesRoute,
      adminLicenseTypeCreateRoute,
      adminLicenseTypeRoute,
      adminOffersRoute,
      adminActivationsRoute,
      adminActivationRoute,
      adminOrdersRoute,
      adminOrderRoute,
      adminLicensorRoute,
      adminLicenseKeysRoute,
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
