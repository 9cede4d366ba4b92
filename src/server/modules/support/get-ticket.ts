import { eq } from 'drizzle-orm';
import type { AdminSupportTicketDetail, SupportTicketDetail } from '../../../shared/api/support';
import type { Db } from '../../db/client';
import type { MemberScope, StaffScope } from '../../http/scope';
import { productSupportEmail } from '../catalog/joins';
import { licenseIdColumn } from '../licenses/joins';
import { licensesInScope, selectLicenses } from '../licenses/list-licenses';
import { findTicket, listMessages, toAdminTicketItem, toTicketItem } from './ticket-view';

/** A request of the caller's organization with its thread; another organization's request is a 404. */
export async function getTicket(db: Db, tenant: MemberScope, id: string): Promise<SupportTicketDetail> {
  const row = await findTicket(db, tenant, id);
  return {
    ...toTicketItem(row),
    author: { id: row.author.id, name: row.author.name },
    messages: await listMessages(db, id),
  };
}

/** The back office's view: the request, the license it cites, the organization and the thread. */
export async function getAdminTicket(
  db: Db,
  scope: StaffScope,
  id: string,
): Promise<AdminSupportTicketDetail> {
  const row = await findTicket(db, scope, id);
  const [[license], supportEmail, messages] = await Promise.all([
    selectLicenses(db)
      .where(licensesInScope(scope, eq(licenseIdColumn, row.ticket.licenseId)))
      .limit(1),
    productSupportEmail(db, row.ticket.productCode),
    listMessages(db, id),
  ]);
  if (!license) throw new Error(`license ${row.ticket.licenseId} of ticket ${id} vanished`);
  return {
    ...toAdminTicketItem(row),
    license: {
      id: license.license.id,
      number: license.license.number,
      serial: license.license.serial,
      name: license.articleName,
      quantity: license.license.quantity,
      activated: license.license.activated,
    },
    productSupportEmail: supportEmail,
    messages,
  };
}
