import { it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp } from '../helpers/harness';
import { findDevicesBySerials } from '../../src/server/modules/devices/device-lookup';
import { precheckEntries } from '../../src/server/modules/activations/precheck';
import { PrecheckResponse } from '../../src/shared/api/activations';

it('debug', async () => {
  const t = await startTestApp();
  const vr: any = await t.db.execute(sql`insert into vendors (name, full_name, ogrn, install_method) values ('V','V','1067746394792','file') returning id`);
  const vid = (vr.rows ?? vr)[0].id;
  const m = await t.db.execute(sql`insert into device_models (vendor_id, name) values (${vid}::uuid, 'M') returning id`);
  const mid = (m as any)[0]?.id ?? (m as any).rows[0].id;
  const serials = Array.from({ length: 10_000 }, (_, i) => `77${String(i).padStart(14, '0')}`);
  await t.db.execute(sql`insert into devices (serial, model_id) select s, ${mid}::uuid from unnest(${sql.param(serials.slice(0, 5000))}::text[]) as s`);
  for (let round = 0; round < 2; round++) {
    let t0 = performance.now();
    await findDevicesBySerials(t.db, serials);
    console.log('find', performance.now() - t0);
    t0 = performance.now();
    const r = await precheckEntries(t.db, { serials, vendorIds: null, now: new Date() });
    console.log('precheck', performance.now() - t0);
    t0 = performance.now();
    PrecheckResponse.parse({ rows: r.entries.map((e) => e.row), today: r.today });
    console.log('zod', performance.now() - t0);
  }
  await t.close();
});
