import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorHandler } from './error-handler';
import { AppError, DEFAULT_MESSAGES, type ErrorCode } from './errors';

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route runs — a malformed percent-encoding
 * in the path (FST_ERR_BAD_URL) or a path parameter over `maxParamLength` (FST_ERR_MAX_PARAM_LENGTH) — is
 * answered through the one error handler, in `{ error: { code, message, requestId } }` (ARCHITECTURE.md,
 * "Errors"), not in Fastify's own shape.
 */
export function routerErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_BAD_URL'
      ? new AppError('BAD_REQUEST', 'Неверная кодировка адреса запроса (процентное кодирование)')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new AppError('URI_TOO_LONG')
        : error;
  // The app's onSend hook does not run for the router's own errors: the id header is set here.
  reply.header('x-request-id', String(req.id));
  void errorHandler(appError, req, reply);
}

/** Node's HTTP parser errors, by its codes (node/lib/_http_server.js), as our status and error code. */
const PARSER_ERRORS: Record<string, [status: number, code: ErrorCode]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT'],
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Fastify's `clientErrorHandler`: a request Node's parser rejects (oversized headers → 431, a broken request
 * line → 400) never becomes a Fastify request, so the answer is written to the socket here, in the same error
 * shape with a fresh request id (also in `x-request-id`, as every answer carries it).
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] = PARSER_ERRORS[err.code ?? ''] ?? [400, 'BAD_REQUEST'];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message: DEFAULT_MESSAGES[code], requestId } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(err);
}
