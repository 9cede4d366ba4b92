import type { MembershipSummary } from '../../../shared/api/auth';
import type { MembershipRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { findMembership, listUserMemberships } from '../organizations/memberships';
import { type ActivationRow, findActivation } from './activation-view';

/**
 * The partner cabinet's one scoping rule (seed 002: a partner user works for several organizations at once
 * and picks one): an organization is reachable when the user is a member of it AND it takes part in the
 * partner program. Anything else is «not found», never «forbidden», so existence does not leak.
 */

/** Roles that may act (activate, retry, comment); a viewer only reads. */
export const PARTNER_ACTING_ROLES: readonly MembershipRole[] = ['owner', 'admin', 'accountant', 'member'];

/** The user's partner organizations by name, blocked ones included (their history stays readable). */
export async function partnerMemberships(db: Db, userId: string): Promise<MembershipSummary[]> {
  const all = await listUserMemberships(db, userId);
  return all.filter((m) => m.programs.includes('partner'));
}

export async function partnerOrganizationIds(db: Db, userId: string): Promise<string[]> {
  return (await partnerMemberships(db, userId)).map((m) => m.organizationId);
}

/**
 * The user's partner membership in the organization, or 404. With `roles` the organization must also be
 * active (403 ORGANIZATION_BLOCKED) and the user's role one of them (403 FORBIDDEN).
 */
export async function requirePartnerOrganization(
  db: Db,
  userId: string,
  organizationId: string,
  roles?: readonly MembershipRole[],
): Promise<{ role: MembershipRole }> {
  const membership = await findMembership(db, userId, organizationId);
  if (!membership?.programs.includes('partner')) throw notFound('Организация не найдена');
  if (roles) {
    if (membership.organizationStatus !== 'active') throw new AppError('ORGANIZATION_BLOCKED');
    if (!roles.includes(membership.role))
      throw new AppError(
        'FORBIDDEN',
        'Недостаточно прав: обратитесь к владельцу или администратору организации',
      );
  }
  return { role: membership.role };
}

/**
 * An activation the user reaches through one of their partner organizations, else 404 — also for another
 * partner's activation, so its existence does not leak. `roles` as in {@link requirePartnerOrganization}.
 */
export async function requirePartnerActivation(
  db: Db,
  userId: string,
  activationId: string,
  roles?: readonly MembershipRole[],
): Promise<ActivationRow> {
  const activation = await findActivation(db, activationId);
  if (!activation) throw notFound('Активация не найдена');
  try {
    await requirePartnerOrganization(db, userId, activation.organizationId, roles);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Активация не найдена');
    throw error;
  }
  return activation;
}
