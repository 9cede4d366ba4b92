import { createRoute, lazyRouteComponent as lazy } from '@tanstack/react-router';
import {
  validateAdminActivationItemsSearch,
  validateAdminActivationsSearch,
} from './activations/activations-search';
import { adminRoute } from './admin-routes';
import { validateDevicesSearch } from './devices/devices-search';
import { validateAdminOrdersSearch } from './orders/orders-search';

// Seed 002 in the back office: the partner reference data (vendors, device registry, license types, offer),
// then partners' activations and orders, what the documents print, the keys that sign licenses.

const vendorsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/vendors',
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'partnerRef.nav.vendors', icon: 'building-factory-2', order: 110 },
  },
  component: lazy(() => import('./vendors/vendors-page'), 'VendorsPage'),
});

const vendorCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/vendors/new',
  staticData: { permission: 'manageDevices' },
  component: lazy(() => import('./vendors/vendor-page'), 'VendorCreatePage'),
});

const vendorRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/vendors/$vendorId',
  component: lazy(() => import('./vendors/vendor-page'), 'VendorPage'),
});

const devicesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/devices',
  validateSearch: validateDevicesSearch,
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'partnerRef.nav.devices', icon: 'devices', order: 120 },
  },
  component: lazy(() => import('./devices/devices-page'), 'DevicesPage'),
});

const licenseTypesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-types',
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'partnerRef.nav.licenseTypes', icon: 'tags', order: 130 },
  },
  component: lazy(() => import('./vendors/license-types-page'), 'LicenseTypesPage'),
});

const licenseTypeCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-types/new',
  staticData: { permission: 'manageDevices' },
  component: lazy(() => import('./vendors/license-type-page'), 'LicenseTypeCreatePage'),
});

const licenseTypeRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-types/$typeId',
  component: lazy(() => import('./vendors/license-type-page'), 'LicenseTypePage'),
});

const offersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/offers',
  staticData: {
    permission: 'readDirectory',
    adminNav: { labelKey: 'partnerRef.nav.offers', icon: 'contract', order: 140 },
  },
  component: lazy(() => import('./offers/offers-page'), 'OffersPage'),
});

const activationsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/activations',
  validateSearch: validateAdminActivationsSearch,
  staticData: {
    permission: 'readActivations',
    adminNav: { labelKey: 'partnerOps.nav.activations', icon: 'bolt', order: 150 },
  },
  component: lazy(() => import('./activations/activations-page'), 'ActivationsPage'),
});

const activationRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/activations/$activationId',
  validateSearch: validateAdminActivationItemsSearch,
  staticData: { permission: 'readActivations' },
  component: lazy(() => import('./activations/activation-page'), 'ActivationPage'),
});

const ordersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/orders',
  validateSearch: validateAdminOrdersSearch,
  staticData: {
    permission: 'readOrders',
    adminNav: { labelKey: 'partnerOps.nav.orders', icon: 'receipt', order: 160 },
  },
  component: lazy(() => import('./orders/orders-page'), 'OrdersPage'),
});

const orderRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/orders/$orderId',
  staticData: { permission: 'readOrders' },
  component: lazy(() => import('./orders/order-page'), 'OrderPage'),
});

const licensorRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/licensor',
  staticData: {
    permission: 'readOrders',
    adminNav: { labelKey: 'partnerOps.nav.licensor', icon: 'building-bank', order: 170 },
  },
  component: lazy(() => import('./licensor/licensor-page'), 'LicensorPage'),
});

const licenseKeysRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/license-keys',
  staticData: {
    permission: 'manageLicenseKeys',
    adminNav: { labelKey: 'partnerOps.nav.licenseKeys', icon: 'signature', order: 180 },
  },
  component: lazy(() => import('./license-keys/license-keys-page'), 'LicenseKeysPage'),
});

/** Children of `adminRoute`. */
export const ADMIN_PARTNER_ROUTES = [
  vendorsRoute,
  vendorCreateRoute,
  vendorRoute,
  devicesRoute,
  licenseTypesRoute,
  licenseTypeCreateRoute,
  licenseTypeRoute,
  offersRoute,
  activationsRoute,
  activationRoute,
  ordersRoute,
  orderRoute,
  licensorRoute,
  licenseKeysRoute,
];
