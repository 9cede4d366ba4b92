/**
 * Multi-license files: an activation's `.slf` (seed 002, «Скачать файл лицензии») is one envelope per device,
 * one after another. Splitting is strict — only blank lines may stand between envelopes — because a verifier
 * that skipped unknown text would let anything ride along in a file it calls valid.
 */
import { LICENSE_BEGIN, LICENSE_END } from './envelope';
import { type LicenseKeySet, type VerifyResult, verifyLicense } from './format';
import { type KeyInput, toEd25519PublicKey } from './keys';

/** One activation holds at most 10 000 devices (MAX_SERIALS_PER_REQUEST of the activation API). */
export const MAX_BUNDLE_LICENSES = 10_000;
/** A real envelope is about 1.2 KB; this bounds the work a hostile file can cause. */
const MAX_BUNDLE_TEXT_LENGTH = 32 * 1024 * 1024;

/** The file as a whole is not a sequence of envelopes; `message` is for people (Russian). */
export class LicenseBundleError extends Error {
  override readonly name = 'LicenseBundleError';
  readonly code = 'MALFORMED' as const;
}

function malformed(detail: string): LicenseBundleError {
  return new LicenseBundleError(`Файл лицензий повреждён или имеет неверный формат: ${detail}.`);
}

/**
 * The envelopes of a file, in order, each as its own `.slf` text. Tolerates what editors and mail do to text
 * (a BOM, CRLF, spaces around lines, blank lines between envelopes) and nothing else: text outside an
 * envelope, a BEGIN inside one, a missing END or an empty file throw LicenseBundleError (MALFORMED).
 * Each envelope's content is left to `parseLicenseEnvelope`, which is just as strict.
 */
export function splitLicenseBundle(text: string): string[] {
  if (typeof text !== 'string') throw malformed('ожидается текст');
  if (text.length > MAX_BUNDLE_TEXT_LENGTH) throw malformed('файл слишком большой');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const where = `строка ${index + 1}`;
    if (current === null) {
      if (line === '') continue;
      if (line !== LICENSE_BEGIN) throw malformed(`${where}: текст вне лицензии`);
      if (blocks.length === MAX_BUNDLE_LICENSES)
        throw malformed(`больше ${MAX_BUNDLE_LICENSES} лицензий в одном файле`);
      current = [line];
      continue;
    }
    if (line === LICENSE_BEGIN) throw malformed(`${where}: новая лицензия внутри предыдущей`);
    current.push(line);
    if (line === LICENSE_END) {
      blocks.push(`${current.join('\n')}\n`);
      current = null;
    }
  }
  if (current !== null) throw malformed(`нет строки «${LICENSE_END}» в конце последней лицензии`);
  if (blocks.length === 0) throw malformed(`нет строки «${LICENSE_BEGIN}»`);
  return blocks;
}

export type VerifyBundleInput = { text: string; keys: LicenseKeySet; now?: Date };

export type VerifyBundleResult = {
  /** True only when the file splits and every license in it is valid. */
  ok: boolean;
  /** One result per license, in file order; empty when the file did not split. */
  results: VerifyResult[];
  /** Why the file as a whole was refused, or null. */
  error: { code: 'MALFORMED'; message: string } | null;
};

/**
 * The key set with each kid's key read once: a file of 10 000 licenses has one or two kids, and parsing a PEM
 * costs more than verifying a signature. A key that does not convert is handed on as it is, so
 * `verifyLicense` still says why it is refused.
 */
function readOnce(keys: LicenseKeySet): LicenseKeySet {
  const cache = new Map<string, KeyInput | undefined>();
  return (kid) => {
    if (cache.has(kid)) return cache.get(kid);
    const input = typeof keys === 'function' ? keys(kid) : Object.hasOwn(keys, kid) ? keys[kid] : undefined;
    let key = input;
    try {
      if (input !== undefined) key = toEd25519PublicKey(input);
    } catch {
      key = input;
    }
    cache.set(kid, key);
    return key;
  };
}

/** Verifies every license of a file (`verifyLicense` on each). Never throws on bad input. */
export function verifyLicenseBundle({ text, keys, now = new Date() }: VerifyBundleInput): VerifyBundleResult {
  let blocks: string[];
  try {
    blocks = splitLicenseBundle(text);
  } catch (error) {
    if (!(error instanceof LicenseBundleError)) throw error;
    return { ok: false, results: [], error: { code: error.code, message: error.message } };
  }
  const lookup = readOnce(keys);
  const results = blocks.map((block) => verifyLicense({ text: block, keys: lookup, now }));
  return { ok: results.every((result) => result.ok), results, error: null };
}
