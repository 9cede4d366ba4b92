import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import type { AppDeps } from '../../src/server/http/types';
import { createJobs } from '../../src/server/jobs/boss';
import { JOB_DEFINITIONS } from '../../src/server/jobs/registry';
import { ensureReferenceData } from '../../src/server/modules/catalog/code-tables';
import { closeTransports } from '../../src/server/modules/notifications/mailer';
import { createDiskStorage } from '../../src/server/storage/disk-storage';
import { TestClient } from './client';
import { startSmtpServer, type TestSmtp } from './smtp';
import { openTestDatabase } from './test-database';

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * The one test harness: a fresh database, the real app on a real port, real pg-boss workers and
 * (optionally) a real SMTP server. Every route test goes through it.
 */
export async function startTestApp(
  options: {
    smtp?: boolean;
    webDir?: string | null;
    /** A database the test prepared itself (the migration tests); a fresh migrated copy by default. */
    database?: () => Promise<{ database: Database; drop: () => Promise<void> }>;
  } = {},
) {
  const { database, drop } = await (options.database ?? openTestDatabase)();
  // What startServer does after migrating: the serial's code tables (seed 000, «Приложение 1»).
  await ensureReferenceData(database.db);
  const smtp: TestSmtp | null = options.smtp ? await startSmtpServer() : null;
  // Product files of this app only, removed on close.
  const storageDir = await mkdtemp(path.join(tmpdir(), 'kabinet-test-files-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: database.connectionString,
    appSecret: TEST_SECRET,
    publicUrl: 'http://127.0.0.1',
    smtpUrl: smtp?.url,
    mailFrom: 'Кабинет <no-reply@kabinet.test>',
    logLevel: 'silent',
    trustProxy: false,
    storageDir,
    // Small, so the size-limit test stays quick.
    uploadLimitBytes: 8 * 1024 * 1024,
    // Vendor integration tests answer on 127.0.0.1; the refusal tests switch this off (issue 8, item 14).
    allowPrivateIntegrationUrls: true,
  };
  const storage = createDiskStorage(storageDir);
  const deps = { config, database, db: database.db, storage } as AppDeps;
  const app = await buildApp({ deps, webDir: options.webDir ?? null, logger: false });
  deps.jobs = createJobs({
    database,
    definitions: JOB_DEFINITIONS,
    log: app.log,
    pollingIntervalSeconds: 0.5,
  });
  await deps.jobs.start(deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = address.replace('localhost', '127.0.0.1');
  config.publicUrl = url;

  return {
    url,
    deps,
    db: database.db,
    smtp,
    /** The in-process SMTP server's mailbox (the app must have been started with `smtp: true`). */
    get mailbox(): TestSmtp {
      if (!smtp) throw new Error('startTestApp({ smtp: true }) is needed to read mail');
      return smtp;
    },
    /** An anonymous client with its own cookie jar. */
    client: () => new TestClient(url),
    /** Logs in through the real endpoint and returns the client holding the session cookie. */
    async loginAs(email: string, password: string): Promise<TestClient> {
      const client = new TestClient(url);
      const res = await client.post('/api/v1/auth/login', { email, password });
      if (res.status !== 200)
        throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    async close(): Promise<void> {
      await app.close();
      await deps.jobs.stop();
      closeTransports();
      await smtp?.close();
      await database.close();
      await drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
