import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MembershipRole, OrganizationProgram } from '../../shared/api/roles';
import { type StaffPermission, staffCan } from '../../shared/api/roles';
import {
  csrfTokenFor,
  findSessionByToken,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  touchSession,
} from '../modules/identity/sessions';
import { findMembership } from '../modules/organizations/memberships';
import { safeEqual } from './crypto';
import { AppError } from './errors';
import type { App, Auth, Tenant } from './types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requests that may change state without a session (and so without a CSRF token). They still pass the
 * Origin check below.
 */
const CSRF_EXEMPT = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/password/forgot',
  '/api/v1/auth/password/reset',
]);

export function setSessionCookie(app: App, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.publicUrl.startsWith('https://'),
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** A browser's Origin (or Referer) must be this server's own origin on state-changing requests. */
function originAllowed(req: FastifyRequest, publicUrl: string): boolean {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return true; // non-browser clients (curl, integrations) send neither
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    return false;
  }
  if (origin.origin === new URL(publicUrl).origin) return true;
  return req.headers.host !== undefined && origin.host === req.headers.host;
}

/** Resolves the session cookie on every request and enforces CSRF/Origin on state-changing ones. */
export function registerAuth(app: App): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('tenant', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await findSessionByToken(app.deps.db, token) : null;
    if (req.auth) await touchSession(app.deps.db, req.auth);
    // Every state-changing request, whatever its spelling: the router decodes `/%61pi/…` to `/api/…`, so
    // the check keys on the matched route, never on the raw URL.
    if (SAFE_METHODS.has(req.method)) return;
    if (!originAllowed(req, app.deps.config.publicUrl)) throw new AppError('CSRF_FAILED');
    if (!req.auth || CSRF_EXEMPT.has(req.routeOptions.url ?? '')) return;
    const sent = req.headers['x-csrf-token'];
    const expected = csrfTokenFor(app.deps.config.appSecret, req.auth.session.id);
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) throw new AppError('CSRF_FAILED');
  });
}

/** The caller must have a fully logged-in session (password and, if enabled, TOTP). */
export function requireAuth(req: FastifyRequest): Auth {
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  if (req.auth.session.state !== 'active') throw new AppError('TWO_FACTOR_REQUIRED');
  return req.auth;
}

export async function authenticated(req: FastifyRequest): Promise<void> {
  requireAuth(req);
}

/** preHandler: operator staff with the given permission (src/shared/api/roles.ts). */
export function staffOnly(permission: StaffPermission) {
  return async (req: FastifyRequest): Promise<void> => {
    const auth = requireAuth(req);
    if (!staffCan(auth.user.staffRole, permission)) throw new AppError('FORBIDDEN');
  };
}

const PROGRAM_NAMES: Record<OrganizationProgram, string> = {
  licenses: 'Лицензии',
  subscriptions: 'Подписки',
  partner: 'Партнёрская программа',
};

/**
 * preHandler: resolves the caller's active organization into `req.tenant` — the one tenant scope every
 * organization query uses — and checks the role when `roles` is given and the organization's program when
 * `program` is (the cabinet's sections follow the programs, roles.ts).
 */
export function tenantOnly(roles?: readonly MembershipRole[] | null, program?: OrganizationProgram) {
  return async (req: FastifyRequest): Promise<void> => {
    const auth = requireAuth(req);
    const organizationId = auth.session.activeOrganizationId;
    if (!organizationId) throw new AppError('ORGANIZATION_REQUIRED');
    const membership = await findMembership(req.server.deps.db, auth.user.id, organizationId);
    if (!membership) throw new AppError('ORGANIZATION_REQUIRED');
    if (membership.organizationStatus !== 'active') throw new AppError('ORGANIZATION_BLOCKED');
    if (roles && !roles.includes(membership.role)) throw new AppError('FORBIDDEN');
    if (program && !membership.programs.includes(program))
      throw new AppError('FORBIDDEN', `Раздел «${PROGRAM_NAMES[program]}» не подключён для организации`);
    req.tenant = { organizationId, role: membership.role, userId: auth.user.id };
  };
}

export function requireTenant(req: FastifyRequest): Tenant {
  if (!req.tenant) throw new AppError('ORGANIZATION_REQUIRED');
  return req.tenant;
}
