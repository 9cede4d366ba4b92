import type { z } from 'zod';
import type { LicenseIssueBody, LicenseIssueResponse } from '../../../shared/api/licenses';
import {
  formatSerial,
  type SerialParts,
  serialDateOf,
  validateForIssue,
} from '../../../shared/serial-number';
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

export type IssueLicensesInput = z.output<typeof LicenseIssueBody>;

export type IssueLicensesOptions = {
  actor: AuditActor;
  /** The `Idempotency-Key` header: a retry with the same key and body gets the first result. */
  idempotencyKey?: string | null;
  /** The moment of generation; its Moscow date gives YY and DDD (seed 000). Tests pin it. */
  now?: Date;
};

export type IssueLicensesResult = { response: LicenseIssueResponse; replayed: boolean };

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const INSERT_CHUNK = 1000;

/**
 * «Отгрузка лицензий» (seed 000): `serialsCount` licenses of one article for an organization, each with its
 * own serial `YY-AA-BCDEFFGHHZZ-DDD-NNNN` for `quantity` seats. One transaction: the day's sequence block,
 * the organization's license numbers, the licenses, the first-user invitation or the notice, the audit event
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

    const issuedAt = new Date();
    const rows = Array.from({ length: count }, (_, i) => ({
      organizationId: organization.id,
      number: firstNumber + i,
      articleId: article.id,
      serial: formatSerial({ ...base, sequence: firstSequence + i }),
      quantity: input.quantity,
      reference: input.reference,
      shipmentId: shipment.id,
      source: 'issued',
      issuedAt,
    }));
    const issued: Array<{ id: string; number: number; serial: string }> = [];
    for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
      issued.push(
        ...(await tx
          .insert(licenses)
          .values(rows.slice(at, at + INSERT_CHUNK))
          .returning({ id: licenses.id, number: licenses.number, serial: licenses.serial })),
      );
    }
    issued.sort((a, b) => a.number - b.number);

    await enableProgram(tx, organization.id, 'licenses', options.actor);
    const notice = await notifyShipment(tx, deps, {
      organization,
      licenses: issued.map((l) => ({ serial: l.serial, name: article.name, quantity: input.quantity })),
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
