import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { DocumentKind } from '../../../shared/api/orders';
import { AppError } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { orderDocuments, orders } from './schema';

/** `Счет на оплату ПГ-118.pdf`, `УПД 97.pdf`: what the download and the mail attachment are called. */
export function documentFileName(kind: DocumentKind, number: string): string {
  return kind === 'invoice' ? `Счет на оплату ${number}.pdf` : `УПД ${number}.pdf`;
}

export type OpenedDocument = { fileName: string; sizeBytes: number; sha256: string; stream: Readable };

/**
 * The stored bytes of an order's document. The caller has already checked that the order is reachable (its
 * scope answers 404 otherwise); until the job has made the document it is DOCUMENT_NOT_READY (404).
 */
export async function openOrderDocument(
  deps: Pick<AppDeps, 'db' | 'storage'>,
  orderId: string,
  kind: DocumentKind,
): Promise<OpenedDocument> {
  const [row] = await deps.db
    .select({
      number: orderDocuments.number,
      storageKey: orderDocuments.storageKey,
      sizeBytes: orderDocuments.sizeBytes,
      sha256: orderDocuments.sha256,
    })
    .from(orderDocuments)
    .innerJoin(orders, eq(orders.id, orderDocuments.orderId))
    .where(and(eq(orderDocuments.orderId, orderId), eq(orderDocuments.kind, kind)));
  if (!row) throw new AppError('DOCUMENT_NOT_READY');
  return {
    fileName: documentFileName(kind, row.number),
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    stream: await deps.storage.open(row.storageKey),
  };
}
