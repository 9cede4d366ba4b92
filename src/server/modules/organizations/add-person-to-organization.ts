import type { MembershipRole } from '../../../shared/api/roles';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { insertUser } from '../identity/create-user';
import { writeResetLink } from '../identity/password-reset';
import { findUserByEmail } from '../identity/users';
import { dispatchEmails } from '../notifications/send-email';
import { addMembership, insertMembership, listMembers } from './members';
import { getOrganization } from './organization-view';

/**
 * «Добавить пользователя» on an organization: an existing email joins (and is told by email); a new person
 * is created, joined and invited in one transaction, so a failure leaves no user without a membership.
 */
export async function addPersonToOrganization(
  deps: AppDeps,
  input: { organizationId: string; email: string; name?: string | undefined; role: MembershipRole },
  actor: AuditActor,
) {
  const organization = await getOrganization(deps.db, input.organizationId);
  const existing = await findUserByEmail(deps.db, input.email);
  if (existing)
    return addMembership(
      deps,
      { organizationId: organization.id, userId: existing.id, role: input.role, notify: true },
      actor,
    );
  const { userId, mailId } = await deps.db.transaction(async (tx) => {
    const user = await insertUser(
      tx,
      { email: input.email, name: input.name || input.email, staffRole: null },
      null,
      actor,
    );
    await insertMembership(tx, { userId: user.id, organizationId: organization.id, role: input.role });
    await recordAudit(tx, {
      actor,
      action: 'membership.added',
      organizationId: organization.id,
      entityType: 'user',
      entityId: user.id,
      details: { role: input.role, email: user.email },
    });
    const mail = await writeResetLink(tx, deps, {
      user,
      actor,
      action: 'user.password_reset_sent',
      organizationName: organization.shortName,
    });
    return { userId: user.id, mailId: mail };
  });
  await dispatchEmails(deps, [mailId]);
  const member = (await listMembers(deps.db, organization.id)).find((m) => m.userId === userId);
  if (!member) throw new Error('member vanished after insert');
  return member;
}
