import path from 'node:path';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { type DemoLogin, isDatabaseEmpty, seedDemo } from './db/seed-demo';
import type { AppDeps } from './http/types';
import { createJobs } from './jobs/boss';
import { JOB_DEFINITIONS } from './jobs/registry';
import { ensureReferenceData } from './modules/catalog/code-tables';
import { closeTransports } from './modules/notifications/mailer';
import { createDiskStorage } from './storage/disk-storage';

export type Server = Awaited<ReturnType<typeof startServer>>;

/** The PGlite data directory inside DATA_DIR. */
export function pgliteDir(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

/**
 * config → database → migrations → reference data (the serial's code tables) → demo data (first start) → jobs
 * → listen (ARCHITECTURE.md, main.ts).
 */
export async function startServer(
  config: Config,
  options: { webDir?: string | null; seed?: boolean; jobPollingSeconds?: number } = {},
) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: pgliteDir(config),
    command: 'kabinet server',
  });
  await runMigrations(database);
  await ensureReferenceData(database.db);
  const storage = createDiskStorage(config.storageDir);
  let demoLogins: DemoLogin[] | null = null;
  if (options.seed !== false && (await isDatabaseEmpty(database.db)))
    demoLogins = await seedDemo(database.db, { storage, config });

  const deps = { config, database, db: database.db, storage } as AppDeps;
  const app = await buildApp({ deps, ...(options.webDir === undefined ? {} : { webDir: options.webDir }) });
  deps.jobs = createJobs({
    database,
    definitions: JOB_DEFINITIONS,
    log: app.log,
    ...(options.jobPollingSeconds ? { pollingIntervalSeconds: options.jobPollingSeconds } : {}),
  });
  await deps.jobs.start(deps);
  const address = await app.listen({ port: config.port, host: config.host });
  const port = Number(new URL(address).port);

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    closing ??= (async () => {
      await app.close();
      await deps.jobs.stop();
      closeTransports();
      await database.close();
    })();
    return closing;
  }
  return { app, deps, port, url: config.publicUrl, demoLogins, close };
}
