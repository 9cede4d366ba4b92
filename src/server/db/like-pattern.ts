/** `%text%` for ILIKE with the user's `%`, `_` and `\` escaped, so a search for "100%" means just that. */
export function likePattern(text: string, wrap = true): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return wrap ? `%${escaped}%` : escaped;
}
