import { z } from 'zod';
import { Instant } from './common';
import { STAFF_PERMISSIONS, type StaffPermission } from './roles';

/** Integration tokens read `kbt_…` (product activation tokens read `kbp_…`). */
export const INTEGRATION_TOKEN_PREFIX = 'kbt_';

/**
 * What an integration token may be given: any staff permission except managing staff. Staff roles and the
 * tokens themselves are managed from a logged-in session only, so a leaked token cannot mint new tokens or
 * raise anyone's rights.
 */
export const INTEGRATION_TOKEN_PERMISSIONS = (Object.keys(STAFF_PERMISSIONS) as StaffPermission[]).filter(
  (permission) => permission !== 'manageStaff',
) as [StaffPermission, ...StaffPermission[]];

export const IntegrationTokenPermission = z.enum(INTEGRATION_TOKEN_PERMISSIONS, {
  error: 'Неизвестное право токена',
});

export const IntegrationToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The first characters, to tell tokens apart; the token itself is shown once. */
    prefix: z.string(),
    /** Staff permissions the token acts with (roles.ts, STAFF_PERMISSIONS). */
    permissions: z.array(z.string()),
    /** The administrator who created it: the token's requests are audited under this user. */
    createdBy: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'IntegrationToken' });
export type IntegrationToken = z.infer<typeof IntegrationToken>;

export const IntegrationTokenList = z.object({ items: z.array(IntegrationToken) });
export type IntegrationTokenList = z.infer<typeof IntegrationTokenList>;

export const IntegrationTokenCreated = IntegrationToken.extend({
  /** `kbt_…`: shown only in this response; only its SHA-256 is stored. */
  token: z.string(),
}).meta({ id: 'IntegrationTokenCreated' });
export type IntegrationTokenCreated = z.infer<typeof IntegrationTokenCreated>;

export const IntegrationTokenCreateBody = z.object({
  name: z.string().trim().min(1, 'Введите название токена').max(200, 'Название — не длиннее 200 символов'),
  permissions: z
    .array(IntegrationTokenPermission)
    .min(1, 'Выберите хотя бы одно право')
    .max(INTEGRATION_TOKEN_PERMISSIONS.length),
});
export type IntegrationTokenCreateBody = z.input<typeof IntegrationTokenCreateBody>;
