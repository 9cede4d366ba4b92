import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskStorage } from './disk-storage';
import { type FileStorage, StorageKeyError } from './file-storage';

let root: string;
let storage: FileStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kabinet-storage-'));
  storage = createDiskStorage(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

/** Every regular file under the storage root, temporary ones included. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stream of the bytes in small chunks, as a network upload arrives. */
function chunked(bytes: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );
}

describe('disk storage', () => {
  it('keeps a stream under a new key with its size and SHA-256, and gives the same bytes back', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const stored = await storage.put(chunked(bytes));
    expect(stored.sizeBytes).toBe(bytes.length);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(stored.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(stored.key.slice(0, 2)).toBe(stored.key.slice(3, 5));
    expect((await buffer(await storage.open(stored.key))).equals(bytes)).toBe(true);
    expect(await filesUnder(root)).toEqual([path.join(root, stored.key)]);
  });

  it('reads inclusive byte ranges: first bytes, the middle, the last byte', async () => {
    const bytes = randomBytes(10_000);
    const { key } = await storage.put(chunked(bytes, 999));
    for (const [start, end] of [
      [0, 99],
      [4_000, 6_499],
      [9_999, 9_999],
    ] as const) {
      const part = await buffer(await storage.open(key, { start, end }));
      expect(part.equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it('gives every upload its own key, also for the same bytes', async () => {
    const bytes = Buffer.from('одинаковые байты');
    const first = await storage.put(chunked(bytes));
    const second = await storage.put(chunked(bytes));
    expect(first.key).not.toBe(second.key);
    expect(first.sha256).toBe(second.sha256);
  });

  it('a failed upload leaves no file, not even a temporary one', async () => {
    const failing = new Readable({ read() {} });
    failing.push(randomBytes(200_000));
    setTimeout(() => failing.destroy(new Error('connection reset')), 20);
    await expect(storage.put(failing)).rejects.toThrow('connection reset');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('an empty stream is a zero-byte file with the SHA-256 of nothing', async () => {
    const stored = await storage.put(Readable.from([]));
    expect(stored).toMatchObject({ sizeBytes: 0, sha256: sha256(Buffer.alloc(0)) });
  });

  it('remove forgets the key; removing again is fine; opening it then is a StorageKeyError', async () => {
    const { key } = await storage.put(chunked(Buffer.from('x')));
    await storage.remove(key);
    await storage.remove(key);
    await expect(storage.open(key)).rejects.toBeInstanceOf(StorageKeyError);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('refuses anything that is not a key it made: no path traversal', async () => {
    for (const key of [
      '../../etc/passwd',
      '/etc/passwd',
      'ab/../../secret',
      '..',
      '',
      'AB/AB345678-1234-1234-1234-123456789012',
      'cd/ab345678-1234-1234-1234-123456789012',
      'ab/ab345678-1234-1234-1234-123456789012/..',
    ]) {
      await expect(storage.open(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.remove(key), key).rejects.toBeInstanceOf(StorageKeyError);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (key) => {
        await expect(storage.open(key)).rejects.toBeInstanceOf(StorageKeyError);
      }),
      { numRuns: 200 },
    );
  });
});
