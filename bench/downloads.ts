import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buildApp } from '../src/server/app';
import type { Config } from '../src/server/config';
import { runMigrations } from '../src/server/db/migrate';
import type { AuditActor } from '../src/server/modules/audit/record-audit';
import { findArticle } from '../src/server/modules/catalog/article-view';
import { ensureReferenceData } from '../src/server/modules/catalog/code-tables';
import { addProductFile } from '../src/server/modules/catalog/product-files-upload';
import { createArticle } from '../src/server/modules/catalog/save-article';
import { hashPassword } from '../src/server/modules/identity/passwords';
import { users } from '../src/server/modules/identity/schema';
import { importLicenses } from '../src/server/modules/licenses/import-licenses';
import { createOrganization } from '../src/server/modules/organizations/save-organization';
import { memberships } from '../src/server/modules/organizations/schema';
import { createDiskStorage } from '../src/server/storage/disk-storage';
import { parseArticle } from '../src/shared/serial-number';
import { logIn, noopJobs } from './apps';
import { openPgliteBench } from './databases';
import { requisitesFor } from './requisites';

/**
 * «Скачать» under load: a BENCH_DOWNLOAD_MB (default 100) MiB distribution is stored through the disk storage,
 * then downloaded over real HTTP several times in a row. Throughput is MB/s (10⁶ bytes); the resident set
 * size must stay flat — the file is streamed from disk to socket, never held in memory.
 */

const SYSTEM: AuditActor = { userId: null, email: 'bench', ip: null };
const PASSWORD = 'bench-downloads-2026';
const DOWNLOADS = 5;
const MB = 1_000_000;
const MIB = 1024 * 1024;

const mb = (bytes: number) => (bytes / MB).toFixed(0);
const rate = (bytes: number, ms: number) => `${(bytes / MB / (ms / 1000)).toFixed(0)} MB/s`;

/** `size` bytes in 1 MiB chunks of random data, hashed as they go: no copy of the whole file anywhere. */
function generated(size: number, hash: ReturnType<typeof createHash>): Readable {
  const chunk = randomBytes(MIB);
  let left = size;
  return new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const part = chunk.subarray(0, Math.min(left, MIB));
      left -= part.length;
      hash.update(part);
      this.push(part);
    },
  });
}

export async function benchmarkDownloads(log: (text?: string) => void): Promise<void> {
  const sizeMb = Number(process.env.BENCH_DOWNLOAD_MB ?? 100);
  const size = Math.round(sizeMb * MIB);
  const bench = await openPgliteBench();
  const storageDir = await mkdtemp(path.join(tmpdir(), 'kabinet-bench-files-'));
  try {
    const { database } = bench;
    const { db } = database;
    await runMigrations(database);
    await ensureReferenceData(db);
    const parsed = parseArticle('AO-19619913021');
    if (!parsed.ok) throw new Error('bench article');
    if (!(await findArticle(db, { code: parsed.article })))
      await createArticle(db, { ...parsed.parts, name: 'AlterOffice', priceKopecks: 100 }, SYSTEM);
    const requisites = requisitesFor(9_000_001);
    const org = await createOrganization(
      db,
      {
        kind: 'legal',
        fullName: 'ООО «Скачивание»',
        shortName: 'ООО «Скачивание»',
        ...requisites,
        legalAddress: 'г. Москва',
        email: 'downloads@bench.example',
        documentEmails: [],
        accountantEmail: null,
        contactName: 'Нагрузка',
        programs: ['licenses'],
      },
      SYSTEM,
    );
    await importLicenses(db, `${requisites.inn};24-AO-19619913021-001-0001;AO-19619913021;1;0\n`, SYSTEM);
    const email = 'downloads@bench.example';
    const [user] = await db
      .insert(users)
      .values({ email, name: 'Клиент', passwordHash: await hashPassword(PASSWORD) })
      .returning();
    if (!user) throw new Error('bench user');
    await db.insert(memberships).values({ userId: user.id, organizationId: org.id, role: 'owner' });

    const storage = createDiskStorage(storageDir);
    const expected = createHash('sha256');
    const storeStarted = performance.now();
    const file = await addProductFile(
      { db, storage },
      {
        productCode: 'AO',
        fields: { kind: 'distribution', title: 'AlterOffice', version: 'bench' },
        fileName: 'bench.img',
        contentType: 'application/octet-stream',
        source: generated(size, expected),
      },
      SYSTEM,
    );
    const storeMs = performance.now() - storeStarted;
    if (file.sha256 !== expected.digest('hex')) throw new Error('stored SHA-256 differs');

    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      dataDir: storageDir,
      databaseUrl: undefined,
      appSecret: randomBytes(32).toString('base64url'),
      publicUrl: 'http://127.0.0.1',
      smtpUrl: undefined,
      mailFrom: 'Кабинет <no-reply@kabinet.local>',
      logLevel: 'silent',
      trustProxy: false,
      storageDir,
      uploadLimitBytes: 4 * 1024 ** 3,
    };
    const app = await buildApp({
      deps: { config, database, db, jobs: noopJobs(), storage },
      webDir: null,
      logger: false,
    });
    const baseUrl = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
    try {
      const session = await logIn(baseUrl, email, PASSWORD);
      global.gc?.();
      const rssBefore = process.memoryUsage.rss();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      }, 5);
      const started = performance.now();
      for (let i = 0; i < DOWNLOADS; i++) {
        const res = await fetch(`${baseUrl}/api/v1/files/${file.id}/download`, {
          headers: { cookie: session.cookie },
        });
        if (res.status !== 200 || !res.body) throw new Error(`download: HTTP ${res.status}`);
        const hash = createHash('sha256');
        for await (const chunk of res.body) hash.update(chunk);
        if (hash.digest('hex') !== file.sha256) throw new Error('downloaded SHA-256 differs');
      }
      const ms = performance.now() - started;
      clearInterval(sampler);
      const rssAfter = process.memoryUsage.rss();
      log(`\n=== Product file download (${sizeMb} MiB, disk storage, PGlite) ===`);
      log(
        `store (stream, SHA-256, fsync, rename): ${mb(size)} MB in ${(storeMs / 1000).toFixed(2)} s = ${rate(size, storeMs)}`,
      );
      log(
        `GET /api/v1/files/:id/download ×${DOWNLOADS}: ${mb(size * DOWNLOADS)} MB in ${(ms / 1000).toFixed(2)} s = ${rate(size * DOWNLOADS, ms)}, SHA-256 checked`,
      );
      log(
        `RSS (server and client): before ${mb(rssBefore)} MB, peak ${mb(rssPeak)} MB (+${mb(rssPeak - rssBefore)} MB while streaming ${mb(size * DOWNLOADS)} MB), after ${mb(rssAfter)} MB`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await bench.dispose();
    await rm(storageDir, { recursive: true, force: true });
  }
}
