import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  attachmentDisposition,
  decideRange,
  entityTag,
  noneMatch,
  type RangeDecision,
  rangeStillValid,
} from '../../http/download';
import { AppError } from '../../http/errors';
import { type FileStorage, StorageKeyError } from '../../storage/file-storage';
import type { ProductFileRow } from './product-files-view';

function headerOf(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function openBytes(
  req: FastifyRequest,
  storage: FileStorage,
  file: ProductFileRow,
  range: RangeDecision,
): Promise<Readable> {
  try {
    return await storage.open(
      file.storageKey,
      range.kind === 'partial' ? { start: range.start, end: range.end } : undefined,
    );
  } catch (error) {
    if (!(error instanceof StorageKeyError)) throw error;
    req.log.error({ err: error, fileId: file.id }, 'product file is missing from the storage');
    throw new AppError('INTERNAL', 'Файл не найден в хранилище. Сообщите в техподдержку.');
  }
}

/**
 * Streams a product file: `Accept-Ranges: bytes`, one `Range` → 206 with `Content-Range` (resumable downloads
 * of multi-gigabyte images), 416 past the end, ETag = SHA-256 with `If-None-Match` → 304, and an attachment
 * name that keeps Cyrillic. The bytes are opened before any length header is set, so a storage failure still
 * answers a well-formed error.
 */
export async function sendProductFile(
  req: FastifyRequest,
  reply: FastifyReply,
  storage: FileStorage,
  file: ProductFileRow,
): Promise<FastifyReply> {
  const etag = entityTag(file.sha256);
  const size = file.sizeBytes;
  // `private, no-cache`: browsers may keep the file but must ask (cheaply, by ETag) before reusing it.
  reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', 'private, no-cache');
  if (noneMatch(headerOf(req, 'if-none-match'), etag)) return reply.code(304).send();

  const range: RangeDecision = rangeStillValid(headerOf(req, 'if-range'), etag)
    ? decideRange(headerOf(req, 'range'), size)
    : { kind: 'full' };
  if (range.kind === 'unsatisfiable') {
    reply.header('content-range', `bytes */${size}`);
    throw new AppError('RANGE_NOT_SATISFIABLE');
  }
  const body = req.method === 'HEAD' ? null : await openBytes(req, storage, file, range);
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName));
  if (range.kind === 'partial')
    reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1);
  else reply.header('content-length', size);
  return body ? reply.send(body) : reply.send();
}
