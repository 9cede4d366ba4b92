// Search params arrive parsed by the router (`?page=2` is the number 2, `?q=7707083893` may be a number
// too), so list pages read them through these forgiving helpers instead of a schema library: zod stays
// out of the eager bundle.

export function searchText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function searchPage(value: unknown): number | undefined {
  const page = typeof value === 'string' ? Number(value) : value;
  return typeof page === 'number' && Number.isInteger(page) && page > 1 ? page : undefined;
}

export function searchChoice<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value);
}

/** A path inside the app to return to after login; anything else (other hosts, `//evil`) is dropped. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  return value.startsWith('/login') ? undefined : value;
}
