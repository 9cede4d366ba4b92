import { PortalInfo } from '../../../shared/api/admin';
import type { Db } from '../../db/client';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { readSetting, writeSetting } from './settings';

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
  const parsed = PortalInfo.safeParse({ ...DEFAULT_PORTAL_INFO, ...(await readSetting(db, KEY)) });
  return parsed.success ? parsed.data : DEFAULT_PORTAL_INFO;
}

export async function savePortalInfo(
  db: Db,
  info: PortalInfo,
  actor: AuditActor | null,
): Promise<PortalInfo> {
  await db.transaction(async (tx) => {
    await writeSetting(tx, KEY, info);
    if (actor)
      await recordAudit(tx, { actor, action: 'portal.info_updated', entityType: 'portal', entityId: KEY });
  });
  return info;
}
