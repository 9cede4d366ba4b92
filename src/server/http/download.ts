/**
 * The HTTP rules of a file download, as pure functions: byte ranges (RFC 9110, 14), entity tags (8.8.3, 13.1)
 * and the attachment's file name (RFC 6266 with RFC 5987 `filename*`, so Cyrillic names survive).
 */

/** What to send for a `Range` header: the whole file, one inclusive range, or 416. */
export type RangeDecision =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i;

/**
 * One `bytes=first-last`, `bytes=first-` or `bytes=-suffix` range of a file of `size` bytes. A malformed
 * header, another unit or several ranges are ignored (the whole file, RFC 9110 14.2 allows it); a range that
 * starts past the end, or an empty suffix, is unsatisfiable.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'full' };
  const match = SINGLE_RANGE.exec(header);
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}

/** The strong entity tag of a file: its SHA-256 (the bytes never change under one id). */
export function entityTag(sha256: string): string {
  return `"${sha256}"`;
}

/** `If-None-Match` with weak comparison (RFC 9110 13.1.2): `*` or any listed tag, `W/` or not. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * `If-Range` (RFC 9110 13.1.5): the range applies only when the client's copy is this one — a strong tag
 * equal to ours. A date never matches (we send no Last-Modified), so the client gets the whole file.
 */
export function rangeStillValid(ifRange: string | undefined, etag: string): boolean {
  return ifRange === undefined || ifRange.trim() === etag;
}

/** RFC 5987 `attr-char`s stay, every other byte of the UTF-8 form is %XX. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: old clients read the ASCII fallback, the rest the exact
 * name (RFC 6266 4.3). Quotes, backslashes, control and non-ASCII characters never reach the header raw.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * The name an upload is kept under: the last path segment only, no control characters, at most 200
 * characters (the extension kept). Used only for `Content-Disposition`, never as a path.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') return 'file';
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - extension.length) + extension;
}

/** A `type/subtype` the browser sent, or octet-stream; parameters are dropped. */
export function cleanContentType(raw: string | undefined): string {
  const type = (raw ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/.test(type) ? type : 'application/octet-stream';
}

/** RFC 2046 5.1.1: 1–70 of `bchars`, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/**
 * The boundary of a `multipart/form-data` Content-Type, or null when it is missing or not one RFC 2046
 * allows (empty, longer than 70 characters). Checked before the parser sees the body: the parser does not
 * reject such a header cleanly (a 300-character boundary left the request hanging).
 */
export function multipartBoundary(contentType: string | undefined): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2] ?? '';
  return BOUNDARY.test(boundary) ? boundary : null;
}
