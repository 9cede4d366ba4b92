import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { LicenseIssueBody, LicenseIssueResponse } from '../../../shared/api/licenses';
import {
  formatSerial,
  type SerialParts,
  serialDateOf,
  validateForIssue,
} from '../../../shared/serial-number';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../http/errors';
import {
  claimIdempotencyKey,
  idempotencyClaim,
  type StoredResponse,
  saveIdempotentResponse,
} from '../../http/idempotency';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { articlePartsOf, findArticle } from '../catalog/article-view';
import { loadCodeTables } from '../catalog/code-tables';
import { dispatchEmails } from '../notifications/send-email';
import { lockOrganization } from '../organizations/organization-view';
import { enableProgram } from '../organizations/save-organization';
import { notifyShipment } from './notify-shipment';
import { licenseShipments, licenses } from './schema';
import { reserveLicenseNumbers, reserveSerialSequences } from './sequences';

/** The parsed body; in-process callers (bench, seed) may leave the recipient out, as the API allows. */
export type IssueLicensesInput = Omit<z.output<typeof LicenseIssueBody>, 'recipientEmail'> & {
  recipientEmail?: string | null;
};

export type IssueLicensesOptions = {
  actor: AuditActor;
  /** The `Idempotency-Key` header: a retry with the same key and body gets the first result. */
  idempotencyKey?: string | null;
  /** The moment of generation; its Moscow date gives YY and DDD (seed 000). Tests pin it. */
  now?: Date;
};

export type IssueLicensesResult = { response: LicenseIssueResponse; replayed: boolean };

/** Rows per INSERT. Each INSERT binds three arrays, so the size is about memory, not bind parameters. */
const INSERT_CHUNK = 10_000;

/**
 * The licenses of one shipment in one statement: what differs per row (id, number, serial) travels as three
 * arrays and `unnest` turns them into rows; the rest is the same for every row. Ten thousand rows as
 * `VALUES (…), (…)` chunks bind 90 000 parameters and cost 3–4× more, mostly in parsing and planning them.
 * The ids are made here, so nothing needs to come back (`RETURNING` of 10 000 rows is another third).
 */
async function insertLicenses(
  tx: Db,
  rows: ReadonlyArray<{ id: string; number: number; serial: string }>,
  shared: {
    organizationId: string;
    articleId: string;
    quantity: number;
    reference: string | null;
    shipmentId: string;
    issuedAt: Date;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into ${licenses} (id, organization_id, number, article_id, serial, quantity, reference, shipment_id, source, issued_at)
    select row.id, ${shared.organizationId}, row.number, ${shared.articleId}, row.serial, ${shared.quantity},
           ${shared.reference}, ${shared.shipmentId}, 'issued', ${shared.issuedAt.toISOString()}::timestamptz
    from unnest(
      ${sql.param(rows.map((r) => r.id))}::uuid[],
      ${sql.param(rows.map((r) => r.number))}::bigint[],
      ${sql.param(rows.map((r) => r.serial))}::text[]
    ) as row(id, number, serial)
  `);
}

/**
 * «Отгрузка лицензий» (seed 000): `serialsCount` licenses of one article for an organization, each with its
 * own serial `YY-AA-BCDEFFGHHZZ-DDD-NNNN` for `quantity` seats. One transaction: the day's sequence block,
 * the organization's license numbers, the licenses, the recipient's invitation and the notices, the audit event
 * and the idempotency record commit together or not at all.
 */
export async function issueLicenses(
  deps: AppDeps,
  input: IssueLicensesInput,
  options: IssueLicensesOptions,
): Promise<IssueLicensesResult> {
  const tables = await loadCodeTables(deps.db);
  const { year, dayOfYear } = serialDateOf(options.now ?? new Date());
  const claim = options.idempotencyKey
    ? idempotencyClaim(`licenses.issue:${options.actor.userId ?? 'system'}`, options.idempotencyKey, input)
    : null;

  const outcome = await deps.db.transaction(async (tx) => {
    if (claim) {
      const stored: StoredResponse | null = await claimIdempotencyKey(tx, claim);
      if (stored) return { response: stored.body as LicenseIssueResponse, mailIds: [], replayed: true };
    }
    const organization = await lockOrganization(tx, input.organizationId);
    if (organization.status !== 'active')
      throw new AppError('CONFLICT', 'Организация заблокирована: лицензии ей не выпускаются');
    const article = await findArticle(tx, { id: input.articleId });
    if (!article) throw notFound('Артикул не найден');
    if (article.archived)
      throw new AppError('CONFLICT', `Артикул ${article.code} в архиве: лицензии не выпускаются`);

    const base: SerialParts = { year, ...articlePartsOf(article), dayOfYear, sequence: 0 };
    const problems = validateForIssue(base, tables);
    if (problems.length > 0)
      throw new AppError('SERIAL_INVALID', problems.map((p) => p.message).join('; '), problems);

    const count = input.serialsCount;
    const firstSequence = await reserveSerialSequences(tx, { year, dayOfYear, count });
    const firstNumber = await reserveLicenseNumbers(tx, organization.id, count);
    const [shipment] = await tx
      .insert(licenseShipments)
      .values({
        organizationId: organization.id,
        articleId: article.id,
        quantity: input.quantity,
        serialsCount: count,
        reference: input.reference,
        createdBy: options.actor.userId,
      })
      .returning({ id: licenseShipments.id });
    if (!shipment) throw new Error('license_shipments insert returned nothing');

    const issuedAt = options.now ?? new Date();
    const issued = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      number: firstNumber + i,
      serial: formatSerial({ ...base, sequence: firstSequence + i }),
    }));
    for (let at = 0; at < count; at += INSERT_CHUNK)
      await insertLicenses(tx, issued.slice(at, at + INSERT_CHUNK), {
        organizationId: organization.id,
        articleId: article.id,
        quantity: input.quantity,
        reference: input.reference,
        shipmentId: shipment.id,
        issuedAt,
      });

    await enableProgram(tx, organization.id, 'licenses', options.actor);
    const notice = await notifyShipment(tx, deps, {
      organization,
      licenses: issued.map((l) => ({ serial: l.serial, name: article.name, quantity: input.quantity })),
      recipientEmail: input.recipientEmail ?? null,
      actor: options.actor,
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: 'licenses.issued',
      organizationId: organization.id,
      entityType: 'license_shipment',
      entityId: shipment.id,
      details: {
        articleCode: article.code,
        quantity: input.quantity,
        serialsCount: count,
        reference: input.reference,
        firstSerial: issued[0]?.serial,
        lastSerial: issued.at(-1)?.serial,
        recipientEmail: input.recipientEmail ?? null,
        invitedEmail: notice.invitedEmail,
      },
    });
    const response: LicenseIssueResponse = {
      shipmentId: shipment.id,
      organizationId: organization.id,
      article: { id: article.id, code: article.code, name: article.name },
      quantity: input.quantity,
      reference: input.reference,
      invitedEmail: notice.invitedEmail,
      licenses: issued,
    };
    if (claim) await saveIdempotentResponse(tx, claim, { statusCode: 201, body: response });
    return { response, mailIds: notice.mailIds, replayed: false };
  });

  await dispatchEmails(deps, outcome.mailIds);
  return { response: outcome.response, replayed: outcome.replayed };
}
