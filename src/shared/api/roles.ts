/** Roles inside a customer or partner organization (ARCHITECTURE.md, "Tenancy"). */
export const MEMBERSHIP_ROLES = ['owner', 'admin', 'accountant', 'member', 'viewer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Operator staff roles for the back office; separate from organization roles. */
export const STAFF_ROLES = ['admin', 'manager', 'support', 'accountant'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What an organization uses Kabinet for. The cabinet menu follows the active organization's programs:
 * `licenses` — seed 000 (licenses, products, downloads), `subscriptions` — seed 001, `partner` — seed 002.
 */
export const ORGANIZATION_PROGRAMS = ['licenses', 'subscriptions', 'partner'] as const;
export type OrganizationProgram = (typeof ORGANIZATION_PROGRAMS)[number];

export const ORGANIZATION_STATUSES = ['active', 'blocked'] as const;
export const USER_STATUSES = ['active', 'blocked'] as const;

/** Organization roles allowed to manage the organization's requisites and users. */
export const ORG_MANAGER_ROLES: readonly MembershipRole[] = ['owner', 'admin'];

/** Roles that act in the partner cabinet (activate, retry, comment; seed 002); a viewer only reads. */
export const PARTNER_ACTING_ROLES: readonly MembershipRole[] = ['owner', 'admin', 'accountant', 'member'];

/** Staff permissions, one place (the back office and the API both read it). */
export const STAFF_PERMISSIONS = {
  readDirectory: ['admin', 'manager', 'support', 'accountant'],
  editOrganizations: ['admin', 'manager'],
  editUsers: ['admin', 'manager'],
  manageStaff: ['admin'],
  sendPasswordReset: ['admin', 'manager', 'support'],
  readAudit: ['admin'],
  readMail: ['admin', 'support'],
  editPortalInfo: ['admin'],
  /** Code tables of the serial number, products, articles, product API tokens (seed 000, «Приложение 1»). */
  manageCatalog: ['admin', 'manager'],
  /** License issuance, CSV import, activation counts by hand (seed 000, «отгрузка лицензии»). */
  issueLicenses: ['admin', 'manager'],
  /** «Обращения» (seed 000, «Техподдержка»): read requests; managers follow their customers' requests. */
  readSupport: ['admin', 'manager', 'support'],
  /** Answer, take, close and reopen support requests: the support team's work. */
  handleSupport: ['admin', 'support'],
  /** Vendors, device models, the device registry and its import, license types and prices, offer versions,
   *  partner terms (seed 002 reference data). */
  manageDevices: ['admin', 'manager'],
  /** Seed 002 «Активации» of every partner organization, read-only. */
  readActivations: ['admin', 'manager', 'support', 'accountant'],
  /** Seed 002 «Заказы»: orders, their documents and payments, read-only. */
  readOrders: ['admin', 'manager', 'support', 'accountant'],
  /** Record payments of orders (from bank statements). */
  manageOrders: ['admin', 'accountant'],
  /** Rotate the license-signing keys (vendor device-API tokens go with the vendor: `manageDevices`). */
  manageLicenseKeys: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export function staffCan(role: StaffRole | null | undefined, permission: StaffPermission): boolean {
  return role != null && (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
