import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './src/server/db/schema';
import { runMigrations } from './src/server/db/migrate';
import { listActivations } from './src/server/modules/activations/list-activations';
import { ActivationListQuery } from './src/shared/api/activations';
import { openPostgresBench, postgresAdminCandidates } from './bench/databases';
import { partnerFixtures } from './bench/partner-fixtures';
import type { Db } from './src/server/db/client';

const bench = await openPostgresBench(await postgresAdminCandidates(), 4);
try {
  const { database } = bench;
  await runMigrations(database);
  const fx = await partnerFixtures(database.db, { organizations: 200 });
  // reuse the generator by importing the module's internals is not possible; inline a copy via dynamic import
  const mod = await import('./bench/activation-search');
  // @ts-expect-error internal for diagnosis
  const gen = mod.__generate;
  if (!gen) throw new Error('no generator exported');
  await gen(database.db, fx, 1_000_000, console.log);
  const queries: string[] = [];
  const logged = drizzle({ client: database.pg!, schema, logger: { logQuery: (q, p) => queries.push(`${q} -- ${JSON.stringify(p)}`) } }) as unknown as Db;
  const q = ActivationListQuery.parse({ serial: 'BS00000000250', pageSize: 20 });
  await listActivations(logged, q, { organizationIds: [fx.organizationIds[0]!] });
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await listActivations(database.db, q, { organizationIds: [fx.organizationIds[0]!] });
    console.log('run', i, (performance.now() - t0).toFixed(1), 'ms');
  }
  const [text0, params0] = queries[0]!.split(' -- ');
  await database.pg!.unsafe('set plan_cache_mode = force_generic_plan');
  const gen = await database.pg!.unsafe(`explain (analyze) ${text0}`, JSON.parse(params0!));
  console.log('GENERIC:\n' + gen.map((r: any) => '| ' + r['QUERY PLAN']).join('\n'));
  for (const s of queries) {
    console.log('\n' + s);
  }
  for (const s of queries.slice(0, 2)) {
    const [text, params] = s.split(' -- ');
    const values = JSON.parse(params!);
    const rows = await database.pg!.unsafe(`explain (analyze, buffers) ${text}`, values);
    console.log(rows.map((r: any) => '| ' + r['QUERY PLAN']).join('\n'));
  }
} finally {
  await bench.dispose();
}
