import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** Where an unstorable character was found: `body.name`, `query.q`, `params.id`. */
type Finding = { path: string; message: string };

const NUL_MESSAGE = 'Недопустимый символ NUL (\\u0000)';
const SURROGATE_MESSAGE = 'Недопустимый символ: неполная суррогатная пара UTF-16';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The deepest JSON this walks; deeper input is refused rather than recursed into (a stack-depth guard). */
const MAX_DEPTH = 64;

function problemOf(value: string): string | null {
  // PostgreSQL cannot store U+0000 in `text` (22021) nor in `jsonb` (22P05), and a lone UTF-16 surrogate
  // is not valid UTF-8 at all (jsonb refuses it; text would store a replacement character at best).
  if (value.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  return null;
}

function walk(value: unknown, path: string, depth: number): Finding | null {
  if (typeof value === 'string') {
    const message = problemOf(value);
    return message ? { path, message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return { path, message: 'Слишком глубокая вложенность данных' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = problemOf(key);
    if (keyProblem) return { path, message: keyProblem };
    const found = walk(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * preValidation hook for every route (issue 8, items 6–7): a NUL or a lone surrogate anywhere in the JSON
 * body, the query or the path parameters is refused as 400 `VALIDATION_ERROR` naming the field, before any
 * schema or SQL sees it. A hook rather than a refinement of a shared string schema because it also covers the
 * `z.string()` someone writes tomorrow without the primitive. Raw text and upload bodies (CSV, registry files)
 * are read by their own parsers, which report file-content problems in their own terms, so only parsed JSON
 * (an object or array) is walked here.
 */
/** Parsed JSON is a plain object or an array; a raw upload stream (a `Readable`) or a Buffer is not walked. */
function isParsedJson(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export async function rejectUnstorableText(req: FastifyRequest): Promise<void> {
  const sources: Array<[string, unknown]> = [
    ['params', req.params],
    ['query', req.query],
    ['body', isParsedJson(req.body) ? req.body : undefined],
  ];
  for (const [source, value] of sources) {
    const found = walk(value, source, 0);
    if (!found) continue;
    // The same shape as a schema error (error-handler.ts): the field path without its source prefix.
    const path = found.path.slice(source.length + 1);
    throw new AppError('VALIDATION_ERROR', path ? `${found.message} (${path})` : found.message, [
      { path, message: found.message },
    ]);
  }
}
