import { readFile } from 'node:fs/promises';
import { type Config, ConfigError, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { runMigrations } from '../server/db/migrate';
import { DEMO_PASSWORD, seedDemo } from '../server/db/seed-demo';
import { pgliteDir } from '../server/start';
import { createDiskStorage } from '../server/storage/disk-storage';
import { runVerifyLicense } from '../shared/license-file';
import { CREATE_ADMIN_USAGE, runCreateAdmin } from './create-admin';
import { IMPORT_DEVICES_USAGE, runImportDevices } from './import-devices';
import { ISSUE_LICENSES_USAGE, runIssueLicenses } from './issue-licenses';

const USAGE = `Использование: npm run kabinet -- <команда>

${CREATE_ADMIN_USAGE}  migrate                               применить миграции базы данных
  seed-demo                             загрузить демо-данные
${ISSUE_LICENSES_USAGE}${IMPORT_DEVICES_USAGE}  verify-license FILE [--key PEM|--url BASE]
                                        проверить файл лицензий (.slf, также файл активации из нескольких
                                        лицензий); код 0 — только когда действительны все лицензии файла
`;

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: pgliteDir(config),
    maxConnections: 2,
    command: `kabinet ${process.argv[2] ?? ''}`.trim(),
  });
  try {
    await runMigrations(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'create-admin':
        return await runCreateAdmin(
          rest,
          { stdout: process.stdout, stderr: process.stderr, usage: USAGE },
          (work) => withDatabase((database, config) => work(config, database)),
        );
      case 'migrate':
        await withDatabase(async () => {});
        process.stdout.write('Миграции применены.\n');
        return 0;
      case 'seed-demo': {
        const logins = await withDatabase(({ db }, config) =>
          seedDemo(db, { storage: createDiskStorage(config.storageDir), config }),
        );
        process.stdout.write(
          `Демо-данные загружены. Пароль у всех: ${DEMO_PASSWORD}\n${logins.map((l) => `  ${l.email}  ${l.role}`).join('\n')}\n`,
        );
        return 0;
      }
      case 'issue-licenses':
        return await runIssueLicenses(rest, process, (work) =>
          withDatabase((database, config) => work(config, database)),
        );
      case 'import-devices':
        return await runImportDevices(rest, process, (work) =>
          withDatabase((database, config) => work(config, database)),
        );
      case 'verify-license':
        return await runVerifyLicense(rest, {
          readFile: (file: string) => readFile(file, 'utf8'),
          fetch: globalThis.fetch,
          stdout: process.stdout,
          stderr: process.stderr,
        });
      default:
        process.stdout.write(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    // Refused, nothing written: the embedded database belongs to a running server or another command.
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
