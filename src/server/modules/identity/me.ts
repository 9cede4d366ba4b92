import type { MeResponse } from '../../../shared/api/auth';
import { AppError } from '../../http/errors';
import type { AppDeps, Auth } from '../../http/types';
import { organizationAccess } from './organization-access';
import { csrfTokenFor } from './sessions';
import { findUserById, toUserSummary } from './users';

/** `GET /auth/me`: the user, their organizations, the active one, and the session's CSRF token. */
export async function buildMe(deps: AppDeps, auth: Auth): Promise<MeResponse> {
  const user = await findUserById(deps.db, auth.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const organizations = await organizationAccess().listUserMemberships(deps.db, user.id);
  const active = organizations.find((o) => o.organizationId === auth.session.activeOrganizationId);
  return {
    user: toUserSummary(user),
    organizations,
    activeOrganizationId: active?.organizationId ?? null,
    csrfToken: csrfTokenFor(deps.config.appSecret, auth.session.id),
  };
}
