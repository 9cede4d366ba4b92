import type { Member } from '../../../shared/api/organizations';
import type { MembershipRole } from '../../../shared/api/roles';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
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

type NoticeInput = {
  organization: OrganizationRow;
  licenses: ShippedLicense[];
  /** The address from the shipment form, normalized; null when an API caller left it out. */
  recipientEmail: string | null;
  actor: AuditActor;
};

/**
 * Tells the organization about a shipment, inside the issuing transaction (the caller holds the
 * organization's row lock, so two concurrent shipments cannot both invite the same recipient).
 *
 * Seed 000: the login and password are sent «на электронный адрес, указанный в форме на отгрузку лицензии
 * после первой генерации лицензии для компании»; later licenses are shipped «в тот же личный кабинет».
 * So the cabinet is the organization's and never changes: a recipient who is not yet a member joins it
 * (owner on the first shipment, a member later, since the cabinet already has its owner) and gets the login
 * with a link to set a password; every active member, the recipient among them if already there, gets the
 * notice of the new licenses. Without an address the first shipment goes to the contact email.
 */
export async function notifyShipment(tx: Db, deps: AppDeps, input: NoticeInput): Promise<ShipmentNotice> {
  const { organization, licenses } = input;
  const canSend = Boolean(deps.config.smtpUrl);
  const loginUrl = `${deps.config.publicUrl}/login`;
  const members = await listMembers(tx, organization.id);
  const recipient =
    input.recipientEmail ??
    (members.length === 0 ? (organization.contactEmail ?? organization.email).toLowerCase() : null);
  const member = recipient ? members.find((m) => m.email === recipient) : undefined;
  if (member?.userStatus === 'blocked') throw blockedRecipient(member.email);

  const mailIds: string[] = [];
  for (const active of members.filter((m) => m.userStatus === 'active')) {
    const email = newLicensesEmail({
      name: active.name,
      organizationName: organization.shortName,
      loginUrl,
      licenses,
    });
    mailIds.push(
      await enqueueEmail(tx, { to: [active.email], email, organizationId: organization.id, canSend }),
    );
  }
  if (!recipient || member) return { invitedEmail: null, mailIds };

  const role: MembershipRole = members.length === 0 ? 'owner' : 'member';
  mailIds.push(await inviteRecipient(tx, deps, { ...input, recipient, role, members }));
  return { invitedEmail: recipient, mailIds };
}

function blockedRecipient(email: string): AppError {
  return new AppError(
    'CONFLICT',
    `Пользователь ${email} заблокирован: лицензии не выпущены, укажите другой адрес получателя`,
  );
}

/** The recipient joins the cabinet with `role` and gets the login (and a set-password link if new). */
async function inviteRecipient(
  tx: Db,
  deps: AppDeps,
  input: NoticeInput & { recipient: string; role: MembershipRole; members: Member[] },
): Promise<string> {
  const { organization, actor, recipient, role } = input;
  const reason = input.members.length === 0 ? 'first_license_shipment' : 'license_shipment_recipient';
  // The contact person's name when the form kept the contact's address; another address has no name yet.
  const isContact = recipient === (organization.contactEmail ?? organization.email).toLowerCase();
  const { user, created } = await findOrCreateUser(tx, {
    email: recipient,
    name: isContact ? organization.contactName : recipient,
  });
  if (user.status === 'blocked') throw blockedRecipient(user.email);
  if (created)
    await recordAudit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { email: user.email, reason },
    });
  await insertMembership(tx, { userId: user.id, organizationId: organization.id, role });
  await recordAudit(tx, {
    actor,
    action: 'membership.added',
    organizationId: organization.id,
    entityType: 'user',
    entityId: user.id,
    details: { role, email: user.email, reason },
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
    loginUrl: `${deps.config.publicUrl}/login`,
    setPasswordUrl: token ? resetUrl(deps, token) : null,
    validDays: INVITE_TTL_DAYS,
    licenses: input.licenses,
  });
  return enqueueEmail(tx, {
    to: [user.email],
    email,
    organizationId: organization.id,
    canSend: Boolean(deps.config.smtpUrl),
  });
}
