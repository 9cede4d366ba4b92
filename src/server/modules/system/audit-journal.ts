import type { z } from 'zod';
import type { AuditList, AuditListQuery } from '../../../shared/api/admin';
import type { Db } from '../../db/client';
import { listAuditEvents } from '../audit/list-audit';
import { organizationRefsByIds } from '../organizations/joins';

/**
 * «Журнал аудита»: a page of audit's journal with each row's organization named. Everyone records audit, so audit
 * sits below every module and cannot join organizations; this back-office view sits above both.
 */
export async function auditJournal(db: Db, query: z.output<typeof AuditListQuery>): Promise<AuditList> {
  const page = await listAuditEvents(db, query);
  const ids = [
    ...new Set(page.items.flatMap((event) => (event.organizationId ? [event.organizationId] : []))),
  ];
  const names = new Map((await organizationRefsByIds(db, ids)).map((ref) => [ref.id, ref.shortName]));
  return {
    ...page,
    items: page.items.map((event) => ({
      ...event,
      organizationName: (event.organizationId && names.get(event.organizationId)) || null,
    })),
  };
}
