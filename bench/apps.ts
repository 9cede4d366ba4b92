import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import type { Config } from '../src/server/config';
import type { Database, Db } from '../src/server/db/client';
import type { App } from '../src/server/http/types';
import type { Jobs } from '../src/server/jobs/boss';
import { findSessionByToken, SESSION_COOKIE } from '../src/server/modules/identity/sessions';
import { findMembership } from '../src/server/modules/organizations/memberships';
import { getOrganization } from '../src/server/modules/organizations/organization-view';
import { organizations } from '../src/server/modules/organizations/schema';
import { createDiskStorage } from '../src/server/storage/disk-storage';

export type Listening<T> = { app: T; baseUrl: string };

/** Jobs are not measured: nothing is queued, and /readyz still reports the queue as running. */
export function noopJobs(): Jobs {
  return {
    send: async () => null,
    start: async () => {},
    stop: async () => {},
    isRunning: () => true,
  };
}

function benchConfig(databaseUrl: string | undefined): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: tmpdir(),
    databaseUrl,
    appSecret: randomBytes(32).toString('base64url'),
    // http:// keeps the session cookie without `Secure`, so the plain-HTTP benchmark client sends it back.
    publicUrl: 'http://127.0.0.1',
    smtpUrl: undefined,
    mailFrom: 'Кабинет <no-reply@kabinet.local>',
    logLevel: 'silent',
    trustProxy: false,
    storageDir: tmpdir(),
    uploadLimitBytes: 4 * 1024 * 1024 * 1024,
  };
}

async function listen<T extends FastifyInstance | App>(app: T): Promise<Listening<T>> {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl: address.replace('localhost', '127.0.0.1') };
}

/** The real application, exactly as `startServer` builds it, minus the web bundle, logging and jobs. */
export async function startKabinet(database: Database): Promise<Listening<App>> {
  const config = benchConfig(database.connectionString);
  const deps = {
    config,
    database,
    db: database.db,
    jobs: noopJobs(),
    // Nothing is uploaded in the benchmarks; the storage only has to exist.
    storage: createDiskStorage(config.storageDir),
  };
  const app = await buildApp({ deps, webDir: null, logger: false });
  return listen(app);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * A Fastify instance with no plugins, hooks or schemas. `/bare/:id` is the floor: the one primary-key
 * SELECT the authenticated route ends with. `/bare/:id/lookups` adds the session and membership queries the
 * real route's hook and guard run, so (real − lookups) is what the plugins, hooks and zod cost.
 */
export async function startBare(db: Db): Promise<Listening<FastifyInstance>> {
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/bare/:id', async (req, reply) => {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, req.params.id)).limit(1);
    return row ?? reply.code(404).send({ error: 'not found' });
  });
  app.get<{ Params: { id: string } }>('/bare/:id/lookups', async (req, reply) => {
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const auth = token ? await findSessionByToken(db, token) : null;
    if (!auth) return reply.code(401).send({ error: 'no session' });
    const membership = await findMembership(db, auth.user.id, req.params.id);
    if (!membership) return reply.code(403).send({ error: 'no membership' });
    return getOrganization(db, req.params.id);
  });
  return listen(app);
}

export type Session = { cookie: string; token: string };

/** Logs in over real HTTP, as a browser would, and returns the session cookie to replay. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`login failed: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { status?: string; me?: { activeOrganizationId?: string | null } };
  if (body.status !== 'ok' || !body.me?.activeOrganizationId) {
    throw new Error(`login did not open an organization session: ${JSON.stringify(body)}`);
  }
  const token = cookieValue(response.headers.getSetCookie().join(';'), SESSION_COOKIE);
  if (!token) throw new Error('login set no session cookie');
  return { cookie: `${SESSION_COOKIE}=${token}`, token };
}

/** One request that must answer 200 before we spend ten seconds hammering it. */
export async function expectOk(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (response.status !== 200)
    throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
