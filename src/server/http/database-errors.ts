/**
 * PostgreSQL "data exception" codes (class 22, https://www.postgresql.org/docs/15/errcodes-appendix.html)
 * that only a value from the request can cause once the schemas have checked it: they are the caller's
 * mistake, a 400, never a 500. The schemas and the input hook (safe-input.ts) refuse these values first;
 * this is the backstop for a field someone forgets (issue 8, items 6, 7, 11).
 */
const INPUT_SQLSTATES = new Set([
  '22021', // character_not_in_repertoire: "invalid byte sequence for encoding UTF8: 0x00"
  '22P05', // untranslatable_character: "unsupported Unicode escape sequence" (\u0000 in jsonb)
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow: "date/time field value out of range" (year 0000)
  '22003', // numeric_value_out_of_range
  '22001', // string_data_right_truncation
  '22P02', // invalid_text_representation (e.g. a malformed uuid)
]);

/** The SQLSTATE of a database error, looked up through drizzle's `DrizzleQueryError.cause` chain. */
export function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = current.cause;
  }
  return null;
}

export function isInputDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== null && INPUT_SQLSTATES.has(state);
}

/**
 * What may be logged of a failed query: drizzle's message carries the bound parameters — the user's data —
 * so the log gets the SQL text, the SQLSTATE and the driver's own message, never the parameters.
 */
export function loggableDatabaseError(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof Error) || !('query' in error) || !('params' in error)) return null;
  const cause = error.cause instanceof Error ? error.cause : null;
  return {
    query: String(error.query),
    sqlState: sqlStateOf(error),
    dbMessage: cause?.message,
    // The stack's first lines repeat the message (and so the parameters): keep only the frames.
    stack: error.stack
      ?.split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}
