import { type Readable, Transform } from 'node:stream';
import type { DeviceImport } from '../../../shared/api/devices';
import { TextFileDecoder, TextFileProblem } from '../../../shared/text-encoding';
import type { Db } from '../../db/client';
import { AppError, type ErrorCode } from '../../http/errors';
import type { FileStorage } from '../../storage/file-storage';
import type { AuditActor } from '../audit/record-audit';
import { supersedeImports } from './import-liveness';
import { getDeviceImport } from './import-view';
import { deviceImports } from './schema';

/** 200 MB: a million-row CSV register is about 50 MB; an XLSX of the same is far smaller. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** The start of a CSV checked at upload (`TextFileDecoder`); the job reads the rest. */
const SAMPLE_BYTES = 64 * 1024;

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
      if (head.length < SAMPLE_BYTES)
        head = Buffer.concat([head, chunk.subarray(0, SAMPLE_BYTES - head.length)]);
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
  const refuse = async (message: string, code: ErrorCode = 'BAD_REQUEST'): Promise<never> => {
    await storage.remove(stored.key);
    throw new AppError(code, message);
  };
  if (stored.sizeBytes === 0) await refuse('Файл пуст');
  if (startsWith(head, OLE_MAGIC))
    await refuse('Формат .xls не поддерживается: сохраните файл в Excel как «Книга Excel (.xlsx)» или CSV');
  const format = startsWith(head, ZIP_MAGIC) ? 'xlsx' : 'csv';
  if (format === 'csv' && /\.xlsx$/i.test(input.fileName))
    await refuse('Файл с расширением .xlsx повреждён или не является книгой Excel');
  if (format === 'csv') {
    // What the first 64 KiB already show (UTF-16 without BOM, NUL, binary) is refused now, not by the job.
    const problem = textProblemOf(head);
    if (problem) await refuse(`${problem}. Реестр не изменён.`, 'FILE_ENCODING_UNSUPPORTED');
  }
  // No bytes without a row: whatever fails the insert removes the stored file. The new upload replaces
  // the unfinished older ones in the same transaction (issue 8, item 16: an older file never applies later).
  const row = await db
    .transaction(async (tx) => {
      const [inserted] = await tx
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
      if (inserted) await supersedeImports(tx, { id: inserted.id, fileName: input.fileName });
      return inserted;
    })
    .catch(async (error: unknown) => {
      await storage.remove(stored.key).catch(() => {});
      throw error;
    });
  if (!row) throw new Error('device import insert returned nothing');
  return getDeviceImport(db, row.id);
}

/** Why the start of a CSV is not text, or null; a character cut at the sample's end is not a problem. */
function textProblemOf(head: Buffer): string | null {
  try {
    new TextFileDecoder(head).decode(head);
    return null;
  } catch (error) {
    if (error instanceof TextFileProblem) return error.message;
    throw error;
  }
}
