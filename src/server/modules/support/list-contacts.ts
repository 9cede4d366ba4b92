import { and, asc, eq, sql } from 'drizzle-orm';
import type { SupportContacts } from '../../../shared/api/support';
import type { Db } from '../../db/client';
import type { MemberScope } from '../../http/scope';
import { inScope } from '../../http/scope';
import { articles, catalogCodes, products } from '../catalog/schema';
import { licenses } from '../licenses/schema';
import { getPortalInfo } from '../system/portal-info';

/**
 * «Техподдержка» (seed 000: «позволяет связаться с технической поддержкой «AlterOS» или «AlterOffice»»): the
 * support contacts of each product the organization holds a license for, and the head of the technical
 * department from the portal's settings (the same person as on «Главная»).
 */
export async function listSupportContacts(db: Db, tenant: MemberScope): Promise<SupportContacts> {
  const licensed = db
    .select({ productCode: articles.productCode, n: sql<number>`count(*)`.as('n') })
    .from(licenses)
    .innerJoin(articles, eq(articles.id, licenses.articleId))
    .where(inScope(tenant, licenses.organizationId))
    .groupBy(articles.productCode)
    .as('licensed');
  const [rows, info] = await Promise.all([
    db
      .select({
        productCode: licensed.productCode,
        n: licensed.n,
        productName: sql<string>`coalesce(${products.name}, ${catalogCodes.name}, ${licensed.productCode})`,
        supportEmail: products.supportEmail,
        supportPhone: products.supportPhone,
        position: catalogCodes.position,
      })
      .from(licensed)
      .leftJoin(products, eq(products.code, licensed.productCode))
      .leftJoin(
        catalogCodes,
        and(eq(catalogCodes.tableKey, 'product'), eq(catalogCodes.code, licensed.productCode)),
      )
      .orderBy(asc(catalogCodes.position), asc(licensed.productCode)),
    getPortalInfo(db),
  ]);
  const hasTechLead = Boolean(info.techLeadName || info.techLeadPhone || info.techLeadEmail);
  return {
    products: rows.map((r) => ({
      productCode: r.productCode,
      productName: r.productName,
      supportEmail: r.supportEmail,
      supportPhone: r.supportPhone,
      licensesCount: Number(r.n),
    })),
    techLead: hasTechLead
      ? { name: info.techLeadName, phone: info.techLeadPhone, email: info.techLeadEmail }
      : null,
  };
}
