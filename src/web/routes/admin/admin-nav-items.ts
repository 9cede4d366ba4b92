import type { Icon } from '@tabler/icons-react';
import {
  IconBarcode,
  IconBolt,
  IconBuilding,
  IconBuildingBank,
  IconBuildingFactory2,
  IconCertificate,
  IconContract,
  IconDevices,
  IconFileDownload,
  IconFileImport,
  IconHeadset,
  IconHistory,
  IconInfoSquareRounded,
  IconKey,
  IconLicense,
  IconListDetails,
  IconMail,
  IconPackage,
  IconReceipt,
  IconSignature,
  IconTags,
  IconUsers,
} from '@tabler/icons-react';
import type { StaffRole } from '../../../shared/api/roles';
import { staffMayOpen } from '../../lib/guards';
import { type MenuRoute, staticDataPath } from '../../lib/route-menu';

/**
 * The back-office menu's icons by their Tabler name. A route names its icon (`staticData.adminNav.icon`) rather
 * than importing it: the route tree is in the eager bundle, the icons load with the back office.
 */
export const ADMIN_NAV_ICONS = {
  barcode: IconBarcode,
  bolt: IconBolt,
  building: IconBuilding,
  'building-bank': IconBuildingBank,
  'building-factory-2': IconBuildingFactory2,
  certificate: IconCertificate,
  contract: IconContract,
  devices: IconDevices,
  'file-download': IconFileDownload,
  'file-import': IconFileImport,
  headset: IconHeadset,
  history: IconHistory,
  'info-square-rounded': IconInfoSquareRounded,
  key: IconKey,
  license: IconLicense,
  'list-details': IconListDetails,
  mail: IconMail,
  package: IconPackage,
  receipt: IconReceipt,
  signature: IconSignature,
  tags: IconTags,
  users: IconUsers,
} as const satisfies Record<string, Icon>;

/** A back-office route's menu entry (`staticData.adminNav`); the route's `staticData.permission` decides who sees it. */
export type AdminNavEntry = {
  labelKey: string;
  icon: keyof typeof ADMIN_NAV_ICONS;
  /** Place in the menu, ascending. */
  order: number;
};

export type AdminNavItem = { to: string; labelKey: string; icon: Icon };

/**
 * The back-office menu, derived from the route tree: the routes with a menu entry that the staff role may open
 * — the same check `requireStaff` makes on the way in (STAFF_PERMISSIONS, the table the API reads).
 */
export function adminNavItems(
  routes: Iterable<MenuRoute>,
  role: StaffRole | null | undefined,
): AdminNavItem[] {
  const entries: Array<AdminNavEntry & { to: string }> = [];
  for (const route of routes) {
    const entry = route.options.staticData?.adminNav;
    if (entry && staffMayOpen(role, staticDataPath(route))) entries.push({ ...entry, to: route.fullPath });
  }
  return entries
    .sort((a, b) => a.order - b.order)
    .map(({ to, labelKey, icon }) => ({ to, labelKey, icon: ADMIN_NAV_ICONS[icon] }));
}
