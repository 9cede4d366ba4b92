import { z } from 'zod';

/** The one error shape of the API (ARCHITECTURE.md, "Errors"). */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'NOT_FOUND' }),
      message: z.string().meta({ example: 'Не найдено' }),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** The error answers most routes document: bad input, no login, no right, not found, conflict. */
export const ERROR_RESPONSES = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type Paginated<T> = { items: T[]; total: number; page: number; pageSize: number };

export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

export const IdParams = z.object({ id: z.uuid() });

/** ISO-8601 instants travel as strings. */
export const Instant = z.iso.datetime({ offset: true });

/**
 * The years a date of a request may name. PostgreSQL has no year 0000 (`0000-01-01` is "out of range", issue 8,
 * item 11) and `9999-12-31` plus a day is a five-digit year no ISO string holds; nothing this portal dates
 * (subscriptions, prices, payments, releases, audit filters) lies outside these.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const YEAR_RANGE_MESSAGE = `Год — от ${MIN_YEAR} до ${MAX_YEAR}`;

function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  // A string that is not a date at all already failed the format check; this one adds nothing then.
  return !Number.isInteger(year) || (year >= MIN_YEAR && year <= MAX_YEAR);
}

/** A calendar day `YYYY-MM-DD` in a request (a Moscow date, never an instant), within storable years. */
export function calendarDay(message = 'Введите дату в формате ГГГГ-ММ-ДД') {
  return z.iso
    .date({ error: message })
    .refine(yearInRange, YEAR_RANGE_MESSAGE)
    .meta({ description: `Дата ГГГГ-ММ-ДД, ${MIN_YEAR}–${MAX_YEAR}` });
}

/** An ISO-8601 instant in a request, within storable years (responses use `Instant`). */
export const RequestInstant = Instant.refine(yearInRange, YEAR_RANGE_MESSAGE);

const HTTP_URL_MESSAGE = 'Введите адрес вида https://…';

/** `new URL` that answers null instead of throwing: refinements must never throw (issue 8, item 8). */
export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** An http(s) address in a request, at most 500 characters. */
export const HttpUrl = z.url({ protocol: /^https?$/, error: HTTP_URL_MESSAGE }).max(500);
