import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { recordAudit } from '../audit/record-audit';
import { extendSubscriptions } from '../devices/device-lookup';
import { lockActivation } from './activation-view';
import { notifyActivationOutcome } from './notify-activation';
import { orderAccess } from './order-access';
import { activationItems, activations, deviceLicenses } from './schema';
import type { PreparedActivation } from './sign-licenses';

const SYSTEM = { userId: null, email: null, ip: null };

/**
 * «Выполнена» (seed 002, 2.5), in one transaction with the activation locked again and still «В работе»: every
 * device's «Текущая подписка» moves to its license's end (never back, so a repeat changes nothing), the
 * device's current license (`device_licenses`, the check-in API's row) moves only to a later end, the items
 * leave `pending` with «Подписка» = the signed end, and the order is made («Заказ создается … автоматически
 * после успешной Активации», section 1). Returns null when another delivery of the job got here first.
 */
export async function completeActivation(
  deps: AppDeps,
  prepared: PreparedActivation,
  now: Date,
): Promise<{ orderId: string; mailIds: string[] } | null> {
  const activationId = prepared.activation.id;
  return deps.db.transaction(async (tx) => {
    const activation = await lockActivation(tx, activationId);
    if (activation?.status !== 'in_progress') return null;
    const unsigned = await tx
      .select({ serial: activationItems.serial })
      .from(activationItems)
      .where(and(eq(activationItems.activationId, activationId), isNull(activationItems.validUntil)))
      .limit(1);
    if (unsigned.length > 0) throw new Error(`activation ${activationId}: an item has no signed license yet`);
    const items = await tx
      .select({ deviceId: activationItems.deviceId, until: activationItems.validUntil })
      .from(activationItems)
      .where(eq(activationItems.activationId, activationId));
    await extendSubscriptions(
      tx,
      items.map((i) => ({ deviceId: i.deviceId, until: i.until ?? '' })),
    );
    await tx.execute(sql`
      insert into ${deviceLicenses} (device_id, activation_id, valid_from, valid_until, license_text, kid, updated_at)
      select device_id, activation_id, valid_from, valid_until, license_text, kid, ${now.toISOString()}::timestamptz
      from ${activationItems}
      where activation_id = ${activationId}
      on conflict (device_id) do update
      set activation_id = excluded.activation_id, valid_from = excluded.valid_from,
          valid_until = excluded.valid_until, license_text = excluded.license_text, kid = excluded.kid,
          updated_at = excluded.updated_at
      where ${deviceLicenses}.valid_until < excluded.valid_until
    `);
    await tx
      .update(activationItems)
      .set({ pending: false, newEnd: sql`${activationItems.validUntil}` })
      .where(eq(activationItems.activationId, activationId));
    await tx
      .update(activations)
      .set({ status: 'done', error: null, completedAt: now, updatedAt: now })
      .where(eq(activations.id, activationId));
    const order = await orderAccess().createOrderForActivation(tx, activationId, now);
    await recordAudit(tx, {
      actor: SYSTEM,
      action: 'activations.completed',
      organizationId: activation.organizationId,
      entityType: 'activation',
      entityId: activationId,
      details: {
        number: activation.number,
        licenseCount: activation.licenseCount,
        totalKopecks: activation.totalKopecks,
        orderId: order.orderId,
        orderNumber: order.orderNumber,
      },
    });
    const mailIds = await notifyActivationOutcome(
      tx,
      deps,
      { ...prepared, activation },
      { kind: 'done', orderNumber: order.orderNumber },
    );
    return { orderId: order.orderId, mailIds };
  });
}
