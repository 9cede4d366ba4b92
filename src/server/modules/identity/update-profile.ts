import { eq } from 'drizzle-orm';
import type { ProfileUpdateBody } from '../../../shared/api/auth';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { users } from './schema';

export type UpdateProfileOptions = { userId: string; patch: ProfileUpdateBody; actor: AuditActor };

/** «Профиль»: the user changes their own name and phone; an empty patch changes and records nothing. */
export async function updateProfile(
  deps: AppDeps,
  { userId, patch, actor }: UpdateProfileOptions,
): Promise<void> {
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(values).length === 0) return;
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actor,
      action: 'auth.profile_updated',
      entityType: 'user',
      entityId: userId,
      details: { changed: Object.keys(values) },
    });
  });
}
