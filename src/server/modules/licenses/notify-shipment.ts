import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { resetUrl } from '../identity/password-reset';
import { createResetToken, INVITE_TTL_DAYS } from '../identity/reset-tokens';
import { findOrCreateUser } from '../identity/users';
import { enqueueEmail } from '../notifications/enqueue-email';
import {
  licensesFirstShipmentEmail,
  newLicensesEmail,
  type ShippedLicense,
} from '../notifications/templates/licenses';
import { listMembers } from '../organizations/members';
import { insertMembership } from '../organizations/memberships';
import type { OrganizationRow } from '../organizations/organization-view';

export type ShipmentNotice = { invitedEmail: string | null; mailIds: string[] };

/**
 * Tells the organization about a shipment, inside the issuing transaction (the caller holds the
 * organization's row lock, so two first shipments cannot both create the first user).
 *
 * Seed 000: the login and password are sent «на электронный адрес, указанный в форме на отгрузку лицензии
 * после первой генерации лицензии для компании»; later licenses are shipped «в тот же личный кабинет».
 * So: an organization without users gets its first user — the contact email, or the organization's email —
 * as owner with an invitation link; otherwise every active member is told about the new licenses.
 */
export async function notifyShipment(
  tx: Db,
  deps: AppDeps,
  input: { organization: OrganizationRow; licenses: ShippedLicense[]; actor: AuditActor },
): Promise<ShipmentNotice> {
  const { organization, licenses, actor } = input;
  const canSend = Boolean(deps.config.smtpUrl);
  const loginUrl = `${deps.config.publicUrl}/login`;
  const members = await listMembers(tx, organization.id);
  if (members.length > 0) {
    const mailIds: string[] = [];
    for (const member of members.filter((m) => m.userStatus === 'active')) {
      const email = newLicensesEmail({
        name: member.name,
        organizationName: organization.shortName,
        loginUrl,
        licenses,
      });
      mailIds.push(
        await enqueueEmail(tx, { to: [member.email], email, organizationId: organization.id, canSend }),
      );
    }
    return { invitedEmail: null, mailIds };
  }

  const login = (organization.contactEmail ?? organization.email).toLowerCase();
  const { user, created } = await findOrCreateUser(tx, { email: login, name: organization.contactName });
  if (created)
    await recordAudit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { email: user.email, reason: 'first_license_shipment' },
    });
  await insertMembership(tx, { userId: user.id, organizationId: organization.id, role: 'owner' });
  await recordAudit(tx, {
    actor,
    action: 'membership.added',
    organizationId: organization.id,
    entityType: 'user',
    entityId: user.id,
    details: { role: 'owner', email: user.email, reason: 'first_license_shipment' },
  });
  const token = user.passwordHash
    ? null
    : await createResetToken(tx, { userId: user.id, purpose: 'invite', ip: actor.ip });
  if (token)
    await recordAudit(tx, {
      actor,
      action: 'user.password_reset_sent',
      entityType: 'user',
      entityId: user.id,
      details: { purpose: 'invite' },
    });
  const email = licensesFirstShipmentEmail({
    name: user.name,
    organizationName: organization.shortName,
    login: user.email,
    loginUrl,
    setPasswordUrl: token ? resetUrl(deps, token) : null,
    validDays: INVITE_TTL_DAYS,
    licenses,
  });
  const mailId = await enqueueEmail(tx, {
    to: [user.email],
    email,
    organizationId: organization.id,
    canSend,
  });
  return { invitedEmail: user.email, mailIds: [mailId] };
}
