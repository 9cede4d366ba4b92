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
  { to: '/admin/support', labelKey: 'supportAdmin.title', icon: IconHeadset, permission: 'readSupport' },
  // Seed 000: the catalog behind serial numbers, then issuing and keeping licenses.
  {
    to: '/admin/catalog/code-tables',
    labelKey: 'catalogAdmin.nav.codeTables',
    icon: IconListDetails,
    permission: 'manageCatalog',
  },
  {
    to: '/admin/catalog/products',
    labelKey: 'catalogAdmin.nav.products',
    icon: IconPackage,
    permission: 'manageCatalog',
  },
  {
    to: '/admin/catalog/articles',
    labelKey: 'catalogAdmin.nav.articles',
    icon: IconBarcode,
    permission: 'manageCatalog',
  },
  {
    to: '/admin/product-files',
    labelKey: 'files.admin.title',
    icon: IconFileDownload,
    permission: 'manageCatalog',
  },
  {
    to: '/admin/licenses/issue',
    labelKey: 'licensesAdmin.nav.issue',
    icon: IconCertificate,
    permission: 'issueLicenses',
  },
  {
    to: '/admin/licenses',
    labelKey: 'licensesAdmin.nav.registry',
    icon: IconLicense,
    permission: 'readDirectory',
  },
  {
    to: '/admin/licenses/import',
    labelKey: 'licensesAdmin.nav.import',
    icon: IconFileImport,
    permission: 'issueLicenses',
  },
  // Seed 002: partner reference data.
  {
    to: '/admin/vendors',
    labelKey: 'partnerRef.nav.vendors',
    icon: IconBuildingFactory2,
    permission: 'readDirectory',
  },
  {
    to: '/admin/devices',
    labelKey: 'partnerRef.nav.devices',
    icon: IconDevices,
    permission: 'readDirectory',
  },
  {
    to: '/admin/license-types',
    labelKey: 'partnerRef.nav.licenseTypes',
    icon: IconTags,
    permission: 'readDirectory',
  },
  { to: '/admin/offers', labelKey: 'partnerRef.nav.offers', icon: IconContract, permission: 'readDirectory' },
  // Seed 002: partners' activations and orders, what the documents print, the keys that sign licenses.
  {
    to: '/admin/activations',
    labelKey: 'partnerOps.nav.activations',
    icon: IconBolt,
    permission: 'readActivations',
  },
  { to: '/admin/orders', labelKey: 'partnerOps.nav.orders', icon: IconReceipt, permission: 'readOrders' },
  {
    to: '/admin/licensor',
    labelKey: 'partnerOps.nav.licensor',
    icon: IconBuildingBank,
    permission: 'readOrders',
  },
  {
    to: '/admin/license-keys',
    labelKey: 'partnerOps.nav.licenseKeys',
    icon: IconSignature,
    permission: 'manageLicenseKeys',
  },
  { to: '/admin/audit', labelKey: 'admin.nav.audit', icon: IconHistory, permission: 'readAudit' },
  { to: '/admin/mail', labelKey: 'admin.nav.mail', icon: IconMail, permission: 'readMail' },
  {
    to: '/admin/portal-info',
    labelKey: 'admin.nav.portalInfo',
    icon: IconInfoSquareRounded,
    permission: 'editPortalInfo',
  },
  {
    to: '/admin/integration-tokens',
    labelKey: 'admin.nav.integrationTokens',
    icon: IconKey,
    permission: 'manageStaff',
  },
];
