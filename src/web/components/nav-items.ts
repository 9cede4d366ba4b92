import type { Icon } from '@tabler/icons-react';
import {
  IconDownload,
  IconHeadset,
  IconHome,
  IconInfoCircle,
  IconLicense,
  IconPackages,
  IconReceipt,
  IconSettings,
  IconZoomCode,
} from '@tabler/icons-react';
import type { MembershipSummary } from '../../shared/api/auth';
import type { OrganizationProgram } from '../../shared/api/roles';
import type { MenuRoute } from '../lib/route-menu';

/**
 * The cabinet menu's icons by their Tabler name. A route names its icon (`staticData.cabinetNav.icon`) rather
 * than importing it: the route tree is in the eager bundle, the icons load with the cabinet.
 */
export const CABINET_NAV_ICONS = {
  download: IconDownload,
  headset: IconHeadset,
  home: IconHome,
  'info-circle': IconInfoCircle,
  license: IconLicense,
  packages: IconPackages,
  receipt: IconReceipt,
  settings: IconSettings,
  'zoom-code': IconZoomCode,
} as const satisfies Record<string, Icon>;

/**
 * A cabinet section's menu entry, in its route's `staticData.cabinetNav` (seed 000: Продукты, Скачать,
 * Информация, Техподдержка; seed 001: Каталог услуг, Подписки, Биллинг, Аналитика, Пользователи; seed 002:
 * Лицензии, Заказы), e.g. `{ labelKey: 'nav.licenses', icon: 'license', order: 70, programs: ['partner'] }`.
 */
export type CabinetNavEntry = {
  /** i18n key of the menu label (`nav.*` in i18n/ru.ts and en.ts). */
  labelKey: string;
  icon: keyof typeof CABINET_NAV_ICONS;
  /** Place in the menu, ascending. */
  order: number;
  /** Which organization programs show the item; `all` — every organization. */
  programs: 'all' | readonly OrganizationProgram[];
  /** Also shown to someone without an active organization (settings). */
  withoutOrganization?: boolean;
  /** Active only on the exact path (the home page would otherwise match everything). */
  exact?: boolean;
  /**
   * The item opens a list in the menu instead of a page: `information` — the «Информация по …» entries of
   * the organization's products (seed 000: «при нажатии открывается выпадающий список (рис. 3)»). The route
   * stays the page the entries lead to, for deep links.
   */
  submenu?: 'information';
};

export type NavItem = Omit<CabinetNavEntry, 'icon' | 'order'> & { to: string; icon: Icon };

/** The cabinet menu, derived from the route tree: the items the active organization's programs unlock. */
export function visibleNavItems(
  routes: Iterable<MenuRoute>,
  organization: MembershipSummary | undefined,
): NavItem[] {
  const entries: Array<CabinetNavEntry & { to: string }> = [];
  for (const route of routes) {
    const entry = route.options.staticData?.cabinetNav;
    if (entry && isVisible(entry, organization)) entries.push({ ...entry, to: route.fullPath });
  }
  return entries
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, icon, ...item }) => ({ ...item, icon: CABINET_NAV_ICONS[icon] }));
}

function isVisible(entry: CabinetNavEntry, organization: MembershipSummary | undefined): boolean {
  if (!organization) return entry.withoutOrganization === true;
  return (
    entry.programs === 'all' || entry.programs.some((program) => organization.programs.includes(program))
  );
}
