import autocannon from 'autocannon';
import { runMigrations } from './src/server/db/migrate';
import { openPostgresBench, postgresAdminCandidates } from './bench/databases';
import { startKabinet } from './bench/apps';
import { createVendorToken } from './src/server/modules/activations/vendor-tokens';
import { partnerFixtures, generateDevices } from './bench/partner-fixtures';
import { sql } from 'drizzle-orm';
const bench = await openPostgresBench(await postgresAdminCandidates(), 10);
try {
  await runMigrations(bench.database);
  const fx = await partnerFixtures(bench.database.db, { organizations: 1 });
  await generateDevices(bench.database.db, { modelId: fx.modelId, prefix: 'BK', count: 1000 });
  const toks: string[] = []; for (let i = 0; i < 10; i++) toks.push((await createVendorToken(bench.database.db, { vendorId: fx.vendorId, name: 'p' + i }, { userId: null, email: 'b', ip: null })).token);
  const k = await startKabinet(bench.database);
  const requests = Array.from({ length: 1000 }, (_, i) => ({ method: 'GET' as const, path: `/api/v1/device-api/devices/BK${String(i).padStart(14, '0')}/license`, headers: { authorization: `Bearer ${toks[i % 10]}` } }));
  const r = await autocannon({ url: k.baseUrl, connections: 10, duration: 12, requests });
  console.log('req/s', r.requests.mean, 'non2xx', r.non2xx);
  await k.app.close();
} finally { await bench.dispose(); }
process.exit(0);
