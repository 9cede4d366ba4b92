/**
 * Serial numbers `YY-AA-BCDEFFGHHZZ-DDD-NNNN` (seed 000; ARCHITECTURE.md, "Serial numbers"): the one codec used
 * by server and browser. Pass the operator's code tables from the database; the seed tables are the default.
 */
export {
  type ArticleParseResult,
  type ArticleParts,
  articleCode,
  encodeSerial,
  formatArticle,
  formatSerial,
  type ParseResult,
  parseArticle,
  parseSerial,
  type SerialParts,
  type SerialValidateOptions,
  validateArticleParts,
  validateForIssue,
  validateSerialParts,
} from './codec';
export {
  dateOfYearDay,
  describeArticle,
  describeSerial,
  type SerialDescription,
  type SerialDescriptionItem,
  serialDateOf,
  validateTableCode,
} from './describe';
export {
  SERIAL_PART_LABELS,
  SERIAL_PART_PLACEHOLDERS,
  SerialCodecError,
  type SerialError,
  type SerialErrorCode,
  type SerialErrorPart,
  type SerialPartName,
} from './errors';
export { MAX_SERIAL_INPUT, normalizeSerialText } from './normalize';
export {
  SEED_CODE_TABLES,
  SERIAL_TABLE_KEYS,
  SERIAL_TABLES,
  type SerialCodeEntry,
  type SerialCodeTables,
  type SerialTable,
  type SerialTableKey,
} from './tables';
