import { eq } from 'drizzle-orm';
import type { Article, ArticleCreateBody, ArticleUpdateBody } from '../../../shared/api/catalog';
import { moscowDateParts } from '../../../shared/dates';
import { type ArticleParts, articleCode, validateArticleParts } from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../db/pg-error';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getArticle } from './article-view';
import { loadCodeTables } from './code-tables';
import { articles } from './schema';

/**
 * Creates an article (SKU). Its code `AA-BCDEFFGHHZZ` comes from the codec's `articleCode`; retired codes are
 * refused for new articles (seed 000, «Приложение 1» as the operator maintains it).
 */
export async function createArticle(db: Db, input: ArticleCreateBody, actor: AuditActor): Promise<Article> {
  const parts: ArticleParts = {
    product: input.product,
    version: input.version,
    subscriptionType: input.subscriptionType,
    agreement: input.agreement,
    licenseType: input.licenseType,
    period: input.period,
    deliveryForm: input.deliveryForm,
    support: input.support,
    articleYear: input.articleYear ?? moscowDateParts(new Date()).year,
  };
  const tables = await loadCodeTables(db);
  const errors = validateArticleParts(parts, tables, { forIssue: true });
  if (errors.length > 0)
    throw new AppError(
      'VALIDATION_ERROR',
      errors[0]?.message,
      errors.map((e) => ({ path: e.part, message: e.message, code: e.code })),
    );
  const code = articleCode(parts, tables, { forIssue: true });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(articles)
      .values({
        code,
        productCode: parts.product,
        version: parts.version,
        subscriptionType: parts.subscriptionType,
        agreement: parts.agreement,
        licenseType: parts.licenseType,
        period: parts.period,
        deliveryForm: parts.deliveryForm,
        support: parts.support,
        articleYear: parts.articleYear,
        name: input.name,
        priceKopecks: input.priceKopecks,
      })
      .onConflictDoNothing()
      .returning({ id: articles.id });
    if (!row)
      throw new AppError('CONFLICT', `Артикул ${code} уже есть`, [
        { path: 'product', message: `Артикул ${code} уже есть в каталоге` },
      ]);
    await recordAudit(tx, {
      actor,
      action: 'catalog.article_created',
      entityType: 'article',
      entityId: row.id,
      details: { code, name: input.name, priceKopecks: input.priceKopecks },
    });
    return row.id;
  });
  return getArticle(db, id);
}

/** Name, price and archiving; the codes stay (issued serials carry them). */
export async function updateArticle(
  db: Db,
  id: string,
  patch: ArticleUpdateBody,
  actor: AuditActor,
): Promise<Article> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
    if (!current) throw notFound('Артикул не найден');
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(values).length === 0) return;
    await tx
      .update(articles)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(articles.id, id));
    await recordAudit(tx, {
      actor,
      action: 'catalog.article_updated',
      entityType: 'article',
      entityId: id,
      details: {
        code: current.code,
        ...values,
        ...(patch.priceKopecks !== undefined ? { previousPriceKopecks: current.priceKopecks } : {}),
      },
    });
  });
  return getArticle(db, id);
}

/** Deletes an article nobody holds a license for; otherwise it can only be archived. */
export async function deleteArticle(db: Db, id: string, actor: AuditActor): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [removed] = await tx.delete(articles).where(eq(articles.id, id)).returning();
      if (!removed) throw notFound('Артикул не найден');
      await recordAudit(tx, {
        actor,
        action: 'catalog.article_deleted',
        entityType: 'article',
        entityId: id,
        details: { code: removed.code, name: removed.name },
      });
    });
  } catch (error) {
    // Licenses reference the article (licenses module's foreign key): the database refuses, we explain.
    if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION)
      throw new AppError('CONFLICT', 'По артикулу уже выпущены лицензии: его можно только архивировать');
    throw error;
  }
}
