import { SUPPORT_WRITER_ROLES } from '../../../shared/api/support';
import { useMe } from '../../api/queries/auth';

/** Whether the person may write requests in the active organization (a `viewer` only reads). */
export function useCanWriteSupport(): boolean {
  const { data: me } = useMe();
  const membership = me?.organizations.find((org) => org.organizationId === me.activeOrganizationId);
  return membership !== undefined && (SUPPORT_WRITER_ROLES as readonly string[]).includes(membership.role);
}
