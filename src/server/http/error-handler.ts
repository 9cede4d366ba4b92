import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isInputDataError, loggableDatabaseError, sqlStateOf } from './database-errors';
import { AppError, DEFAULT_MESSAGES } from './errors';

type Issue = { path: string; message: string };

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  return reply.code(status).send({
    error: { code, message, requestId: String(req.id), ...(details === undefined ? {} : { details }) },
  });
}

/** One error shape for everything: `{ error: { code, message, requestId, details? } }`. */
export function errorHandler(
  error: FastifyError | AppError | Error,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    if (error.status >= 500) req.log.error({ err: error }, error.message);
    if (error.code === 'LOGIN_LOCKED' || error.code === 'RATE_LIMITED') {
      const minutes = (error.details as { retryAfterMinutes?: number } | undefined)?.retryAfterMinutes;
      if (minutes) reply.header('retry-after', String(minutes * 60));
    }
    return send(reply, req, error.status, error.code, error.message, error.details);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: Issue[] = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'Неверное значение',
    }));
    const first = issues[0];
    const message = first
      ? first.path
        ? `${first.message} (${first.path})`
        : first.message
      : DEFAULT_MESSAGES.VALIDATION_ERROR;
    return send(reply, req, 400, 'VALIDATION_ERROR', message, issues);
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return send(reply, req, 500, 'INTERNAL', DEFAULT_MESSAGES.INTERNAL);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
    const status = fastifyError.statusCode;
    const message =
      fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'Неподдерживаемый тип содержимого'
        : fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'Слишком большой запрос'
          : fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
              fastifyError.code?.startsWith('FST_ERR_CTP')
            ? 'Неверный формат запроса'
            : status === 429
              ? DEFAULT_MESSAGES.RATE_LIMITED
              : DEFAULT_MESSAGES.BAD_REQUEST;
    return send(reply, req, status, status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST', message);
  }
  if (isInputDataError(error)) {
    // The database refused a value of the request (NUL, a year it cannot store…): the caller's 400, logged as a
    // warning without the query's parameters, which are the user's data (issue 8, item 6).
    req.log.warn({ sqlState: sqlStateOf(error), route: req.routeOptions.url }, 'database refused input');
    return send(
      reply,
      req,
      400,
      'VALIDATION_ERROR',
      'Значение не может быть сохранено: проверьте введённые данные',
    );
  }
  const failedQuery = loggableDatabaseError(error);
  if (failedQuery) req.log.error({ failedQuery }, 'unhandled database error');
  else req.log.error({ err: error }, 'unhandled error');
  return send(reply, req, 500, 'INTERNAL', DEFAULT_MESSAGES.INTERNAL);
}
