import { eq } from 'drizzle-orm';
import type { ActivationReportResponse } from '../../../shared/api/licenses';
import { parseSerial } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { loadCodeTables } from '../catalog/code-tables';
import { licenses } from './schema';

type Target = { id: string } | { serial: string };

/**
 * Sets «Активировано» (seed 000, the license table) to a total, 0…quantity. Setting the same total again
 * changes nothing and writes no audit event, so an activation server may repeat its reports freely.
 */
async function setActivatedCount(
  db: Db,
  target: Target,
  count: number,
  actor: AuditActor,
  via: 'staff' | 'activation_server',
): Promise<ActivationReportResponse> {
  return db.transaction(async (tx) => {
    const where = 'id' in target ? eq(licenses.id, target.id) : eq(licenses.serial, target.serial);
    const [current] = await tx.select().from(licenses).where(where).for('update');
    if (!current) throw notFound('Лицензия не найдена');
    if (count > current.quantity)
      throw new AppError(
        'BAD_REQUEST',
        `Активировано (${count}) не может быть больше количества по лицензии (${current.quantity})`,
        [{ path: via === 'staff' ? 'count' : 'activated', message: `Не больше ${current.quantity}` }],
      );
    const result = { serial: current.serial, quantity: current.quantity, activated: count };
    if (current.activated === count) return result;
    await tx
      .update(licenses)
      .set({ activated: count, updatedAt: new Date() })
      .where(eq(licenses.id, current.id));
    await recordAudit(tx, {
      actor,
      action: 'licenses.activations_set',
      organizationId: current.organizationId,
      entityType: 'license',
      entityId: current.id,
      details: { serial: current.serial, from: current.activated, to: count, via },
    });
    return result;
  });
}

/** «Активировано» by hand in the back office. */
export function setActivationsByStaff(
  db: Db,
  id: string,
  count: number,
  actor: AuditActor,
): Promise<ActivationReportResponse> {
  return setActivatedCount(db, { id }, count, actor, 'staff');
}

/**
 * A report from a product's activation server. The serial may come in any spelling the codec repairs; a
 * token answers only for its own product, and another product's serial is simply not found.
 */
export async function reportActivations(
  db: Db,
  input: { serial: string; activated: number; productCode: string; ip: string | null },
): Promise<ActivationReportResponse> {
  const parsed = parseSerial(input.serial, await loadCodeTables(db));
  if (!parsed.ok)
    throw new AppError('SERIAL_INVALID', parsed.errors.map((e) => e.message).join('; '), parsed.errors);
  if (parsed.parts.product !== input.productCode) throw notFound('Лицензия не найдена');
  const actor = { userId: null, email: `activation-server:${input.productCode}`, ip: input.ip };
  return setActivatedCount(db, { serial: parsed.serial }, input.activated, actor, 'activation_server');
}
