import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * One process owns an embedded (PGlite) data directory (issue 8): PGlite is a single-process database, and a
 * second opener — a CLI command next to a running server, or a second server — works on its own copy of the
 * pages in memory, reports success, and its writes are lost. The lock is `<dir>.lock`
 * (`DATA_DIR/pglite.lock`) holding who owns it.
 */
export type DataDirLockHolder = { pid: number; hostname: string; startedAt: string; command: string };

/** The directory is owned by another live process; the message names it (Russian, for people). */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly lockFile: string,
    readonly holder: DataDirLockHolder | null,
  ) {
    super(lockedMessage(lockFile, holder));
  }
}

/** A holder on another host cannot be asked whether it lives; it proves it by touching the file. */
const HEARTBEAT_MS = 20_000;
const FOREIGN_STALE_MS = 6 * HEARTBEAT_MS;
/** A takeover marker left by a process killed in the middle of a takeover (milliseconds long). */
const TAKEOVER_STALE_MS = 10_000;

/** Locks this process holds: the same pid in a lock file is then live, otherwise it is a previous life. */
const HELD = new Map<string, string>();

export type DataDirLock = { file: string; release(): void };

function formatMoscow(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(date)
    .replace(',', '');
}

function lockedMessage(lockFile: string, holder: DataDirLockHolder | null): string {
  const dir = lockFile.replace(/\.lock$/, '');
  const who = holder
    ? `процессом ${holder.pid} (${holder.command}, с ${formatMoscow(holder.startedAt)} МСК${holder.hostname === hostname() ? '' : `, компьютер ${holder.hostname}`})`
    : 'другим процессом';
  return (
    `Каталог данных ${dir} уже открыт ${who}. Встроенная база PGlite работает только в одном процессе: ` +
    `остановите его и повторите (или задайте DATABASE_URL — с PostgreSQL команды работают рядом с сервером). ` +
    `Если такого процесса нет, удалите файл ${lockFile}.`
  );
}

function readHolder(file: string): { raw: string; holder: DataDirLockHolder | null; mtimeMs: number } | null {
  try {
    const raw = readFileSync(file, 'utf8');
    const { mtimeMs } = statSync(file);
    try {
      return { raw, holder: JSON.parse(raw) as DataDirLockHolder, mtimeMs };
    } catch {
      return { raw, holder: null, mtimeMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isAlive(file: string, holder: DataDirLockHolder | null, mtimeMs: number): boolean {
  // The file is written whole before it is linked in, so an unreadable one is damage, not a racer mid-write.
  if (!holder || !Number.isInteger(holder.pid)) return false;
  if (holder.hostname !== hostname()) return Date.now() - mtimeMs < FOREIGN_STALE_MS;
  // In a container restarted after kill -9 the new process may get the old pid (often 1).
  if (holder.pid === process.pid) return HELD.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryLink(temp: string, file: string): boolean {
  try {
    linkSync(temp, file); // atomic: exactly one of several racers creates the name
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Replaces a stale lock. Takeovers are serialised by `<lock>.takeover` (created with `wx`), and the holder
 * re-reads the lock under it: two processes that both saw the same stale lock cannot both remove it and
 * then each link their own (the second would delete the first's fresh lock).
 */
function takeOver(temp: string, file: string, staleRaw: string): boolean {
  const marker = `${file}.takeover`;
  try {
    writeFileSync(marker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const left = readHolder(marker);
    if (left && Date.now() - left.mtimeMs > TAKEOVER_STALE_MS) unlinkSync(marker);
    return false;
  }
  try {
    if (readHolder(file)?.raw !== staleRaw) return false;
    unlinkSync(file);
    return tryLink(temp, file);
  } finally {
    unlinkSync(marker);
  }
}

/** Takes `<dir>.lock` or throws DataDirLockedError naming the live holder. */
export function acquireDataDirLock(dir: string, command: string): DataDirLock {
  const file = `${dir}.lock`;
  const holder: DataDirLockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command,
  };
  const raw = JSON.stringify(holder);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, raw, { flag: 'wx', mode: 0o600 });
  try {
    let won = tryLink(temp, file);
    if (!won) {
      const current = readHolder(file);
      if (current && isAlive(file, current.holder, current.mtimeMs))
        throw new DataDirLockedError(file, current.holder);
      won = current ? takeOver(temp, file, current.raw) : tryLink(temp, file);
      if (!won) throw new DataDirLockedError(file, readHolder(file)?.holder ?? null);
    }
  } finally {
    unlinkSync(temp);
  }
  HELD.set(file, raw);
  const heartbeat = setInterval(() => {
    try {
      utimesSync(file, new Date(), new Date());
    } catch {
      // The file was removed by hand; the next opener will take the directory, nothing to do here.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const onExit = () => release();
  function release(): void {
    clearInterval(heartbeat);
    process.off('exit', onExit);
    if (HELD.get(file) !== raw) return;
    HELD.delete(file);
    // Only our own lock: after a takeover by hand the file may be someone else's.
    if (readHolder(file)?.raw === raw) unlinkSync(file);
  }
  // process.exit() skips the database's close(); the lock still goes with the process.
  process.on('exit', onExit);
  return { file, release };
}
