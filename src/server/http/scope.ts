import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MembershipRole } from '../../shared/api/roles';
import { AppError, notFound } from './errors';

/**
 * Who is asking, and so which organizations' rows they reach (ARCHITECTURE.md, "Tenancy"). The guards set
 * it once per request (`tenantOnly`, `partnerOnly`, `staffOnly` in ./auth); every list and get use case takes
 * it and applies it itself through {@link inScope} and {@link requireInScope}, so no route can forget it.
 */
export type Scope = MemberScope | PartnerScope | StaffScope;

/** A cabinet user working in their active organization (seeds 000 and 001). */
export type MemberScope = { kind: 'member'; userId: string; organizationId: string; role: MembershipRole };

/**
 * A partner user (seed 002: «работает с несколькими организациями»): every organization where they are a
 * member and which takes part in the partner program, blocked ones included — their history stays readable,
 * acting in them is refused.
 */
export type PartnerScope = { kind: 'partner'; userId: string; organizations: readonly PartnerOrganization[] };
export type PartnerOrganization = { organizationId: string; role: MembershipRole; active: boolean };

/** Operator staff (or an integration token, `userId` null): the guard checked the permission, rows are all theirs. */
export type StaffScope = { kind: 'staff'; userId: string | null };

/** The staff scope of work that runs with no request (jobs, the CLI, demo data). */
export const SYSTEM_SCOPE: StaffScope = { kind: 'staff', userId: null };

/**
 * The scope as one `WHERE` condition on the row's organization column, joined with `conditions`. Outside the
 * scope a row is simply not found, so another tenant's object answers 404 like a missing one.
 */
export function inScope(
  scope: Scope,
  organizationColumn: PgColumn,
  ...conditions: Array<SQL | undefined>
): SQL {
  const own =
    scope.kind === 'member'
      ? inArray(organizationColumn, [scope.organizationId])
      : scope.kind === 'partner'
        ? scope.organizations.length > 0
          ? inArray(
              organizationColumn,
              scope.organizations.map((o) => o.organizationId),
            )
          : sql`false`
        : undefined;
  return and(own, ...conditions) ?? sql`true`;
}

/** The organizations the scope is limited to; `null` when it reaches all (staff). */
export function scopeOrganizationIds(scope: Scope): readonly string[] | null {
  if (scope.kind === 'member') return [scope.organizationId];
  if (scope.kind === 'partner') return scope.organizations.map((o) => o.organizationId);
  return null;
}

export type ActingOptions = {
  /** Roles that may act here (seed 002: a viewer only reads); omitted = reading, any role. */
  roles?: readonly MembershipRole[] | undefined;
  /** The 404 message when the organization is outside the scope («Активация не найдена»). */
  notFound?: string;
};

/**
 * The acting-rights check: the organization must be within the scope (else 404 — never 403, so existence does
 * not leak) and, with `roles`, active (403 ORGANIZATION_BLOCKED) and the caller's role one of them (403
 * FORBIDDEN). Staff pass: their guard checked the permission. Returns the caller's role, null for staff.
 */
export function requireInScope(
  scope: Scope,
  organizationId: string,
  options: ActingOptions = {},
): MembershipRole | null {
  if (scope.kind === 'staff') return null;
  const missing = () => notFound(options.notFound ?? 'Организация не найдена');
  const found =
    scope.kind === 'member'
      ? scope.organizationId === organizationId
        ? { role: scope.role, active: true }
        : null
      : scope.organizations.find((o) => o.organizationId === organizationId);
  if (!found) throw missing();
  if (options.roles) {
    if (!found.active) throw new AppError('ORGANIZATION_BLOCKED');
    if (!options.roles.includes(found.role))
      throw new AppError(
        'FORBIDDEN',
        'Недостаточно прав: обратитесь к владельцу или администратору организации',
      );
  }
  return found.role;
}
