import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SIGNING_KEY_STATUSES } from '../../../shared/api/activations';
import { createdAt, enumCheck, id, instant, textEnum } from '../../db/columns';

/**
 * Ed25519 license-signing keys (ARCHITECTURE.md, "License files"). Exactly one key is `active` (signs new
 * files); `retired` keys stay published so files signed earlier still verify. The private key is sealed with
 * APP_SECRET (`seal`, purpose `license-key`).
 */
export const licenseSigningKeys = pgTable(
  'license_signing_keys',
  {
    id: id(),
    kid: text('kid').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    privateKeySealed: text('private_key_sealed').notNull(),
    status: textEnum('status', SIGNING_KEY_STATUSES).notNull().default('active'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    retiredAt: instant('retired_at'),
  },
  (t) => [
    uniqueIndex('license_signing_keys_kid_key').on(t.kid),
    uniqueIndex('license_signing_keys_one_active_key').on(t.status).where(sql`${t.status} = 'active'`),
    enumCheck('license_signing_keys_status_check', t.status, SIGNING_KEY_STATUSES),
  ],
);
