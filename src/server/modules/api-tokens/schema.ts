import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, enumCheck, id, instant, textEnum } from '../../db/columns';
import { users } from '../identity/schema';
import { vendors } from '../vendors/schema';

/**
 * Who a token speaks for: an operator's integration (`kbt_…`, staff permissions), a product's activation
 * server (`kbp_…`, `/api/v1/activation-reports`) or a vendor's devices (`kbv_…`, the device check-in).
 */
export const API_TOKEN_KINDS = ['integration', 'product', 'vendor'] as const;
export type ApiTokenKind = (typeof API_TOKEN_KINDS)[number];

/**
 * Every API token, one row each (issue 9): only the SHA-256 of the secret is kept, `prefix` is its first
 * characters for people to recognise it. Each kind has exactly its own subject — the permissions of an
 * integration, the product code of a product token, the vendor of a vendor token — and the checks say so.
 * An integration token acts as its creator, so it must have one.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    kind: textEnum('kind', API_TOKEN_KINDS).notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    permissions: text('permissions').array(),
    productCode: text('product_code'),
    vendorId: uuid('vendor_id').references(() => vendors.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    enumCheck('api_tokens_kind_check', t.kind, API_TOKEN_KINDS),
    check(
      'api_tokens_subject_check',
      sql`(${t.permissions} is not null) = (${t.kind} = 'integration') and (${t.productCode} is not null) = (${t.kind} = 'product') and (${t.vendorId} is not null) = (${t.kind} = 'vendor')`,
    ),
    check(
      'api_tokens_integration_creator_check',
      sql`${t.kind} <> 'integration' or ${t.createdBy} is not null`,
    ),
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_product_idx').on(t.productCode),
    index('api_tokens_vendor_idx').on(t.vendorId),
  ],
);
