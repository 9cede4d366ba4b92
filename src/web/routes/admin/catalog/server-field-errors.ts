import { ApiError } from '../../../api/client';
import type { FormErrors } from '../../../lib/use-form';

/**
 * Field messages the API put in `details` (`[{ path, message }]`) for the given fields. Unlike
 * `useForm().applyServerError` this also reads a CONFLICT's details: a duplicate code or article names
 * its field too (catalog/save-code.ts, save-article.ts).
 */
export function serverFieldErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const found: FormErrors = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as Record<string, unknown>;
    const field = (Array.isArray(path) ? path.join('.') : String(path ?? '')).replace(/^\/?body[./]/, '');
    const key = field.split(/[./]/)[0] ?? '';
    if (typeof message === 'string' && fields.includes(key)) found[key] ??= message;
  }
  return found;
}
