import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { STAFF_ROLES, USER_STATUSES } from '../../../shared/api/roles';
import { createdAt, id, instant, textEnum, updatedAt } from '../../db/columns';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    /** argon2id PHC string; null until the user sets a password from an emailed link. */
    passwordHash: text('password_hash'),
    /** Operator staff role (admin, manager, support, accountant); null for customer and partner users. */
    staffRole: textEnum('staff_role', STAFF_ROLES),
    status: textEnum('status', USER_STATUSES).notNull().default('active'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: instant('totp_enabled_at'),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    totpLastStep: integer('totp_last_step'),
    locale: text('locale').notNull().default('ru'),
    lastLoginAt: instant('last_login_at'),
    passwordChangedAt: instant('password_changed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_staff_role_idx').on(t.staffRole).where(sql`${t.staffRole} is not null`),
  ],
);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a database
 * leak does not leak live sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `active`, or `two_factor` while the password was right but the TOTP code is still due. */
    state: text('state').notNull().default('active'),
    twoFactorAttempts: integer('two_factor_attempts').notNull().default(0),
    activeOrganizationId: uuid('active_organization_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `reset` (forgot password) or `invite` (a new user sets the first password). */
    purpose: text('purpose').notNull().default('reset'),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    requestedIp: text('requested_ip'),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);

/** Every login attempt; the lockout counts recent failures per email and per IP. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
);
