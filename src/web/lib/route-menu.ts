import type { StaticDataRouteOption } from '@tanstack/react-router';

// The menus are derived from the route tree (`router.routesById`): a route carries its menu entry in
// `staticData` (the entry types are in components/nav-items.ts and routes/admin/admin-nav-items.ts, the
// augmentation of StaticDataRouteOption in router.tsx).

/** What a menu reads of a route once the router has built the tree. */
export type MenuRoute = {
  fullPath: string;
  options: { staticData?: StaticDataRouteOption };
  parentRoute?: MenuRoute;
};

/** The static data of the route and of every route above it, root first: what a guard sees as its matches. */
export function staticDataPath(route: MenuRoute): StaticDataRouteOption[] {
  const path: StaticDataRouteOption[] = [];
  for (let at: MenuRoute | undefined = route; at; at = at.parentRoute)
    path.unshift(at.options.staticData ?? {});
  return path;
}
