/**
 * The one serial-number codec for server and browser (seed 000, «Расшифровка серийного номера на период
 * генерации с 05.2020 года»; ARCHITECTURE.md, "Serial numbers"). Format `YY-AA-BCDEFFGHHZZ-DDD-NNNN`:
 * YY generation year; AA product (t.1); B version (t.2); C subscription type (t.7); D agreement (t.6);
 * E licence type (t.5); FF period (t.8); G delivery form (t.3); HH support (t.4); ZZ year the position was added;
 * DDD day of the year of generation (Moscow); NNNN sequence within that day. `AA-BCDEFFGHHZZ` is the article.
 *
 * Every function takes the code tables (default: the seed's); parsing never throws and reports every problem.
 * Retired codes decode (issued serials stay valid) but are refused with `{ forIssue: true }`.
 */
import { SerialCodecError, type SerialError, type SerialPartName } from './errors';
import { ARTICLE_PARTS, checkFields, decode, SERIAL_PARTS, type SerialValidateOptions } from './layout';
import { SEED_CODE_TABLES, type SerialCodeTables } from './tables';

export type { SerialValidateOptions } from './layout';

/** A decoded serial: years are full (2000–2099), table parts are codes (`'AO'`), numbers are numbers. */
export type SerialParts = {
  year: number;
  product: string;
  version: string;
  subscriptionType: string;
  agreement: string;
  licenseType: string;
  period: string;
  deliveryForm: string;
  support: string;
  articleYear: number;
  dayOfYear: number;
  sequence: number;
};

/** The article `AA-BCDEFFGHHZZ` (the SKU code) as parts. */
export type ArticleParts = Omit<SerialParts, 'year' | 'dayOfYear' | 'sequence'>;

export type ParseResult =
  | { ok: true; serial: string; parts: SerialParts }
  | { ok: false; errors: SerialError[] };
export type ArticleParseResult =
  | { ok: true; article: string; parts: ArticleParts }
  | { ok: false; errors: SerialError[] };

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function articleFrom(values: Map<SerialPartName, string>): ArticleParts {
  const get = (part: SerialPartName) => values.get(part) ?? '';
  return {
    product: get('product'),
    version: get('version'),
    subscriptionType: get('subscriptionType'),
    agreement: get('agreement'),
    licenseType: get('licenseType'),
    period: get('period'),
    deliveryForm: get('deliveryForm'),
    support: get('support'),
    articleYear: 2000 + Number(get('articleYear')),
  };
}

/** `AA-BCDEFFGHHZZ` from parts, without checks (use {@link articleCode} for checked output). */
export function formatArticle(parts: ArticleParts): string {
  const { product, version, subscriptionType, agreement, licenseType, period, deliveryForm, support } = parts;
  const zz = pad(parts.articleYear % 100, 2);
  return `${product}-${version}${subscriptionType}${agreement}${licenseType}${period}${deliveryForm}${support}${zz}`;
}

/** `YY-AA-BCDEFFGHHZZ-DDD-NNNN` from parts, without checks (use {@link encodeSerial} for checked output). */
export function formatSerial(parts: SerialParts): string {
  return `${pad(parts.year % 100, 2)}-${formatArticle(parts)}-${pad(parts.dayOfYear, 3)}-${pad(parts.sequence, 4)}`;
}

/** Reads a serial typed or pasted by a person (see normalize.ts for what is repaired); never throws. */
export function parseSerial(input: string, tables: SerialCodeTables = SEED_CODE_TABLES): ParseResult {
  const { errors, values } = decode(input, 0, 4, tables);
  if (errors.length > 0) return { ok: false, errors };
  const parts: SerialParts = {
    year: 2000 + Number(values.get('year')),
    ...articleFrom(values),
    dayOfYear: Number(values.get('dayOfYear')),
    sequence: Number(values.get('sequence')),
  };
  return { ok: true, serial: formatSerial(parts), parts };
}

/** Reads an article `AA-BCDEFFGHHZZ` (dash optional, same normalisation); never throws. */
export function parseArticle(input: string, tables: SerialCodeTables = SEED_CODE_TABLES): ArticleParseResult {
  const { errors, values } = decode(input, 1, 2, tables);
  if (errors.length > 0) return { ok: false, errors };
  const parts = articleFrom(values);
  return { ok: true, article: formatArticle(parts), parts };
}

/** Every problem of parts to encode; `{ forIssue: true }` also refuses retired codes. Never throws. */
export function validateSerialParts(
  parts: SerialParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
  options: SerialValidateOptions = {},
): SerialError[] {
  return checkFields(parts, SERIAL_PARTS, tables, options);
}

/** Checks for issuing a new serial: {@link validateSerialParts} with retired codes refused. */
export function validateForIssue(
  parts: SerialParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
): SerialError[] {
  return validateSerialParts(parts, tables, { forIssue: true });
}

/** Canonical serial from parts; throws {@link SerialCodecError} listing every problem. */
export function encodeSerial(
  parts: SerialParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
  options: SerialValidateOptions = {},
): string {
  const errors = validateSerialParts(parts, tables, options);
  if (errors.length > 0) throw new SerialCodecError(errors);
  return formatSerial(parts);
}

/** Every problem of article parts (a new SKU uses `{ forIssue: true }`); never throws. */
export function validateArticleParts(
  parts: ArticleParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
  options: SerialValidateOptions = {},
): SerialError[] {
  return checkFields(parts, ARTICLE_PARTS, tables, options);
}

/** The article `AA-BCDEFFGHHZZ` (SKU code) of serial or article parts; throws {@link SerialCodecError}. */
export function articleCode(
  parts: ArticleParts,
  tables: SerialCodeTables = SEED_CODE_TABLES,
  options: SerialValidateOptions = {},
): string {
  const errors = validateArticleParts(parts, tables, options);
  if (errors.length > 0) throw new SerialCodecError(errors);
  return formatArticle(parts);
}
