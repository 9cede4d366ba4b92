import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StaffRole } from '../../shared/api/roles';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { Jobs } from '../jobs/boss';
import type { FileStorage } from '../storage/file-storage';
import type { Scope } from './scope';

/** What every route and use case may reach: configuration, the database, the job queue, file storage. */
export type AppDeps = {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs;
  /** Bytes of product files (src/server/storage): on disk now, S3-compatible storage can replace it. */
  storage: FileStorage;
};

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  staffRole: StaffRole | null;
  status: string;
};

export type AuthSession = {
  id: string;
  state: 'active' | 'two_factor';
  activeOrganizationId: string | null;
  lastSeenAt: Date;
};

export type Auth = { user: AuthUser; session: AuthSession };

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    auth: Auth | null;
    /** Who is asking and what they reach, set by the guards (./scope.ts). */
    scope: Scope | null;
  }
}
