import type { Readable } from 'node:stream';

/** What the storage answers after keeping a stream: the key to reach it again, its size and SHA-256. */
export type StoredFile = { key: string; sizeBytes: number; sha256: string };

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` (RFC 9110, 14.1.2). */
export type ByteRange = { start: number; end: number };

/**
 * Where the bytes of product files live (seed 000, «Скачать» and «Информация»). The database row is the only
 * way to a file: it holds the key, the size and the SHA-256 customers see. Keys are made by the storage, never
 * from a file name or anything else a person typed. The disk implementation is `disk-storage.ts`; an
 * S3-compatible one would implement the same three calls (put = multipart upload, open = ranged GetObject).
 */
export type FileStorage = {
  /**
   * Keeps the stream's bytes under a new key, computing size and SHA-256 while streaming (never buffering the
   * whole file). When the stream fails (a dropped upload, a size limit) nothing is left behind.
   */
  put(source: Readable): Promise<StoredFile>;
  /** The bytes of `key`, or of one inclusive range of them; rejects when the key is unknown. */
  open(key: string, range?: ByteRange): Promise<Readable>;
  /** Forgets the key; a missing key is not an error (removal may be retried). */
  remove(key: string): Promise<void>;
};

/** A key the storage did not make, or one whose file is gone. */
export class StorageKeyError extends Error {
  override name = 'StorageKeyError';
}
