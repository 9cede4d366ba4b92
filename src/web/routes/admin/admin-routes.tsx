import { createRoute, lazyRouteComponent as lazy, redirect } from '@tanstack/react-router';
import { requireStaff } from '../../lib/guards';
import {
  validateAuditSearch,
  validateMailSearch,
  validateOrganizationsSearch,
  validateUsersSearch,
} from '../../lib/route-search';
import { authedRoute } from '../root-routes';
import { validateAdminSupportSearch } from '../support/support-search';

// The back office. Every route names the staff permission it needs in `staticData.permission` and its menu
// entry in `staticData.adminNav`; `requireStaff` on `adminRoute` checks every matched route's permission and
// admin-menu.ts builds the menu from the same routes, so a new page is one `createRoute` here or in
// admin-licensing-routes.tsx / admin-partner-routes.tsx. Pages without a permission need only `adminRoute`'s.

export const adminRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/admin',
  staticData: { permission: 'readDirectory' },
  // The annotation breaks a type cycle: the guard reads `matches`, whose type is the route tree this route is in.
  beforeLoad: (args): Promise<void> => requireStaff(args),
  component: lazy(() => import('./admin-layout'), 'AdminLayout'),
});

const indexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/organizations' });
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations',
  validateSearch: validateOrganizationsSearch,
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'admin.nav.organizations', icon: 'building', order: 10 },
  },
  component: lazy(() => import('./organizations/organizations-page'), 'OrganizationsPage'),
});

const organizationCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations/new',
  staticData: { permission: 'editOrganizations' },
  component: lazy(() => import('./organizations/organization-create-page'), 'OrganizationCreatePage'),
});

const organizationRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/organizations/$organizationId',
  component: lazy(() => import('./organizations/organization-page'), 'OrganizationPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  validateSearch: validateUsersSearch,
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'admin.nav.users', icon: 'users', order: 20 },
  },
  component: lazy(() => import('./users/users-page'), 'UsersPage'),
});

const userRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users/$userId',
  component: lazy(() => import('./users/user-page'), 'UserPage'),
});

const supportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/support',
  validateSearch: validateAdminSupportSearch,
  staticData: {
    permission: 'readSupport',
    adminNav: { labelKey: 'supportAdmin.title', icon: 'headset', order: 30 },
  },
  component: lazy(() => import('./support/support-tickets-page'), 'SupportTicketsPage'),
});

const supportTicketRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/support/$ticketId',
  staticData: { permission: 'readSupport' },
  component: lazy(() => import('./support/support-ticket-page'), 'SupportTicketPage'),
});

// The back office's own records and settings, at the end of the menu (the seed sections come between).

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  validateSearch: validateAuditSearch,
  staticData: {
    permission: 'readAudit',
    adminNav: { labelKey: 'admin.nav.audit', icon: 'history', order: 190 },
  },
  component: lazy(() => import('./audit/audit-page'), 'AuditPage'),
});

const mailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/mail',
  validateSearch: validateMailSearch,
  staticData: { permission: 'readMail', adminNav: { labelKey: 'admin.nav.mail', icon: 'mail', order: 200 } },
  component: lazy(() => import('./mail/mail-page'), 'MailPage'),
});

const portalInfoRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/portal-info',
  staticData: {
    permission: 'editPortalInfo',
    adminNav: { labelKey: 'admin.nav.portalInfo', icon: 'info-square-rounded', order: 210 },
  },
  component: lazy(() => import('./portal-info/portal-info-page'), 'PortalInfoPage'),
});

const integrationTokensRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/integration-tokens',
  staticData: {
    permission: 'manageStaff',
    adminNav: { labelKey: 'admin.nav.integrationTokens', icon: 'key', order: 220 },
  },
  component: lazy(() => import('./integration-tokens/integration-tokens-page'), 'IntegrationTokensPage'),
});

/** Children of `adminRoute`: the directory, support and the back office's own pages. */
export const ADMIN_ROUTES = [
  indexRoute,
  organizationsRoute,
  organizationCreateRoute,
  organizationRoute,
  usersRoute,
  userRoute,
  supportRoute,
  supportTicketRoute,
  auditRoute,
  mailRoute,
  portalInfoRoute,
  integrationTokensRoute,
];
