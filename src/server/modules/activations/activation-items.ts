import { and, asc, count, eq, isNotNull, like } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivationItemList, ActivationItemQuery } from '../../../shared/api/activations';
import { normalizeDeviceSerial } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { AppError } from '../../http/errors';
import type { Scope } from '../../http/scope';
import { findActivationInScope } from './activation-view';
import { activationItems } from './schema';

type ItemQuery = z.output<typeof ActivationItemQuery>;

/** The activation page's table (seed 002, 2.5) in input order; «Поиск…» (`q`) is a prefix of the serial. */
export async function listActivationItems(
  db: Db,
  scope: Scope,
  activationId: string,
  query: ItemQuery,
): Promise<ActivationItemList> {
  await findActivationInScope(db, scope, activationId);
  const serial = query.q ? normalizeDeviceSerial(query.q) : '';
  const where = and(
    eq(activationItems.activationId, activationId),
    serial ? like(activationItems.serial, `${likePattern(serial, false)}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        serial: activationItems.serial,
        model: activationItems.modelName,
        licenseTypeName: activationItems.licenseTypeName,
        previousEnd: activationItems.previousEnd,
        newEnd: activationItems.newEnd,
        validUntil: activationItems.validUntil,
        priceKopecks: activationItems.priceKopecks,
      })
      .from(activationItems)
      .where(where)
      .orderBy(asc(activationItems.position))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(activationItems).where(where),
  ]);
  return { items: rows, total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/**
 * «Скачать файл лицензии» (seed 002, 2.1 and 2.5): the signed licenses of the activation's devices one after
 * another in input order — each a complete `.slf` block that verifies on its own. Only once «Выполнена».
 */
export async function activationLicenseFile(
  db: Db,
  scope: Scope,
  activationId: string,
): Promise<{ number: number; text: string }> {
  const activation = await findActivationInScope(db, scope, activationId);
  if (activation.status !== 'done') throw new AppError('LICENSE_FILE_NOT_READY');
  const rows = await db
    .select({ text: activationItems.licenseText })
    .from(activationItems)
    .where(and(eq(activationItems.activationId, activation.id), isNotNull(activationItems.licenseText)))
    .orderBy(asc(activationItems.position));
  return { number: activation.number, text: rows.map((r) => r.text ?? '').join('') };
}

/** «Скачать пример файла»: one serial per line, as the import reads it. */
export const SERIALS_SAMPLE_FILE = {
  name: 'serials-sample.txt',
  text: ['0124230115000230', '0239110138900130', '0085430138900121', ''].join('\r\n'),
};
