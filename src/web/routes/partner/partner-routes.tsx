import { createRoute, lazyRouteComponent as lazy } from '@tanstack/react-router';
import { organizationRoute } from '../cabinet/cabinet-routes';
import {
  validateActivationItemsSearch,
  validateActivationsSearch,
  validateNewActivationSearch,
  validateOrdersSearch,
} from './partner-search';

// Seed 002 in the partner cabinet: «Лицензии» (activations) and «Заказы», inside the cabinet's layout and its
// active organization. `new` and `help` are static segments, so they win over `$activationId`.

const activationsRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations',
  validateSearch: validateActivationsSearch,
  staticData: { cabinetNav: { labelKey: 'nav.licenses', icon: 'license', order: 70, programs: ['partner'] } },
  component: lazy(() => import('./activations/activations-page'), 'ActivationsPage'),
});

const newActivationRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations/new',
  validateSearch: validateNewActivationSearch,
  component: lazy(() => import('./wizard/new-activation-page'), 'NewActivationPage'),
});

const activationsHelpRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations/help',
  component: lazy(() => import('./help/help-page'), 'PartnerHelpPage'),
});

const activationRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/activations/$activationId',
  validateSearch: validateActivationItemsSearch,
  component: lazy(() => import('./activations/activation-page'), 'ActivationPage'),
});

const ordersRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/orders',
  validateSearch: validateOrdersSearch,
  staticData: { cabinetNav: { labelKey: 'nav.orders', icon: 'receipt', order: 80, programs: ['partner'] } },
  component: lazy(() => import('./orders/orders-page'), 'OrdersPage'),
});

const orderRoute = createRoute({
  getParentRoute: () => organizationRoute,
  path: '/orders/$orderId',
  component: lazy(() => import('./orders/order-page'), 'OrderPage'),
});

/** Children of the cabinet's `organizationRoute`. */
export const PARTNER_ROUTES = [
  activationsRoute,
  newActivationRoute,
  activationsHelpRoute,
  activationRoute,
  ordersRoute,
  orderRoute,
];
