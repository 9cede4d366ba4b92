import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tenant } from './types';

/**
 * The one tenant-scoping helper (ARCHITECTURE.md, "Tenancy"): every query for an organization user adds
 * this condition, so another tenant's row is simply not found (and answers 404).
 */
export function inTenant(
  tenant: Tenant,
  organizationColumn: PgColumn,
  ...conditions: Array<SQL | undefined>
): SQL {
  const scoped = and(eq(organizationColumn, tenant.organizationId), ...conditions);
  if (!scoped) throw new Error('unreachable: and() of a defined condition');
  return scoped;
}
