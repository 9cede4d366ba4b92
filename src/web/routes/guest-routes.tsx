import { createRoute, lazyRouteComponent as lazy } from '@tanstack/react-router';
import { redirectIfLoggedIn } from '../lib/guards';
import { safeRedirect, searchText } from '../lib/search';
import { rootRoute } from './root-routes';

// Pages a guest may open (router.tsx's PUBLIC_PATHS lists them for the session-ended redirect).

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: redirectIfLoggedIn,
  component: lazy(() => import('./auth/login-page'), 'LoginPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazy(() => import('./auth/forgot-password-page'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: searchText(search.token),
  }),
  component: lazy(() => import('./auth/reset-password-page'), 'ResetPasswordPage'),
});

/** «Расшифровка серийного номера» (seed 000): public, with or without a session; in the cabinet menu too. */
const serialNumberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/serial-number',
  validateSearch: (search: Record<string, unknown>): { serial?: string } => ({
    serial: searchText(search.serial),
  }),
  staticData: {
    cabinetNav: { labelKey: 'nav.serialNumber', icon: 'zoom-code', order: 60, programs: ['licenses'] },
  },
  component: lazy(() => import('./serial-number/serial-number-page'), 'SerialNumberPage'),
});

export const GUEST_ROUTES = [loginRoute, forgotPasswordRoute, resetPasswordRoute, serialNumberRoute];
