import { formatDate } from '../../../shared/dates';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import type { OrderMailFacts } from '../notifications/templates/orders';
import { listMembers } from '../organizations/members';
import type { OrganizationRow } from '../organizations/organization-view';
import type { orders } from './schema';

/**
 * Who receives an order's invoice, payment confirmation and reminders: the organization's document emails,
 * its accountant's email and every member with the role «бухгалтер»; the organization's main email only when
 * there is nobody else.
 */
export async function orderRecipients(db: Db, organization: OrganizationRow): Promise<string[]> {
  const accountants = (await listMembers(db, organization.id))
    .filter((m) => m.role === 'accountant' && m.userStatus === 'active')
    .map((m) => m.email);
  const all = [...organization.documentEmails, organization.accountantEmail ?? '', ...accountants]
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(all)];
  return unique.length > 0 ? unique : [organization.email.trim().toLowerCase()].filter(Boolean);
}

export function orderMailFacts(
  deps: Pick<AppDeps, 'config'>,
  order: typeof orders.$inferSelect,
  organization: OrganizationRow,
): OrderMailFacts {
  return {
    orderNumber: order.number,
    invoiceNumber: order.invoiceNumber,
    orderDate: formatDate(order.orderDate),
    dueDate: formatDate(order.dueDate),
    organizationName: organization.shortName,
    totalKopecks: order.totalKopecks,
    orderUrl: `${deps.config.publicUrl.replace(/\/$/, '')}/orders/${order.id}`,
  };
}
