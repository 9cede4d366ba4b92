import type { PartnerOrganization } from '../../../shared/api/activations';
import { paymentTermsLabel } from '../../../shared/api/offers';
import type { Db } from '../../db/client';
import { DEFAULT_MESSAGES } from '../../http/errors';
import type { PartnerScope } from '../../http/scope';
import { currentOfferFor } from '../offers/accept-offer';
import { partnerTermsOf } from '../offers/partner-terms';
import { listUserMemberships } from '../organizations/memberships';
import { orderAccess } from './order-access';

/**
 * «Выберите организацию» (seed 002, 2.2) and the list's «Организация» filter: the user's partner organizations
 * with what each may do right now — activation opened by the operator, the current offer accepted (2.3), and
 * why new activations are refused (a blocked organization, an overdue invoice of the partner account).
 */
export async function listPartnerOrganizations(
  db: Db,
  scope: PartnerScope,
  now = new Date(),
): Promise<PartnerOrganization[]> {
  const reachable = new Set(scope.organizations.map((o) => o.organizationId));
  const memberships = (await listUserMemberships(db, scope.userId)).filter((m) =>
    reachable.has(m.organizationId),
  );
  const terms = await partnerTermsOf(
    db,
    memberships.map((m) => m.organizationId),
  );
  return Promise.all(
    memberships.map(async (m): Promise<PartnerOrganization> => {
      const own = terms.get(m.organizationId);
      const [offer, overdue] = await Promise.all([
        currentOfferFor(db, m.organizationId, now),
        orderAccess().overdueReasonFor(db, m.organizationId, now),
      ]);
      return {
        id: m.organizationId,
        shortName: m.shortName,
        inn: m.inn,
        mayActivate: own?.mayActivate ?? false,
        paymentTermsLabel: paymentTermsLabel(own?.paymentMode ?? 'prepayment', own?.postpaymentDays ?? null),
        offerAccepted: offer.accepted,
        blockedReason: m.status === 'blocked' ? DEFAULT_MESSAGES.ORGANIZATION_BLOCKED : overdue,
      };
    }),
  );
}
