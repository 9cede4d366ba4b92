import type { Readable } from 'node:stream';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { z } from 'zod';
import { type AdminProductFile, ProductFileUploadFields } from '../../../shared/api/files';
import { moscowDateParts } from '../../../shared/dates';
import { controlCharacterProblem } from '../../../shared/text-encoding';
import { cleanContentType, cleanFileName } from '../../http/download';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import type { StoredFile } from '../../storage/file-storage';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { assertProductCode, invalid, toAdminProductFile } from './product-files-view';
import { productFiles } from './schema';

function parseFields(fields: Record<string, string>): z.output<typeof ProductFileUploadFields> {
  // PostgreSQL text cannot hold NUL, and no title or note needs a control character (tab and line breaks
  // stay allowed): refused by name, before the file is read.
  for (const [name, value] of Object.entries(fields))
    if (controlCharacterProblem(value))
      throw invalid([{ path: name, message: 'Нулевой байт или управляющий символ в тексте поля' }]);
  const parsed = ProductFileUploadFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

function todayInMoscow(now: Date): string {
  const { year, month, day } = moscowDateParts(now);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads the rest of a file part we refuse, so the request ends cleanly and the client reads our answer. */
function discard(part: MultipartFile): void {
  part.file.on('error', () => {});
  part.file.resume();
}

/** The multipart limit (`UPLOAD_LIMIT_MB`) fails the file stream with FST_REQ_FILE_TOO_LARGE. */
function isTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * A body the multipart parser gave up on: the boundary is not in the body, or the body ends before the
 * closing boundary (a cut-off or dropped upload). Our own refusals, the parser's limits (413) and storage
 * I/O errors (they carry a syscall: a full disk is ours to fix, not the client's) keep their meaning.
 */
function malformedUpload(error: unknown): unknown {
  if (error instanceof AppError || isTooLarge(error)) return error;
  const failure = error as { statusCode?: number; syscall?: string } | null;
  if (failure?.syscall || (failure?.statusCode && failure.statusCode !== 400)) return error;
  return new AppError(
    'UPLOAD_MALFORMED',
    'Запрос с файлом оборван или повреждён (граница частей multipart не найдена или тело кончилось раньше неё): файл не загружен. Повторите загрузку.',
  );
}

/** The parts, with the parser's own failures turned into UPLOAD_MALFORMED. */
async function* readParts(parts: AsyncIterable<Multipart>): AsyncGenerator<Multipart> {
  try {
    yield* parts;
  } catch (error) {
    throw malformedUpload(error);
  }
}

type Upload = StoredFile & { fileName: string; contentType: string };

/**
 * Stores one product file from a multipart request: metadata fields first, then the file, streamed through
 * the storage (never held in memory). The fields and the product are checked before a byte of the file is
 * kept; the row and its audit event commit together, and whatever fails after the bytes are stored removes
 * them again.
 */
export async function uploadProductFile(
  deps: Pick<AppDeps, 'db' | 'storage' | 'config'>,
  input: { productCode: string; parts: AsyncIterable<Multipart> },
  actor: AuditActor,
  now = new Date(),
): Promise<AdminProductFile> {
  await assertProductCode(deps.db, input.productCode);
  const fields: Record<string, string> = {};
  let metadata: z.output<typeof ProductFileUploadFields> | null = null;
  let upload: Upload | null = null;
  try {
    for await (const part of readParts(input.parts)) {
      if (part.type === 'field') {
        if (upload) throw invalid([{ path: part.fieldname, message: 'Поля формы передаются до файла' }]);
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      try {
        metadata = parseFields(fields);
      } catch (error) {
        discard(part);
        throw error;
      }
      const stored = await deps.storage.put(part.file).catch((error: unknown) => {
        if (isTooLarge(error)) throw tooLarge(deps.config.uploadLimitBytes);
        throw malformedUpload(error);
      });
      upload = {
        ...stored,
        fileName: cleanFileName(part.filename),
        contentType: cleanContentType(part.mimetype),
      };
      if (part.file.truncated) throw tooLarge(deps.config.uploadLimitBytes);
    }
    if (!upload || !metadata) throw invalid([{ path: 'file', message: 'Выберите файл для загрузки' }]);
    if (upload.sizeBytes === 0) throw invalid([{ path: 'file', message: 'Файл пуст' }]);
    return await saveRow(deps, input.productCode, metadata, upload, actor, now);
  } catch (error) {
    if (upload) await deps.storage.remove(upload.key).catch(() => {});
    if (isTooLarge(error)) throw tooLarge(deps.config.uploadLimitBytes);
    throw error;
  }
}

/**
 * The same without HTTP: metadata and a stream (the demo data, scripts). Checked, stored, saved with its audit
 * event; the stored bytes are removed when the row cannot be saved.
 */
export async function addProductFile(
  deps: Pick<AppDeps, 'db' | 'storage'>,
  input: {
    productCode: string;
    fields: ProductFileUploadFields;
    fileName: string;
    contentType: string;
    source: Readable;
  },
  actor: AuditActor,
  now = new Date(),
): Promise<AdminProductFile> {
  await assertProductCode(deps.db, input.productCode);
  const metadata = parseFields(input.fields);
  const stored = await deps.storage.put(input.source);
  const upload = {
    ...stored,
    fileName: cleanFileName(input.fileName),
    contentType: cleanContentType(input.contentType),
  };
  try {
    if (upload.sizeBytes === 0) throw invalid([{ path: 'file', message: 'Файл пуст' }]);
    return await saveRow(deps, input.productCode, metadata, upload, actor, now);
  } catch (error) {
    await deps.storage.remove(upload.key).catch(() => {});
    throw error;
  }
}

function tooLarge(limitBytes: number): AppError {
  const limit =
    limitBytes >= 1024 ** 3
      ? `${(limitBytes / 1024 ** 3).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ГБ`
      : `${(limitBytes / 1024 ** 2).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
  return new AppError('FILE_TOO_LARGE', `Файл больше ${limit} и не загружен`);
}

async function saveRow(
  deps: Pick<AppDeps, 'db'>,
  productCode: string,
  metadata: z.output<typeof ProductFileUploadFields>,
  upload: Upload,
  actor: AuditActor,
  now: Date,
): Promise<AdminProductFile> {
  const row = await deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(productFiles)
      .values({
        productCode,
        kind: metadata.kind,
        title: metadata.title,
        version: metadata.version || null,
        releasedOn: metadata.releasedOn ?? todayInMoscow(now),
        notes: metadata.notes ?? '',
        fileName: upload.fileName,
        contentType: upload.contentType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        storageKey: upload.key,
        createdBy: actor.userId,
      })
      .returning();
    if (!inserted) throw new Error('product_files insert returned nothing');
    await recordAudit(tx, {
      actor,
      action: 'catalog.file_uploaded',
      entityType: 'product_file',
      entityId: inserted.id,
      details: {
        productCode,
        kind: inserted.kind,
        title: inserted.title,
        version: inserted.version,
        fileName: inserted.fileName,
        sizeBytes: inserted.sizeBytes,
        sha256: inserted.sha256,
      },
    });
    return inserted;
  });
  return toAdminProductFile(row);
}
