import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgDialect, PgTable, pgTable } from 'drizzle-orm/pg-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ActivationStatus } from '../../shared/api/activations';
import type { InstallMethod, VatMode } from '../../shared/api/devices';
import type { PaymentMode } from '../../shared/api/offers';
import type { DocumentKind, OrderStatus, PaymentStatus } from '../../shared/api/orders';
import type { MembershipRole, OrganizationProgram, StaffRole } from '../../shared/api/roles';
import { enumCheck, inValues, textEnum } from './columns';
import * as schema from './schema';

const MIGRATIONS = join(import.meta.dirname, 'migrations', 'meta');

/** The check constraints as the last migration created them: name → SQL. */
function migratedChecks(): Map<string, string> {
  const latest = readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith('_snapshot.json'))
    .sort()
    .at(-1);
  const snapshot = JSON.parse(readFileSync(join(MIGRATIONS, latest ?? ''), 'utf8')) as {
    tables: Record<string, { checkConstraints: Record<string, { name: string; value: string }> }>;
  };
  const checks = new Map<string, string>();
  for (const table of Object.values(snapshot.tables))
    for (const c of Object.values(table.checkConstraints)) checks.set(c.name, c.value);
  return checks;
}

describe('typed columns', () => {
  it('every check constraint built from a tuple renders exactly the SQL the migrations created', () => {
    const dialect = new PgDialect();
    const built = new Map<string, string>();
    for (const value of Object.values(schema)) {
      if (!is(value, PgTable)) continue;
      for (const c of getTableConfig(value).checks) built.set(c.name, dialect.sqlToQuery(c.value).sql);
    }
    expect(built.size).toBeGreaterThan(0);
    expect(built).toEqual(migratedChecks());
  });

  it('enumCheck spells `column in (…)` from the tuple the column type comes from', () => {
    const STATES = ['open', 'closed'] as const;
    const table = pgTable('things', { state: textEnum('state', STATES).notNull() }, (t) => [
      enumCheck('things_state_check', t.state, STATES),
    ]);
    const [check] = getTableConfig(table).checks;
    expect(check?.name).toBe('things_state_check');
    expect(new PgDialect().sqlToQuery(check?.value ?? inValues(table.state, STATES)).sql).toBe(
      `"things"."state" in ('open', 'closed')`,
    );
    expectTypeOf<typeof table.$inferSelect.state>().toEqualTypeOf<(typeof STATES)[number]>();
  });

  it('refuses a value that is not a plain word, since values are spliced into the SQL as literals', () => {
    const table = pgTable('things', { state: textEnum('state', ['ok']) });
    expect(() => inValues(table.state, ["it's"])).toThrow(/not a plain word/);
  });

  it('rows read from the tables carry the shared unions, so readers need no cast', () => {
    expectTypeOf<typeof schema.activations.$inferSelect.status>().toEqualTypeOf<ActivationStatus>();
    expectTypeOf<typeof schema.orders.$inferSelect.status>().toEqualTypeOf<OrderStatus>();
    expectTypeOf<typeof schema.orders.$inferSelect.paymentStatus>().toEqualTypeOf<PaymentStatus>();
    expectTypeOf<typeof schema.orders.$inferSelect.paymentMode>().toEqualTypeOf<PaymentMode>();
    expectTypeOf<typeof schema.partnerTerms.$inferSelect.paymentMode>().toEqualTypeOf<PaymentMode>();
    expectTypeOf<typeof schema.orderLines.$inferSelect.vatMode>().toEqualTypeOf<VatMode>();
    expectTypeOf<typeof schema.orderDocuments.$inferSelect.kind>().toEqualTypeOf<DocumentKind>();
    expectTypeOf<
      typeof schema.deviceModels.$inferSelect.installMethod
    >().toEqualTypeOf<InstallMethod | null>();
    expectTypeOf<typeof schema.memberships.$inferSelect.role>().toEqualTypeOf<MembershipRole>();
    expectTypeOf<typeof schema.organizations.$inferSelect.programs>().toEqualTypeOf<OrganizationProgram[]>();
    expectTypeOf<typeof schema.users.$inferSelect.staffRole>().toEqualTypeOf<StaffRole | null>();
  });
});
