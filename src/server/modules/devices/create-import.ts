import { type Readable, Transform } from 'node:stream';
import type { DeviceImport } from '../../../shared/api/devices';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { FileStorage } from '../../storage/file-storage';
import type { AuditActor } from '../audit/record-audit';
import { getDeviceImport } from './import-view';
import { deviceImports } from './schema';

/** 200 MB: a million-row CSV register is about 50 MB; an XLSX of the same is far smaller. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (head: Buffer, magic: number[]) => magic.every((byte, i) => head[i] === byte);

class TooLarge extends Error {}

/**
 * Keeps the uploaded bytes in the file storage (streamed, never buffered whole) and records the import as
 * queued; the caller then starts the job (or, in the CLI, runs it). The format comes from the bytes, not the
 * name: an XLSX is a ZIP; the old binary `.xls` is refused with how to fix it; anything else is read as CSV.
 */
export async function createDeviceImport(
  db: Db,
  storage: FileStorage,
  input: { source: Readable; fileName: string; actor: AuditActor },
): Promise<DeviceImport> {
  let head = Buffer.alloc(0);
  let size = 0;
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) return done(new TooLarge());
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
      done(null, chunk);
    },
  });
  input.source.on('error', (error) => inspect.destroy(error));
  let stored: Awaited<ReturnType<FileStorage['put']>>;
  try {
    stored = await storage.put(input.source.pipe(inspect));
  } catch (error) {
    if (error instanceof TooLarge)
      throw new AppError(
        'BAD_REQUEST',
        `Файл больше ${MAX_IMPORT_BYTES / 1024 / 1024} МБ: разделите его на части`,
      );
    throw error;
  }
  const refuse = async (message: string): Promise<never> => {
    await storage.remove(stored.key);
    throw new AppError('BAD_REQUEST', message);
  };
  if (stored.sizeBytes === 0) await refuse('Файл пуст');
  if (startsWith(head, OLE_MAGIC))
    await refuse('Формат .xls не поддерживается: сохраните файл в Excel как «Книга Excel (.xlsx)» или CSV');
  const format = startsWith(head, ZIP_MAGIC) ? 'xlsx' : 'csv';
  if (format === 'csv' && /\.xlsx$/i.test(input.fileName))
    await refuse('Файл с расширением .xlsx повреждён или не является книгой Excel');
  const [row] = await db
    .insert(deviceImports)
    .values({
      fileName: input.fileName,
      format,
      storageKey: stored.key,
      sizeBytes: stored.sizeBytes,
      createdBy: input.actor.userId,
      createdByEmail: input.actor.email,
      createdIp: input.actor.ip,
    })
    .returning({ id: deviceImports.id });
  if (!row) throw new Error('device import insert returned nothing');
  return getDeviceImport(db, row.id);
}
