import type { SerialDecodeResponse } from '../../../shared/api/licenses';
import { describeSerial, parseSerial } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { loadCodeTables } from '../catalog/code-tables';
import { findProductCard } from '../catalog/products';

/**
 * The public decoder (stable contract `GET /api/v1/serial-numbers/{serial}`; seed 000: the serial «может быть
 * интерпретирован для получения необходимых сведений … о продукте»). Decodes with the operator's tables, so
 * added codes decode and retired ones still do; a bad serial is `SERIAL_INVALID` with the codec's errors, each
 * naming its part. It says what the serial means, not whether it was issued: that stays with its owner.
 */
export async function decodeSerial(db: Db, input: string): Promise<SerialDecodeResponse> {
  const tables = await loadCodeTables(db);
  const parsed = parseSerial(input, tables);
  if (!parsed.ok)
    throw new AppError('SERIAL_INVALID', parsed.errors.map((e) => e.message).join('; '), parsed.errors);
  return {
    ...describeSerial(parsed.parts, tables),
    product: await findProductCard(db, parsed.parts.product),
  };
}
