import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ByteRange, type FileStorage, StorageKeyError, type StoredFile } from './file-storage';

/** `ab/ab12…-…`: a random UUID under a two-character shard, so no directory grows to millions of entries. */
const KEY_PATTERN = /^([0-9a-f]{2})\/(\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Product files on the local disk under `STORAGE_DIR` (default `DATA_DIR/files`). An upload is written to
 * `.tmp/` on the same file system, synced, then renamed into place: a reader never sees half a file, and a
 * failed upload leaves nothing. Keys are random UUIDs checked against one pattern before they touch a path,
 * so no key can point outside the directory.
 */
export function createDiskStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const temporary = path.join(base, '.tmp');

  function pathOf(key: string): string {
    const match = KEY_PATTERN.exec(key);
    if (!match?.[1] || !match[2]) throw new StorageKeyError(`not a storage key: ${JSON.stringify(key)}`);
    return path.join(base, match[1], match[2]);
  }

  async function put(source: Readable): Promise<StoredFile> {
    await mkdir(temporary, { recursive: true });
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const partial = path.join(temporary, `${id}.part`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      // `wx`: a fresh file or an error, never someone else's; `flush`: fsync before close, so the renamed
      // file is on disk before its database row commits.
      await pipeline(source, measure, createWriteStream(partial, { flags: 'wx', mode: 0o640, flush: true }));
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, sizeBytes, sha256: hash.digest('hex') };
  }

  async function openFile(key: string, range?: ByteRange): Promise<Readable> {
    const file = pathOf(key);
    // Opened before the stream is handed out, so a missing file is an error the caller can still answer.
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new StorageKeyError(`no file for key ${key}`);
      throw error;
    });
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async function remove(key: string): Promise<void> {
    await rm(pathOf(key), { force: true });
  }

  return { put, open: openFile, remove };
}
