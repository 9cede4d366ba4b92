import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { auditEvents } from './schema';

/** Audit action codes; the back office translates them into words. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.logout_all'
  | 'auth.session_revoked'
  | 'auth.password_changed'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'auth.two_factor_enabled'
  | 'auth.two_factor_disabled'
  | 'auth.organization_switched'
  | 'auth.profile_updated'
  | 'license_keys.rotated'
  | 'vendor_token.created'
  | 'vendor_token.revoked'
  | 'user.created'
  | 'user.updated'
  | 'user.staff_role_changed'
  | 'user.blocked'
  | 'user.unblocked'
  | 'user.password_reset_sent'
  | 'org.created'
  | 'org.updated'
  | 'org.blocked'
  | 'org.unblocked'
  | 'membership.added'
  | 'membership.role_changed'
  | 'membership.removed'
  | 'portal.info_updated'
  | 'mail.retried'
  | 'catalog.code_added'
  | 'catalog.code_renamed'
  | 'catalog.code_retired'
  | 'catalog.code_restored'
  | 'catalog.product_saved'
  | 'catalog.article_created'
  | 'catalog.article_updated'
  | 'catalog.article_deleted'
  | 'catalog.api_token_created'
  | 'catalog.api_token_revoked'
  | 'catalog.file_uploaded'
  | 'catalog.file_updated'
  | 'catalog.file_withdrawn'
  | 'catalog.file_restored'
  | 'licenses.issued'
  | 'licenses.imported'
  | 'licenses.activations_set'
  | 'support.ticket_created'
  | 'support.replied'
  | 'support.assigned'
  | 'support.closed'
  | 'support.reopened'
  | 'integration_token.created'
  | 'integration_token.revoked'
  | 'vendors.created'
  | 'vendors.updated'
  | 'vendors.model_added'
  | 'vendors.model_updated'
  | 'license_types.created'
  | 'license_types.updated'
  | 'license_types.price_added'
  | 'license_types.price_deleted'
  | 'devices.imported'
  | 'devices.updated'
  | 'offers.created'
  | 'offers.updated'
  | 'offers.published'
  | 'offers.accepted'
  | 'partner_terms.updated'
  | 'partner_accounts.created'
  | 'activations.created'
  | 'activations.completed'
  | 'activations.failed'
  | 'activations.retried'
  | 'activations.commented'
  | 'orders.payment_recorded'
  | 'orders.licensor_updated';

export type AuditActor = {
  userId: string | null;
  email: string | null;
  ip: string | null;
  /** Set when the request came with an integration token: the event is its creator's, via this token. */
  integrationToken?: { id: string; name: string };
};

export type AuditEventInput = {
  actor: AuditActor;
  action: AuditAction;
  organizationId?: string | null;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
};

/**
 * Writes one audit event. Call it with the transaction that makes the change so the change and its record
 * commit together (ARCHITECTURE.md, "Audit").
 */
export async function recordAudit(db: Db, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: event.actor.userId,
    actorEmail: event.actor.email,
    organizationId: event.organizationId ?? null,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    ip: event.actor.ip,
    details: event.actor.integrationToken
      ? { ...event.details, integrationToken: event.actor.integrationToken }
      : (event.details ?? null),
  });
}

export function actorOf(req: FastifyRequest): AuditActor {
  if (req.integration) {
    const { user, tokenId, tokenName } = req.integration;
    return {
      userId: user.id,
      email: user.email,
      ip: req.ip ?? null,
      integrationToken: { id: tokenId, name: tokenName },
    };
  }
  return { userId: req.auth?.user.id ?? null, email: req.auth?.user.email ?? null, ip: req.ip ?? null };
}
