import type PgBoss from 'pg-boss';
import type { Database } from '../db/client';

/** pg-boss's default schema (createJobs does not change it). */
const SCHEMA = 'pgboss';

/**
 * Keeps a running job's lease: pg-boss expires an `active` job once `started_on + expire_in` has passed, so
 * each beat moves `started_on` to `now + lease − expire_in` (the job's deadline becomes now + lease). The
 * handler's own time limit stays the queue's long `expire_in`, read when the job was fetched; a retry resets
 * `started_on`, so the shifted value never outlives the attempt. Beats never overlap: a slow database
 * skips one instead of queueing them.
 */
export function extendLeases(
  database: Database,
  queue: string,
  ids: string[],
  options: { leaseSeconds: number; everyMs: number; onError: (error: unknown) => void },
): { first: Promise<void>; stop: () => void } {
  let beating: Promise<void> | null = null;
  const beat = (): Promise<void> => {
    beating ??= database.executor
      .executeSql(
        `update ${SCHEMA}.job set started_on = now() + make_interval(secs => $3) - expire_in
         where name = $1 and id = any($2::uuid[]) and state = 'active'`,
        [queue, ids, options.leaseSeconds],
      )
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        beating = null;
      });
    return beating;
  };
  const timer = setInterval(beat, options.everyMs);
  return { first: beat(), stop: () => clearInterval(timer) };
}

/**
 * PGlite only: a single process owns the data directory, so a job `active` at start-up lost its worker
 * with the previous process. Failing it lets pg-boss retry it (or fail it for good after its last attempt);
 * the retry starts now rather than after the backoff, since nothing went wrong with the job itself.
 */
export async function failActiveJobs(boss: PgBoss, database: Database): Promise<void> {
  const { rows } = await database.executor.executeSql(
    `select name, array_agg(id::text) as ids from ${SCHEMA}.job where state = 'active' group by name`,
    [],
  );
  for (const row of rows as Array<{ name: string; ids: string[] }>) {
    await boss.fail(row.name, row.ids);
    await database.executor.executeSql(
      `update ${SCHEMA}.job set start_after = now() where name = $1 and id = any($2::uuid[]) and state = 'retry'`,
      [row.name, row.ids],
    );
  }
}

/**
 * The singleton keys among `keys` whose job is still waiting (created, retry) or, for `live`, also running:
 * a running job holds its lease, so its worker is alive or will be noticed dead within a lease.
 */
export async function liveJobKeys(
  database: Database,
  queue: { id: string },
  keys: string[],
  which: 'waiting' | 'live' = 'live',
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const states = which === 'waiting' ? `('created', 'retry')` : `('created', 'retry', 'active')`;
  const { rows } = await database.executor.executeSql(
    `select distinct singleton_key as key from ${SCHEMA}.job
     where name = $1 and singleton_key = any($2::text[]) and state in ${states}`,
    [queue.id, keys],
  );
  return new Set((rows as Array<{ key: string }>).map((row) => row.key));
}
