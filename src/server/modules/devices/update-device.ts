import { eq } from 'drizzle-orm';
import type { Device, DeviceUpdateBody } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { findModel } from '../vendors/vendor-view';
import { getDevice } from './list-devices';
import { devices } from './schema';

/**
 * A correction by hand on the device card: another model (of the same vendor — an activation is bound to
 * the vendor) or another subscription end, also an earlier one, which the import never sets. Audited with
 * the values before and after.
 */
export async function updateDevice(
  db: Db,
  id: string,
  body: DeviceUpdateBody,
  actor: AuditActor,
): Promise<Device> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(devices).where(eq(devices.id, id)).for('update');
    if (!current) throw notFound('Устройство не найдено');
    const patch: Partial<typeof devices.$inferInsert> = {};
    if (body.modelId !== undefined && body.modelId !== current.modelId) {
      const [next, previous] = await Promise.all([
        findModel(tx, body.modelId),
        findModel(tx, current.modelId),
      ]);
      if (!next || next.vendorId !== previous?.vendorId)
        throw new AppError('VALIDATION_ERROR', 'Выберите модель того же вендора', [
          { path: 'modelId', message: 'Модель другого вендора выбрать нельзя: это другое устройство' },
        ]);
      patch.modelId = body.modelId;
    }
    if (body.subscriptionEnd !== undefined && body.subscriptionEnd !== current.subscriptionEnd)
      patch.subscriptionEnd = body.subscriptionEnd;
    if (Object.keys(patch).length === 0) return;
    await tx
      .update(devices)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(devices.id, id));
    await recordAudit(tx, {
      actor,
      action: 'devices.updated',
      entityType: 'device',
      entityId: id,
      details: {
        serial: current.serial,
        before: { modelId: current.modelId, subscriptionEnd: current.subscriptionEnd },
        after: patch,
      },
    });
  });
  return getDevice(db, id);
}
