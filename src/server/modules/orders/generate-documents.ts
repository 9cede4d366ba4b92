import { Readable } from 'node:stream';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DocumentKind } from '../../../shared/api/orders';
import type { Db } from '../../db/client';
import type { AppDeps } from '../../http/types';
import { enqueueEmail } from '../notifications/enqueue-email';
import { dispatchEmails } from '../notifications/send-email';
import { orderInvoiceEmail } from '../notifications/templates/orders';
import { takeCounterBlock } from '../system/counters';
import { type DocumentData, loadDocumentData } from './document-data';
import { documentFileName } from './document-files';
import { renderInvoice } from './invoice-document';
import { generateOrderDocumentsJob } from './jobs';
import { orderMailFacts, orderRecipients } from './order-mail';
import { orderDocuments, orders } from './schema';
import { renderUpd } from './upd-document';

type Made = { kind: DocumentKind; number: string; bytes: Buffer };

/** The document's number and bytes; the УПД takes the next number of its yearly counter `upd:<year>`. */
async function makeDocument(tx: Db, data: DocumentData, kind: DocumentKind): Promise<Made> {
  if (kind === 'invoice') return { kind, number: data.order.invoiceNumber, bytes: await renderInvoice(data) };
  const { first } = await takeCounterBlock(tx, `upd:${data.order.orderDate.slice(0, 4)}`, 1);
  const number = String(first);
  return { kind, number, bytes: await renderUpd(data, number) };
}

/**
 * The `generate-order-documents` job: makes the invoice and the УПД that the order lacks, keeps their bytes
 * in the file storage (every download streams them, byte for byte) and, when both exist, ships the order
 * («Отгружен») and mails the invoice to the organization's document addresses. Idempotent: the order row is
 * locked, kinds that exist are skipped, and the shipment and its mail happen once (guarded status change).
 */
export async function generateOrderDocuments(deps: AppDeps, payload: { orderId: string }): Promise<void> {
  const storedKeys: string[] = [];
  let outboxIds: string[];
  try {
    outboxIds = await deps.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(eq(orders.id, payload.orderId))
        .for('update');
      if (!locked) return [];
      const existing = await tx
        .select({ kind: orderDocuments.kind, storageKey: orderDocuments.storageKey })
        .from(orderDocuments)
        .where(eq(orderDocuments.orderId, payload.orderId));
      const have = new Map(existing.map((d) => [d.kind, d.storageKey]));
      const data = await loadDocumentData(tx, payload.orderId);
      for (const kind of ['invoice', 'upd'] as const) {
        if (have.has(kind)) continue;
        const made = await makeDocument(tx, data, kind);
        const stored = await deps.storage.put(Readable.from([made.bytes]));
        storedKeys.push(stored.key);
        await tx.insert(orderDocuments).values({
          orderId: payload.orderId,
          kind,
          number: made.number,
          documentDate: data.order.orderDate,
          storageKey: stored.key,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
        });
        have.set(kind, stored.key);
      }
      const [shipped] = await tx
        .update(orders)
        .set({ status: 'shipped', updatedAt: new Date() })
        .where(and(eq(orders.id, payload.orderId), eq(orders.status, 'accepted')))
        .returning({ id: orders.id });
      const invoiceKey = have.get('invoice');
      if (!shipped || !invoiceKey) return [];
      const to = await orderRecipients(tx, data.buyer);
      if (to.length === 0) return [];
      const id = await enqueueEmail(tx, {
        to,
        email: orderInvoiceEmail(orderMailFacts(deps, data.order, data.buyer)),
        organizationId: data.order.organizationId,
        canSend: Boolean(deps.config.smtpUrl),
        attachments: [
          {
            fileName: documentFileName('invoice', data.order.invoiceNumber),
            storageKey: invoiceKey,
            contentType: 'application/pdf',
          },
        ],
      });
      return [id];
    });
  } catch (error) {
    // Normally nothing committed; but a COMMIT that failed in transit may have gone through, so only bytes
    // that no document row references are removed (when the database cannot tell, they stay: an orphan file
    // is harmless, a document without its bytes is not).
    await removeUnreferenced(deps, storedKeys).catch(() => {});
    throw error;
  }
  // After the commit, outside the clean-up above: a failure to queue the mail must never take the stored
  // documents with it (the outbox sweeper sends the mail later).
  await dispatchEmails(deps, outboxIds);
}

async function removeUnreferenced(deps: AppDeps, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const kept = await deps.db
    .select({ key: orderDocuments.storageKey })
    .from(orderDocuments)
    .where(inArray(orderDocuments.storageKey, [...keys]));
  const referenced = new Set(kept.map((r) => r.key));
  await Promise.all(
    keys.filter((key) => !referenced.has(key)).map((key) => deps.storage.remove(key).catch(() => {})),
  );
}

/** Hands every order still without its documents to the job (each minute; see `sweepOrderDocumentsJob`). */
export async function sweepOrderDocuments(deps: AppDeps): Promise<void> {
  const waiting = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'accepted'), lt(orders.createdAt, sql`now() - interval '10 seconds'`)))
    .limit(500);
  for (const { id } of waiting)
    await deps.jobs.send(generateOrderDocumentsJob, { orderId: id }, { singletonKey: id });
}
