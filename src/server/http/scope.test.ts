import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { type PartnerScope, requireInScope, type Scope, scopeOrganizationIds } from './scope';

const partner: PartnerScope = {
  kind: 'partner',
  userId: 'u1',
  organizations: [
    { organizationId: 'a', role: 'member', active: true },
    { organizationId: 'b', role: 'viewer', active: true },
    { organizationId: 'c', role: 'owner', active: false },
  ],
};
const member: Scope = { kind: 'member', userId: 'u2', organizationId: 'a', role: 'accountant' };
const ACT = ['owner', 'admin', 'accountant', 'member'] as const;

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('requireInScope', () => {
  it('answers 404 outside the scope, whatever the roles', () => {
    expect(codeOf(() => requireInScope(partner, 'x'))).toBe('NOT_FOUND');
    expect(codeOf(() => requireInScope(partner, 'x', { roles: ACT }))).toBe('NOT_FOUND');
    expect(codeOf(() => requireInScope(member, 'b'))).toBe('NOT_FOUND');
  });

  it('lets any role read, only acting roles act, and nobody act in a blocked organization', () => {
    expect(requireInScope(partner, 'b')).toBe('viewer');
    expect(codeOf(() => requireInScope(partner, 'b', { roles: ACT }))).toBe('FORBIDDEN');
    expect(requireInScope(partner, 'a', { roles: ACT })).toBe('member');
    expect(requireInScope(partner, 'c')).toBe('owner');
    expect(codeOf(() => requireInScope(partner, 'c', { roles: ACT }))).toBe('ORGANIZATION_BLOCKED');
    expect(requireInScope(member, 'a', { roles: ACT })).toBe('accountant');
  });

  it('names the missing object in the 404', () => {
    try {
      requireInScope(partner, 'x', { notFound: 'Активация не найдена' });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).message).toBe('Активация не найдена');
    }
  });

  it('lets staff reach every organization', () => {
    expect(requireInScope({ kind: 'staff', userId: null }, 'x', { roles: ACT })).toBeNull();
    expect(scopeOrganizationIds({ kind: 'staff', userId: 's' })).toBeNull();
    expect(scopeOrganizationIds(partner)).toEqual(['a', 'b', 'c']);
    expect(scopeOrganizationIds({ kind: 'partner', userId: 'u', organizations: [] })).toEqual([]);
  });
});
