import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MembershipRole, OrganizationProgram } from '../../shared/api/roles';
import { type StaffPermission, staffCan } from '../../shared/api/roles';
import {
  authenticateIntegrationToken,
  type IntegrationPrincipal,
  integrationBearerOf,
  integrationCan,
} from '../modules/api-tokens/integration-tokens';
import { DEVICE_API_PREFIX } from '../modules/device-api/device-routes';
import {
  csrfTokenFor,
  findSessionByToken,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  touchSession,
} from '../modules/identity/sessions';
import { findMembership, listUserMemberships } from '../modules/organizations/memberships';
import { safeEqual } from './crypto';
import { AppError } from './errors';
import type { MemberScope, PartnerScope, Scope, StaffScope } from './scope';
import type { App, Auth } from './types';

declare module 'fastify' {
  interface FastifyRequest {
    /** The integration token of `Authorization: Bearer kbt_…`; such a request has no `auth` (session). */
    integration: IntegrationPrincipal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** OpenAPI security requirements of each guard (the schemes are named in app.ts). */
type SecurityRequirements = Array<Record<string, string[]>>;
const GUARD_SECURITY = new WeakMap<object, SecurityRequirements>();
const SESSION_ONLY: SecurityRequirements = [{ session: [] }];
const SESSION_OR_INTEGRATION_TOKEN: SecurityRequirements = [{ session: [] }, { integrationToken: [] }];

function documented<T extends object>(guard: T, security: SecurityRequirements): T {
  GUARD_SECURITY.set(guard, security);
  return guard;
}

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
  app.decorateRequest('scope', null);
  app.decorateRequest('integration', null);
  // The OpenAPI document names what each guarded route accepts: a session, or also an integration token.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.security) return;
    for (const guard of [route.preHandler ?? []].flat()) {
      const security = GUARD_SECURITY.get(guard);
      if (security) {
        route.schema = { ...route.schema, security };
        return;
      }
    }
  });
  app.addHook('onRequest', async (req) => {
    // The device API authenticates by vendor token alone and only reads (device-api/device-routes.ts):
    // no session lookup or CSRF work on its hot path. Keyed on the matched route, like the CSRF check.
    if (req.routeOptions.url?.startsWith(DEVICE_API_PREFIX)) return;
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await findSessionByToken(app.deps.db, token) : null;
    if (req.auth) await touchSession(app.deps.db, req.auth);
    // Every state-changing request, whatever its spelling: the router decodes `/%61pi/…` to `/api/…`, so
    // the check keys on the matched route, never on the raw URL.
    if (!SAFE_METHODS.has(req.method)) {
      if (!originAllowed(req, app.deps.config.publicUrl)) throw new AppError('CSRF_FAILED');
      if (req.auth && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) {
        const sent = req.headers['x-csrf-token'];
        const expected = csrfTokenFor(app.deps.config.appSecret, req.auth.session.id);
        if (typeof sent !== 'string' || !safeEqual(sent, expected)) throw new AppError('CSRF_FAILED');
      }
    }
    // An integration token (`Authorization: Bearer kbt_…`) is for server-to-server calls, which carry no
    // cookie and so need no CSRF token. With a session cookie the request may come from a browser: it was
    // held to the session's CSRF check above, and is refused here rather than trusted as either principal.
    const bearer = integrationBearerOf(req.headers.authorization);
    if (bearer === null) return;
    if (token !== undefined)
      throw new AppError(
        'BAD_REQUEST',
        'Запрос с токеном интеграции не должен содержать cookie сессии: передайте что-то одно',
      );
    req.integration = await authenticateIntegrationToken(app.deps.db, bearer);
  });
}

/** The caller must have a fully logged-in session (password and, if enabled, TOTP). */
export function requireAuth(req: FastifyRequest): Auth {
  if (!req.auth && req.integration)
    throw new AppError(
      'FORBIDDEN',
      'Токен интеграции действует только в API бэк-офиса, в пределах своих прав',
    );
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  if (req.auth.session.state !== 'active') throw new AppError('TWO_FACTOR_REQUIRED');
  return req.auth;
}

export async function authenticated(req: FastifyRequest): Promise<void> {
  requireAuth(req);
}
documented(authenticated, SESSION_ONLY);

/**
 * preHandler: operator staff with the given permission (src/shared/api/roles.ts) — a logged-in staff member,
 * or an integration token that was given this permission.
 */
export function staffOnly(permission: StaffPermission) {
  return documented(async (req: FastifyRequest): Promise<void> => {
    if (!req.auth && req.integration) {
      if (!integrationCan(req.integration, permission))
        throw new AppError('FORBIDDEN', `У токена интеграции нет нужного права: ${permission}`);
      req.scope = { kind: 'staff', userId: null };
      return;
    }
    const auth = requireAuth(req);
    if (!staffCan(auth.user.staffRole, permission)) throw new AppError('FORBIDDEN');
    req.scope = { kind: 'staff', userId: auth.user.id };
  }, SESSION_OR_INTEGRATION_TOKEN);
}

const PROGRAM_NAMES: Record<OrganizationProgram, string> = {
  licenses: 'Лицензии',
  subscriptions: 'Подписки',
  partner: 'Партнёрская программа',
};

/**
 * preHandler: resolves the caller's active organization into `req.scope` (a member scope, ./scope.ts) and checks the role when `roles` is given and the organization's program when
 * `program` is (the cabinet's sections follow the programs, roles.ts).
 */
export function tenantOnly(roles?: readonly MembershipRole[] | null, program?: OrganizationProgram) {
  return documented(async (req: FastifyRequest): Promise<void> => {
    const auth = requireAuth(req);
    const organizationId = auth.session.activeOrganizationId;
    if (!organizationId) throw new AppError('ORGANIZATION_REQUIRED');
    const membership = await findMembership(req.server.deps.db, auth.user.id, organizationId);
    if (!membership) throw new AppError('ORGANIZATION_REQUIRED');
    if (membership.organizationStatus !== 'active') throw new AppError('ORGANIZATION_BLOCKED');
    if (roles && !roles.includes(membership.role)) throw new AppError('FORBIDDEN');
    if (program && !membership.programs.includes(program))
      throw new AppError('FORBIDDEN', `Раздел «${PROGRAM_NAMES[program]}» не подключён для организации`);
    req.scope = { kind: 'member', organizationId, role: membership.role, userId: auth.user.id };
  }, SESSION_ONLY);
}

/** The member scope `tenantOnly` set. */
export function requireTenant(req: FastifyRequest): MemberScope {
  if (req.scope?.kind !== 'member') throw new AppError('ORGANIZATION_REQUIRED');
  return req.scope;
}

/**
 * preHandler of the partner cabinet (seed 002): a logged-in user's partner scope — every organization where
 * they are a member and which takes part in the partner program. A user with none reaches nothing: lists are
 * empty and every object answers 404, so the routes do not tell a partner's objects from missing ones.
 */
export const partnerOnly = documented(async (req: FastifyRequest): Promise<void> => {
  const auth = requireAuth(req);
  const memberships = await listUserMemberships(req.server.deps.db, auth.user.id);
  req.scope = {
    kind: 'partner',
    userId: auth.user.id,
    organizations: memberships
      .filter((m) => m.programs.includes('partner'))
      .map((m) => ({ organizationId: m.organizationId, role: m.role, active: m.status === 'active' })),
  } satisfies PartnerScope;
}, SESSION_ONLY);

/** The staff scope `staffOnly` set. */
export function requireStaffScope(req: FastifyRequest): StaffScope {
  if (req.scope?.kind !== 'staff') throw new Error('route has no staffOnly guard');
  return req.scope;
}

/** The partner scope `partnerOnly` set. */
export function requirePartnerScope(req: FastifyRequest): PartnerScope {
  if (req.scope?.kind !== 'partner') throw new Error('route has no partnerOnly guard');
  return req.scope;
}

/** The scope a guard set; a route without one is a programming error (500), never an open door. */
export function requireScope(req: FastifyRequest): Scope {
  if (!req.scope) throw new Error('route has no scope guard (tenantOnly, partnerOnly or staffOnly)');
  return req.scope;
}
