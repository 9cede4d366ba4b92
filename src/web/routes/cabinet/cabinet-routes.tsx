import { createRoute, lazyRouteComponent as lazy } from '@tanstack/react-router';
import { requireOrganization } from '../../lib/guards';
import { authedRoute } from '../root-routes';
import { validateSupportSearch } from '../support/support-search';

// The customer cabinet (seed 000). A new section is one `createRoute` under `organizationRoute` with its menu
// entry in `staticData.cabinetNav` (components/nav-items.ts derives the menu from the route tree).

const selectOrganizationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/select-organization',
  component: lazy(() => import('../select-organization/select-organization-page'), 'SelectOrganizationPage'),
});

export const cabinetRoute = createRoute({
  getParentRoute: () => authedRoute,
  id: 'cabinet',
  component: lazy(() => import('./cabinet-layout'), 'CabinetLayout'),
});

const settingsRoute = createRoute({
  getParentRoute: () => cabinetRoute,
  path: '/settings',
  staticData: {
    cabinetNav: {
      labelKey: 'nav.settings',
      icon: 'settings',
      order: 90,
      programs: 'all',
      withoutOrganization: true,
    },
  },
  component: lazy(() => import('../settings/settings-page'), 'SettingsPage'),
});

/** Sections that show the active organization's data. */
export const organizationRoute = createRoute({
  getParentRoute: () => cabinetRoute,
  id: 'organization',
  beforeLoad: requireOrganization,
});

const homeRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/',
  staticData: { cabinetNav: { labelKey: 'nav.home', icon: 'home', order: 10, programs: 'all', exact: true } },
  component: lazy(() => import('../home/home-page'), 'HomePage'),
});

const productsRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/products',
  staticData: {
    cabinetNav: { labelKey: 'nav.products', icon: 'packages', order: 20, programs: ['licenses'] },
  },
  component: lazy(() => import('../products/products-page'), 'ProductsPage'),
});

/** «Скачать» (seed 000): distributions of the licensed products. */
const downloadsRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/downloads',
  staticData: {
    cabinetNav: { labelKey: 'nav.downloads', icon: 'download', order: 30, programs: ['licenses'] },
  },
  component: lazy(() => import('../downloads/downloads-page'), 'DownloadsPage'),
});

/** «Информация» (seed 000, рис. 3): «Информация по <продукт>» — wiki, site, documentation. */
const informationRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/information',
  staticData: {
    cabinetNav: {
      labelKey: 'nav.info',
      icon: 'info-circle',
      order: 40,
      programs: ['licenses'],
      submenu: 'information',
    },
  },
  component: lazy(() => import('../information/information-page'), 'InformationPage'),
});

/** «Техподдержка» (seed 000): contacts per licensed product and the organization's requests. */
const supportRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/support',
  validateSearch: validateSupportSearch,
  // Right after Информация, as in seed 000's menu.
  staticData: { cabinetNav: { labelKey: 'nav.support', icon: 'headset', order: 50, programs: ['licenses'] } },
  component: lazy(() => import('../support/support-page'), 'SupportPage'),
});

const supportTicketRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/support/$ticketId',
  component: lazy(() => import('../support/ticket-page'), 'TicketPage'),
});

/** Children of `authedRoute` outside the cabinet's layout. */
export const AUTHED_ROUTES = [selectOrganizationRoute];
/** Children of `cabinetRoute` that need no active organization. */
export const CABINET_ROUTES = [settingsRoute];
/** Children of `organizationRoute`. */
export const ORGANIZATION_ROUTES = [
  homeRoute,
  productsRoute,
  downloadsRoute,
  informationRoute,
  supportRoute,
  supportTicketRoute,
];
