import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config';
import type { Database } from '../server/db/client';
import { AppError } from '../server/http/errors';
import { createDeviceImport } from '../server/modules/devices/create-import';
import { getDeviceImport } from '../server/modules/devices/import-view';
import { runDeviceImport } from '../server/modules/devices/run-import';
import { createDiskStorage } from '../server/storage/disk-storage';
import type { DeviceImport } from '../shared/api/devices';

export const IMPORT_DEVICES_USAGE = `  import-devices FILE [--json]        загрузить реестр устройств из CSV или XLSX (всё или ничего)
`;

type Io = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
};

/** How many row errors the terminal shows; `--json` prints the report as stored (up to 1000). */
const SHOWN_ERRORS = 50;

function summary(done: DeviceImport): string {
  if (done.status === 'completed')
    return `Реестр обновлён: строк ${done.totalRows}, добавлено ${done.inserted}, обновлено ${done.updated}, без изменений ${done.unchanged}.\n`;
  const lines = [`Реестр не изменён. ${done.message ?? `Ошибок в строках: ${done.errorCount}.`}`];
  for (const e of done.errors.slice(0, SHOWN_ERRORS))
    lines.push(`  строка ${e.row}${e.column ? `, «${e.column}»` : ''}: ${e.message}`);
  if (done.errorCount > SHOWN_ERRORS) lines.push(`  … и ещё ${done.errorCount - SHOWN_ERRORS}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run kabinet -- import-devices FILE`: the back office's registry import from a shell, through the same
 * use cases (the file goes to the file storage, then the same all-or-nothing run as the `devices.import`
 * job, here in this process). Exit code: 0 applied, 1 refused (report on stderr), 2 bad arguments.
 */
export async function runImportDevices(
  args: string[],
  io: Io,
  withDatabase: (work: (config: Config, database: Database) => Promise<number>) => Promise<number>,
): Promise<number> {
  let file: string | undefined;
  let json = false;
  try {
    const parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { json: { type: 'boolean' } },
    });
    [file] = parsed.positionals;
    json = parsed.values.json === true;
    if (parsed.positionals.length !== 1) file = undefined;
  } catch {
    file = undefined;
  }
  if (!file) {
    io.stderr.write(
      `Укажите один файл.\n\nИспользование: npm run kabinet -- <команда>\n\n${IMPORT_DEVICES_USAGE}`,
    );
    return 2;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    io.stderr.write(`Файл ${file} не найден\n`);
    return 2;
  }
  const source = file;
  return withDatabase(async (config, database) => {
    const storage = createDiskStorage(config.storageDir);
    try {
      const created = await createDeviceImport(database.db, storage, {
        source: createReadStream(source),
        fileName: path.basename(source),
        actor: { userId: null, email: 'cli', ip: null },
      });
      const ticker = io.stderr.isTTY
        ? setInterval(() => {
            void getDeviceImport(database.db, created.id).then((p) =>
              io.stderr.write(`\r${p.percent} %, строк прочитано: ${p.processedRows}   `),
            );
          }, 1000)
        : null;
      try {
        await runDeviceImport({ db: database.db, storage }, created.id);
      } finally {
        if (ticker) clearInterval(ticker);
        if (ticker) io.stderr.write('\n');
      }
      const done = await getDeviceImport(database.db, created.id);
      if (json) io.stdout.write(`${JSON.stringify(done)}\n`);
      io.stderr.write(summary(done));
      return done.status === 'completed' ? 0 : 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.stderr.write(`Реестр не изменён: ${error.message}\n`);
      return 1;
    }
  });
}
