import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { enqueueEmail } from '../notifications/enqueue-email';
import {
  type ActivationMailFacts,
  activationDoneEmail,
  activationFailedEmail,
} from '../notifications/templates/activations';
import type { PreparedActivation } from './sign-licenses';

type Outcome = { kind: 'done'; orderNumber: number } | { kind: 'failed'; error: string };

/** The activation page of the partner cabinet (web route `/activations/$activationId`). */
export function activationUrl(deps: AppDeps, activationId: string): string {
  return `${deps.config.publicUrl}/activations/${activationId}`;
}

/**
 * Tells the person who sent the activation how it ended («Активация № N выполнена» / «Активация № N:
 * ошибка»), through the outbox inside the caller's transaction; returns the mail ids to dispatch after commit.
 */
export async function notifyActivationOutcome(
  tx: Db,
  deps: AppDeps,
  prepared: Pick<PreparedActivation, 'activation' | 'organization' | 'vendor'>,
  outcome: Outcome,
): Promise<string[]> {
  const { activation } = prepared;
  if (!activation.createdByEmail) return [];
  const facts: ActivationMailFacts = {
    number: activation.number,
    organizationName: prepared.organization.shortName,
    vendorName: prepared.vendor.name,
    licenseCount: activation.licenseCount,
    totalKopecks: activation.totalKopecks,
    url: activationUrl(deps, activation.id),
  };
  const email =
    outcome.kind === 'done'
      ? activationDoneEmail({
          name: activation.createdByName,
          activation: facts,
          orderNumber: outcome.orderNumber,
          installByFile: prepared.vendor.installMethod === 'file',
        })
      : activationFailedEmail({ name: activation.createdByName, activation: facts, error: outcome.error });
  const id = await enqueueEmail(tx, {
    to: [activation.createdByEmail],
    email,
    organizationId: activation.organizationId,
    canSend: Boolean(deps.config.smtpUrl),
  });
  return [id];
}
