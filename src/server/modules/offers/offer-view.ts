import { and, count, desc, eq, isNotNull, lte } from 'drizzle-orm';
import type { OfferVersion } from '../../../shared/api/offers';
import type { Db } from '../../db/client';
import { notFound } from '../../http/errors';
import { offerAcceptances, offerVersions } from './schema';

type OfferRow = typeof offerVersions.$inferSelect;

/** The version in effect at `at`: the latest published at or before it, or null before the first one. */
export async function findCurrentOffer(db: Db, at = new Date()): Promise<OfferRow | null> {
  const [row] = await db
    .select()
    .from(offerVersions)
    .where(and(isNotNull(offerVersions.publishedAt), lte(offerVersions.publishedAt, at)))
    .orderBy(desc(offerVersions.publishedAt))
    .limit(1);
  return row ?? null;
}

export function toOfferVersion(
  row: OfferRow,
  currentId: string | null,
  acceptancesCount: number,
): OfferVersion {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    text: row.text,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    isCurrent: row.id === currentId,
    acceptancesCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Drafts first, then published versions newest first, each with how many organizations accepted it. */
export async function listOffers(db: Db, now = new Date()): Promise<OfferVersion[]> {
  const [rows, counts, current] = await Promise.all([
    db.select().from(offerVersions).orderBy(desc(offerVersions.publishedAt), desc(offerVersions.createdAt)),
    db
      .select({ id: offerAcceptances.offerVersionId, n: count() })
      .from(offerAcceptances)
      .groupBy(offerAcceptances.offerVersionId),
    findCurrentOffer(db, now),
  ]);
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  // `desc` puts NULLs (drafts) first on PostgreSQL.
  return rows.map((row) => toOfferVersion(row, current?.id ?? null, byId.get(row.id) ?? 0));
}

export async function getOffer(db: Db, id: string, now = new Date()): Promise<OfferVersion> {
  const [row] = await db.select().from(offerVersions).where(eq(offerVersions.id, id));
  if (!row) throw notFound('Редакция оферты не найдена');
  const [[accepted], current] = await Promise.all([
    db.select({ n: count() }).from(offerAcceptances).where(eq(offerAcceptances.offerVersionId, id)),
    findCurrentOffer(db, now),
  ]);
  return toOfferVersion(row, current?.id ?? null, Number(accepted?.n ?? 0));
}
