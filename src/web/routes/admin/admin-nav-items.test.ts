import { QueryClient } from '@tanstack/react-query';
import { isRedirect } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../shared/api/auth';
import { STAFF_ROLES, type StaffRole, staffCan } from '../../../shared/api/roles';
import { ME_KEY } from '../../api/queries/auth';
import { visibleNavItems } from '../../components/nav-items';
import { requireStaff } from '../../lib/guards';
import { type MenuRoute, staticDataPath } from '../../lib/route-menu';
import { createAppRouter } from '../../router';
import { adminNavItems } from './admin-nav-items';

// The back-office menu is derived from the route tree and the guard reads the same `staticData`: these checks
// keep a menu entry from appearing without its permission, or for a role the guard would turn away.

const routes: MenuRoute[] = Object.values(createAppRouter(new QueryClient()).routesById);
const withAdminNav = routes.filter((route) => route.options.staticData?.adminNav);

function meAs(role: StaffRole): MeResponse {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      email: `${role}@kabinet.test`,
      name: role,
      phone: null,
      staffRole: role,
      twoFactorEnabled: false,
      locale: 'ru',
    },
    organizations: [],
    activeOrganizationId: null,
    csrfToken: 'csrf',
  };
}

/** What `requireStaff` answers for the role on the route: `null` lets them in, otherwise the redirect's path. */
async function guard(role: StaffRole, route: MenuRoute): Promise<string | null> {
  const queryClient = new QueryClient();
  queryClient.setQueryData(ME_KEY, meAs(role));
  const location = { href: route.fullPath, pathname: route.fullPath };
  const matches = staticDataPath(route).map((staticData) => ({ staticData }));
  try {
    await requireStaff({ context: { queryClient }, location, matches });
    return null;
  } catch (error) {
    if (isRedirect(error)) return error.options.to ?? '';
    throw error;
  }
}

describe('the back-office menu (routes carry their permission and menu entry)', () => {
  it('has an entry for every section, each on a back-office route that names its own permission', () => {
    expect(withAdminNav.length).toBeGreaterThanOrEqual(22);
    for (const route of withAdminNav) {
      expect(route.fullPath, 'a menu entry outside /admin').toMatch(/^\/admin\//);
      expect(
        route.options.staticData?.permission,
        `${route.fullPath} has a menu entry but no permission`,
      ).toBeDefined();
    }
    const orders = withAdminNav.map((route) => route.options.staticData?.adminNav?.order);
    expect(new Set(orders).size, 'two entries share a place in the menu').toBe(orders.length);
  });

  it.each(STAFF_ROLES)('shows %s only what STAFF_PERMISSIONS and the guard let them open', async (role) => {
    const shown = new Set(adminNavItems(routes, role).map((item) => item.to));
    expect(shown.size).toBeGreaterThan(0);
    for (const route of withAdminNav) {
      const permission = route.options.staticData?.permission;
      const allowed = permission !== undefined && staffCan(role, permission);
      expect(shown.has(route.fullPath), `${role} on ${route.fullPath}`).toBe(allowed);
      expect(await guard(role, route), `the guard for ${role} on ${route.fullPath}`).toBe(
        allowed ? null : '/admin',
      );
    }
  });

  it('shows nothing to someone without a staff role', () => {
    expect(adminNavItems(routes, null)).toEqual([]);
  });
});

describe('the cabinet menu', () => {
  it('lives outside the back office, one place per entry', () => {
    const entries = routes.filter((route) => route.options.staticData?.cabinetNav);
    for (const route of entries) expect(route.fullPath).not.toMatch(/^\/admin/);
    const orders = entries.map((route) => route.options.staticData?.cabinetNav?.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(visibleNavItems(routes, undefined).map((item) => item.to)).toEqual(['/settings']);
  });
});
