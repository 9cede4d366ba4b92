import type { FastifyReply } from 'fastify';
import type { DocumentKind } from '../../../shared/api/orders';
import { attachmentDisposition } from '../../http/download';
import type { AppDeps } from '../../http/types';
import { openOrderDocument } from './document-files';

/**
 * Streams a stored order document as a PDF attachment (`Счет на оплату ПГ-118.pdf`, RFC 6266/5987 name). The
 * bytes are the ones made once by the job, so every download is identical; the ETag is their SHA-256.
 */
export async function sendOrderDocument(
  deps: Pick<AppDeps, 'db' | 'storage'>,
  reply: FastifyReply,
  orderId: string,
  kind: DocumentKind,
): Promise<FastifyReply> {
  const document = await openOrderDocument(deps, orderId, kind);
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentDisposition(document.fileName))
    .header('content-length', document.sizeBytes)
    .header('etag', `"${document.sha256}"`)
    .header('cache-control', 'private, no-cache')
    .send(document.stream);
}
