import { type StaffPermission, staffCan } from '../../../../shared/api/roles';
import { useMe } from '../../../api/queries/auth';

/** Whether the logged-in staff member may do something (STAFF_PERMISSIONS in shared/api/roles.ts). */
export function useStaffCan(permission: StaffPermission): boolean {
  const { data: me } = useMe();
  return staffCan(me?.user.staffRole, permission);
}
