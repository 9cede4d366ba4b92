import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { OfferPublishBody, OfferSaveBody, OfferVersion } from '../../../shared/api/offers';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { getOffer } from './offer-view';
import { offerVersions } from './schema';

type OfferInput = z.output<typeof OfferSaveBody>;

/** A new draft version: invisible to partners until published. */
export async function createOffer(db: Db, input: OfferInput, actor: AuditActor): Promise<OfferVersion> {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offerVersions)
      .values({ title: input.title, url: input.url, text: input.text, createdBy: actor.userId })
      .returning({ id: offerVersions.id });
    if (!row) throw new Error('offer insert returned nothing');
    await recordAudit(tx, {
      actor,
      action: 'offers.created',
      entityType: 'offer_version',
      entityId: row.id,
      details: { title: input.title },
    });
    return row.id;
  });
  return getOffer(db, id);
}

const FROZEN = 'Опубликованную редакцию изменить нельзя: её уже могли принять. Создайте новую редакцию.';

/** Edits a draft; a published version is frozen because acceptances refer to its exact text. */
export async function updateOffer(
  db: Db,
  id: string,
  input: OfferInput,
  actor: AuditActor,
): Promise<OfferVersion> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(offerVersions)
      .set({ title: input.title, url: input.url, text: input.text, updatedAt: new Date() })
      .where(and(eq(offerVersions.id, id), isNull(offerVersions.publishedAt)))
      .returning({ id: offerVersions.id });
    if (!row) {
      const [exists] = await tx
        .select({ id: offerVersions.id })
        .from(offerVersions)
        .where(eq(offerVersions.id, id));
      throw exists ? new AppError('CONFLICT', FROZEN) : notFound('Редакция оферты не найдена');
    }
    await recordAudit(tx, {
      actor,
      action: 'offers.updated',
      entityType: 'offer_version',
      entityId: id,
      details: { title: input.title },
    });
  });
  return getOffer(db, id);
}

/**
 * Publishes a draft now or at a later instant (never in the past: partners must not find they were bound by
 * a version before it existed). From that instant it is current, and every organization must accept it
 * before its next activation.
 */
export async function publishOffer(
  db: Db,
  id: string,
  input: OfferPublishBody,
  actor: AuditActor,
  now = new Date(),
): Promise<OfferVersion> {
  const at = input.publishedAt ? new Date(input.publishedAt) : now;
  // A minute of slack for the clock of the browser that picked «now».
  if (at.getTime() < now.getTime() - 60_000)
    throw new AppError('VALIDATION_ERROR', 'Дата публикации не может быть в прошлом', [
      { path: 'publishedAt', message: 'Выберите текущий момент или будущую дату' },
    ]);
  const publishedAt = at.getTime() < now.getTime() ? now : at;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(offerVersions)
      .set({ publishedAt, updatedAt: new Date() })
      .where(and(eq(offerVersions.id, id), isNull(offerVersions.publishedAt)))
      .returning({ id: offerVersions.id });
    if (!row) {
      const [exists] = await tx
        .select({ id: offerVersions.id })
        .from(offerVersions)
        .where(eq(offerVersions.id, id));
      throw exists
        ? new AppError('CONFLICT', 'Редакция уже опубликована')
        : notFound('Редакция оферты не найдена');
    }
    await recordAudit(tx, {
      actor,
      action: 'offers.published',
      entityType: 'offer_version',
      entityId: id,
      details: { publishedAt: publishedAt.toISOString() },
    });
  });
  return getOffer(db, id, now);
}
