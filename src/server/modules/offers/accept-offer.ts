import { and, desc, eq } from 'drizzle-orm';
import type { CurrentOfferResponse, OfferAcceptance } from '../../../shared/api/offers';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { joinUser, userRef } from '../identity/joins';
import { joinOrganization, organizationRef } from '../organizations/joins';
import { findCurrentOffer } from './offer-view';
import { offerAcceptances } from './schema';

type Acceptance = typeof offerAcceptances.$inferSelect;

async function findAcceptance(db: Db, versionId: string, organizationId: string): Promise<Acceptance | null> {
  const [row] = await db
    .select()
    .from(offerAcceptances)
    .where(
      and(
        eq(offerAcceptances.offerVersionId, versionId),
        eq(offerAcceptances.organizationId, organizationId),
      ),
    );
  return row ?? null;
}

/** «Акцепт договора» (seed 002, 2.3): the current version and whether this organization accepted it. */
export async function currentOfferFor(
  db: Db,
  organizationId: string,
  now = new Date(),
): Promise<CurrentOfferResponse> {
  const offer = await findCurrentOffer(db, now);
  const acceptance = offer ? await findAcceptance(db, offer.id, organizationId) : null;
  return {
    offer: offer && {
      id: offer.id,
      title: offer.title,
      url: offer.url,
      text: offer.text,
      publishedAt: offer.publishedAt?.toISOString() ?? null,
    },
    accepted: acceptance !== null,
    acceptedAt: acceptance?.acceptedAt.toISOString() ?? null,
    acceptedByEmail: acceptance?.userEmail ?? null,
  };
}

/**
 * Records that the organization accepted the version the person read (user, time, IP, user agent) and
 * audits it. Accepting again is harmless; a version that is no longer current answers 409, so nobody
 * accepts a text they have not seen.
 */
export async function acceptCurrentOffer(
  db: Db,
  input: { organizationId: string; versionId: string; actor: AuditActor; userAgent: string | null },
  now = new Date(),
): Promise<CurrentOfferResponse> {
  const offer = await findCurrentOffer(db, now);
  if (!offer) throw new AppError('CONFLICT', 'Оферта ещё не опубликована');
  if (offer.id !== input.versionId)
    throw new AppError(
      'CONFLICT',
      'Опубликована новая редакция оферты: обновите страницу, ознакомьтесь с ней и примите её',
      {
        currentVersionId: offer.id,
      },
    );
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offerAcceptances)
      .values({
        offerVersionId: offer.id,
        organizationId: input.organizationId,
        userId: input.actor.userId,
        userEmail: input.actor.email,
        ip: input.actor.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
        acceptedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: offerAcceptances.id });
    if (!row) return;
    await recordAudit(tx, {
      actor: input.actor,
      action: 'offers.accepted',
      organizationId: input.organizationId,
      entityType: 'offer_version',
      entityId: offer.id,
      details: { title: offer.title },
    });
  });
  return currentOfferFor(db, input.organizationId, now);
}

/** What an order or activation may cite: «Договор: Сублицензионный договор … от 15.12.2025». */
export type AcceptedOffer = { offerVersionId: string; title: string; acceptedAt: Date };

/**
 * For the activation flow, inside its transaction: the organization must have accepted the version in
 * effect now (seed 002, 2.3 «Для доступа к функционалу Активация лицензий необходимо совершить акцепт»).
 * Throws OFFER_NOT_ACCEPTED (409) with `details.offerVersionId` otherwise.
 */
export async function requireOfferAccepted(
  tx: Db,
  organizationId: string,
  now = new Date(),
): Promise<AcceptedOffer> {
  const offer = await findCurrentOffer(tx, now);
  if (!offer)
    throw new AppError(
      'OFFER_NOT_ACCEPTED',
      'Оферта сублицензионного договора ещё не опубликована: активация лицензий недоступна. Обратитесь к вашему менеджеру.',
    );
  const acceptance = await findAcceptance(tx, offer.id, organizationId);
  if (!acceptance) throw new AppError('OFFER_NOT_ACCEPTED', undefined, { offerVersionId: offer.id });
  return { offerVersionId: offer.id, title: offer.title, acceptedAt: acceptance.acceptedAt };
}

/** Who accepted a version, newest first (back office). */
export async function listAcceptances(db: Db, versionId: string): Promise<OfferAcceptance[]> {
  const rows = await db
    .select({
      organizationId: offerAcceptances.organizationId,
      organizationName: organizationRef.shortName,
      inn: organizationRef.inn,
      userId: offerAcceptances.userId,
      userEmail: offerAcceptances.userEmail,
      userName: userRef.name,
      acceptedAt: offerAcceptances.acceptedAt,
      ip: offerAcceptances.ip,
    })
    .from(offerAcceptances)
    .innerJoin(...joinOrganization(offerAcceptances.organizationId))
    .leftJoin(...joinUser(offerAcceptances.userId))
    .where(eq(offerAcceptances.offerVersionId, versionId))
    .orderBy(desc(offerAcceptances.acceptedAt));
  return rows.map((r) => ({ ...r, acceptedAt: r.acceptedAt.toISOString() }));
}
