import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../http/scope';
import { articleRef, joinArticle } from '../catalog/joins';
import { licensesInScope } from './list-licenses';
import { licenses } from './schema';

/**
 * The product codes the scope holds licenses for: what a customer may download and read about (seed 000,
 * «Скачать» and «Информация»). The catalog answers with the files; the licenses decide whose they are.
 */
export async function licensedProductCodes(db: Db, scope: Scope): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: articleRef.productCode })
    .from(licenses)
    .innerJoin(...joinArticle(licenses.articleId))
    .where(licensesInScope(scope))
    .orderBy(asc(articleRef.productCode));
  return rows.map((row) => row.code);
}
