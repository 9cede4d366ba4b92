import type { MembershipSummary } from '../../../shared/api/auth';
import type { MembershipRole, OrganizationProgram } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { definePort } from '../../port';

/** A person's membership as the back office's user card shows it. */
export type UserMembership = { organizationId: string; shortName: string; inn: string; role: MembershipRole };

/**
 * What identity must know of a person's organizations: the session starts in one and switches between them, and
 * `/auth/me` and the back office's user cards list them. Memberships belong to `organizations`, which sits above
 * identity (it joins people by name and creates them), so identity names the reads it needs here and
 * `organizations/memberships.ts` provides them; `wireModules` (src/server/wiring.ts) plugs them in.
 */
export type OrganizationAccess = {
  /** The organizations a user can act for, as the switcher shows them. */
  listUserMemberships(db: Db, userId: string): Promise<MembershipSummary[]>;
  /** The user's role in one organization and that organization's status, or null when not a member. */
  findMembership(
    db: Db,
    userId: string,
    organizationId: string,
  ): Promise<{ role: MembershipRole; organizationStatus: string; programs: OrganizationProgram[] } | null>;
  /** Each user's memberships by name, for many users in one query. */
  membershipsOfUsers(db: Db, userIds: string[]): Promise<Map<string, UserMembership[]>>;
};

const port = definePort<OrganizationAccess>('OrganizationAccess', 'organizations');

/** Called by `wireModules` with organizations' implementation. */
export const provideOrganizationAccess = port.provide;
export const organizationAccess = port.get;

/** The organization a fresh session starts in: the only active one, or none when the user must choose. */
export function defaultOrganization(list: MembershipSummary[]): string | null {
  const usable = list.filter((m) => m.status === 'active');
  return usable.length === 1 ? (usable[0]?.organizationId ?? null) : null;
}
