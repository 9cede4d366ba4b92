import type { Icon } from '@tabler/icons-react';
import { IconBuilding, IconHistory, IconInfoSquareRounded, IconMail, IconUsers } from '@tabler/icons-react';
import type { LinkProps } from '@tanstack/react-router';
import type { StaffPermission } from '../../../shared/api/roles';

export type AdminNavItem = {
  to: NonNullable<LinkProps['to']>;
  labelKey: string;
  icon: Icon;
  /** The back-office menu follows STAFF_PERMISSIONS, the same table the API checks. */
  permission: StaffPermission;
};

export const ADMIN_NAV_ITEMS: readonly AdminNavItem[] = [
  {
    to: '/admin/organizations',
    labelKey: 'admin.nav.organizations',
    icon: IconBuilding,
    permission: 'readDirectory',
  },
  { to: '/admin/users', labelKey: 'admin.nav.users', icon: IconUsers, permission: 'readDirectory' },
  { to: '/admin/audit', labelKey: 'admin.nav.audit', icon: IconHistory, permission: 'readAudit' },
  { to: '/admin/mail', labelKey: 'admin.nav.mail', icon: IconMail, permission: 'readMail' },
  {
    to: '/admin/portal-info',
    labelKey: 'admin.nav.portalInfo',
    icon: IconInfoSquareRounded,
    permission: 'editPortalInfo',
  },
];
