import { and, asc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { liveJobKeys } from '../../jobs/leases';
import { dispatchEmails } from '../notifications/send-email';
import { completeActivation } from './complete-activation';
import { failActivation } from './fail-activation';
import { processActivationJob } from './jobs';
import { orderAccess } from './order-access';
import { activations } from './schema';
import { LicenseSigningError, prepareLicenses } from './sign-licenses';
import { callVendorIntegration } from './vendor-integration';

/**
 * The `process-activation` job (at-least-once, so idempotent). Three steps, the vendor call between two
 * transactions so a slow vendor never holds a lock: (1) lock, sign the licenses and store them on the items;
 * (2) POST them to the vendor's integration, when it has one; (3) on success lock again and complete —
 * devices extended, order made, creator mailed; on failure «Ошибка» with the vendor's text, devices released,
 * creator mailed. Every step does nothing unless the activation is still «В работе», so a second delivery,
 * even a concurrent one, extends no device twice and makes no second order.
 */
export async function processActivation(deps: AppDeps, payload: { activationId: string }): Promise<void> {
  const { activationId } = payload;
  let prepared: Awaited<ReturnType<typeof prepareLicenses>>;
  try {
    prepared = await prepareLicenses(deps, activationId, new Date());
  } catch (error) {
    if (!(error instanceof LicenseSigningError)) throw error;
    await dispatchEmails(deps, await failActivation(deps, activationId, error.message, new Date()));
    return;
  }
  if (!prepared) return;

  const url = prepared.vendor.integrationUrl;
  if (url) {
    const answer = await callVendorIntegration(
      url,
      {
        activationNumber: prepared.activation.number,
        organizationInn: prepared.organization.inn,
        licenses: prepared.licenses,
      },
      { allowPrivate: deps.config.allowPrivateIntegrationUrls === true },
    );
    if (!answer.ok) {
      await dispatchEmails(deps, await failActivation(deps, activationId, answer.error, new Date()));
      return;
    }
  }

  const done = await completeActivation(deps, prepared, new Date());
  if (!done) return;
  await dispatchEmails(deps, done.mailIds);
  await orderAccess().queueOrderDocuments(deps, done.orderId);
}

/** An activation «В работе» that has not moved for this long lost its job (crash, retries exhausted). */
const STALE_AFTER = sql`now() - interval '5 minutes'`;

/** The `sweep-activations` cron: hands every stale activation «В работе» without a live job to the job again. */
export async function sweepActivations(deps: AppDeps): Promise<void> {
  await handOver(deps, STALE_AFTER);
}

/**
 * Start-up recovery (issue 8, item 16): every activation «В работе» whose job is gone — not waiting, not
 * running (a running one holds its lease, jobs/boss.ts) — goes to the job at once rather than after the
 * sweeper's five minutes. A duplicate is harmless: the job only touches an activation still «В работе».
 */
export async function recoverActivations(deps: AppDeps): Promise<void> {
  await handOver(deps, null);
}

async function handOver(deps: AppDeps, staleBefore: SQL | null): Promise<void> {
  // In progress at once are a few thousand at most (one per device being activated): start-up takes all.
  const stale = await deps.db
    .select({ id: activations.id })
    .from(activations)
    .where(
      and(
        eq(activations.status, 'in_progress'),
        staleBefore ? lt(activations.updatedAt, staleBefore) : undefined,
      ),
    )
    .orderBy(asc(activations.updatedAt))
    .limit(staleBefore ? 100 : 100_000);
  const live = await liveJobKeys(
    deps.database,
    processActivationJob,
    stale.map(({ id }) => id),
  );
  for (const { id } of stale) {
    if (live.has(id)) continue;
    // Touch it, so the next sweep waits another while before sending again.
    await deps.db.update(activations).set({ updatedAt: new Date() }).where(eq(activations.id, id));
    await deps.jobs.send(processActivationJob, { activationId: id }, { singletonKey: id });
  }
}
