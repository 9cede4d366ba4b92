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
