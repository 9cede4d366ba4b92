import { eq } from 'drizzle-orm';
import { PortalInfo } from '../../../shared/api/admin';
import type { Db } from '../../db/client';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { portalSettings } from './schema';

const KEY = 'portal-info';

/** What a fresh installation shows until the operator fills in «Настройки портала». */
export const DEFAULT_PORTAL_INFO: PortalInfo = {
  operatorName: 'Кабинет',
  about: 'Личный кабинет для лицензий, подписок и партнёров.',
  phone: '',
  email: '',
  address: '',
  website: '',
  techLeadName: '',
  techLeadPhone: '',
  techLeadEmail: '',
};

export async function getPortalInfo(db: Db): Promise<PortalInfo> {
  const [row] = await db.select().from(portalSettings).where(eq(portalSettings.key, KEY)).limit(1);
  const parsed = PortalInfo.safeParse({ ...DEFAULT_PORTAL_INFO, ...(row?.value ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_PORTAL_INFO;
}

export async function savePortalInfo(
  db: Db,
  info: PortalInfo,
  actor: AuditActor | null,
): Promise<PortalInfo> {
  await db.transaction(async (tx) => {
    await tx
      .insert(portalSettings)
      .values({ key: KEY, value: info })
      .onConflictDoUpdate({ target: portalSettings.key, set: { value: info, updatedAt: new Date() } });
    if (actor)
      await recordAudit(tx, { actor, action: 'portal.info_updated', entityType: 'portal', entityId: KEY });
  });
  return info;
}
