import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { hashPassword } from './passwords';
import { users } from './schema';

export type GrantAdminOptions = { email: string; password: string; actor: AuditActor };

/**
 * `kabinet create-admin` for an email that is already taken: the way back into a locked-out back office. The
 * user becomes an administrator, active, with the given password. Returns false when no user has the email.
 */
export async function grantAdmin(
  deps: AppDeps,
  { email, password, actor }: GrantAdminOptions,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        staffRole: 'admin',
        passwordHash,
        status: 'active',
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.email, email))
      .returning({ id: users.id });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: 'user.staff_role_changed',
      entityType: 'user',
      entityId: row.id,
      details: { to: 'admin', via: 'create-admin' },
    });
    return true;
  });
}
