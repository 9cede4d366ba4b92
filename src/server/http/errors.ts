import { ERROR_MESSAGES, ERRORS, type ErrorCode } from '../../shared/api/errors';

/**
 * The one error model (ARCHITECTURE.md, "Errors"). A code is a stable string for programs; the message is
 * Russian, for people. The codes, their statuses and default messages are one list in src/shared/api/errors.ts
 * (the web translates them by code); modules add their codes there, this file keeps the server's API.
 */
export type { ErrorCode };

/** Code → HTTP status. */
export const ERROR_STATUS = Object.fromEntries(
  Object.entries(ERRORS).map(([code, { status }]) => [code, status]),
) as { readonly [C in ErrorCode]: (typeof ERRORS)[C]['status'] };

/** Code → the Russian message sent when the thrower names nothing more precise. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = ERROR_MESSAGES;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(message?: string): AppError {
  return new AppError('NOT_FOUND', message);
}

export function forbidden(message?: string): AppError {
  return new AppError('FORBIDDEN', message);
}
