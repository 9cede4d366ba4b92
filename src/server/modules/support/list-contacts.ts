import type { SupportContacts } from '../../../shared/api/support';
import type { Db } from '../../db/client';
import type { MemberScope } from '../../http/scope';
import { productSupportContacts } from '../catalog/joins';
import { licenseCountsByProduct } from '../licenses/joins';
import { getPortalInfo } from '../system/portal-info';

/**
 * «Техподдержка» (seed 000: «позволяет связаться с технической поддержкой «AlterOS» или «AlterOffice»»): the
 * support contacts of each product the organization holds a license for, and the head of the technical
 * department from the portal's settings (the same person as on «Главная»).
 */
export async function listSupportContacts(db: Db, tenant: MemberScope): Promise<SupportContacts> {
  const [counts, info] = await Promise.all([licenseCountsByProduct(db, tenant), getPortalInfo(db)]);
  const contacts = await productSupportContacts(db, [...counts.keys()]);
  const hasTechLead = Boolean(info.techLeadName || info.techLeadPhone || info.techLeadEmail);
  return {
    products: contacts.map((c) => ({
      productCode: c.code,
      productName: c.name,
      supportEmail: c.supportEmail,
      supportPhone: c.supportPhone,
      licensesCount: counts.get(c.code) ?? 0,
    })),
    techLead: hasTechLead
      ? { name: info.techLeadName, phone: info.techLeadPhone, email: info.techLeadEmail }
      : null,
  };
}
