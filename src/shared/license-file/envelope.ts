/**
 * The `.slf` armour (ARCHITECTURE.md, "License files"): a PEM-like envelope around base64 JSON
 * `{enc, sig, alg, kid}`. Parsing is strict and total — every input yields a value, never an exception —
 * because the text comes from people's disks and devices, and a verifier that throws can be made to crash.
 */
import { z } from 'zod';

export const LICENSE_BEGIN = '-----BEGIN KABINET LICENSE-----';
export const LICENSE_END = '-----END KABINET LICENSE-----';
/** The only algorithm this format has; verifiers compare against it exactly (no negotiation). */
export const LICENSE_ALG = 'base64+ed25519';
/** Domain-separation prefix of the signed message (see `signedMessage`). */
export const LICENSE_SIG_PREFIX = 'license/';

/** Far above any real license (< 2 KiB); bounds the work a hostile file can cause. */
const MAX_TEXT_LENGTH = 64 * 1024;
const LINE_WIDTH = 64;

export type LicenseEnvelope = { enc: string; sig: string; alg: string; kid: string };

export type ParseEnvelopeResult =
  | { ok: true; envelope: LicenseEnvelope }
  | { ok: false; code: 'MALFORMED'; message: string };

/** Unknown fields are refused: an envelope carries nothing the signature does not cover except alg and kid. */
const EnvelopeJson = z.strictObject({
  enc: z.string().min(1),
  sig: z.string().min(1),
  alg: z.string(),
  kid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes canonical base64 only. Node's decoder is lenient (skips junk, ignores non-zero padding bits), so
 * two different strings could decode to the same signature; demanding the canonical form makes every byte of
 * the file meaningful, so any single-byte change to the file is detected.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/**
 * The exact bytes that are signed: `"license/" + enc`. Signing a domain-separated message means a signature
 * made with the license key cannot be replayed as a signature over another kind of object, and signing the
 * base64 text itself (not re-serialised JSON) leaves no room for canonicalisation tricks.
 */
export function signedMessage(enc: string): Buffer {
  return Buffer.from(LICENSE_SIG_PREFIX + enc, 'utf8');
}

/** Wraps the envelope JSON in the armour, base64 at 64 chars a line like PEM, ending with a newline. */
export function encodeLicenseEnvelope(envelope: LicenseEnvelope): string {
  const json = JSON.stringify({
    enc: envelope.enc,
    sig: envelope.sig,
    alg: envelope.alg,
    kid: envelope.kid,
  });
  const body = Buffer.from(json, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += LINE_WIDTH) lines.push(body.slice(i, i + LINE_WIDTH));
  return `${[LICENSE_BEGIN, ...lines, LICENSE_END].join('\n')}\n`;
}

function malformed(detail: string): ParseEnvelopeResult {
  return {
    ok: false,
    code: 'MALFORMED',
    message: `Файл лицензии повреждён или имеет неверный формат: ${detail}.`,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly: invalid bytes are an error, not U+FFFD that might still parse as JSON. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Parses the armour and the envelope JSON. Tolerates what mail clients and Windows editors do to text
 * (CRLF, a BOM, surrounding whitespace, trailing spaces on lines, other line widths) and nothing else.
 * Does not check `alg` or the signature — `verifyLicense` does, in that order.
 */
export function parseLicenseEnvelope(text: unknown): ParseEnvelopeResult {
  if (typeof text !== 'string') return malformed('ожидается текст');
  if (text.length > MAX_TEXT_LENGTH) return malformed('файл слишком большой');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim());
  if (lines[0] !== LICENSE_BEGIN) return malformed(`нет строки «${LICENSE_BEGIN}»`);
  if (lines.length < 3 || lines[lines.length - 1] !== LICENSE_END) {
    return malformed(`нет строки «${LICENSE_END}»`);
  }
  const bodyLines = lines.slice(1, -1);
  if (bodyLines.some((line) => line.length === 0)) return malformed('пустая строка внутри файла');
  const bodyBytes = decodeBase64Strict(bodyLines.join(''));
  if (!bodyBytes) return malformed('содержимое не является base64');
  const json = decodeUtf8Strict(bodyBytes);
  if (json === undefined) return malformed('содержимое не является текстом UTF-8');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return malformed('содержимое не является JSON');
  }
  const parsed = EnvelopeJson.safeParse(raw);
  if (!parsed.success) return malformed('ожидаются поля enc, sig, alg и kid');
  const envelope = parsed.data;
  if (!decodeBase64Strict(envelope.enc)) return malformed('поле enc не является base64');
  if (!decodeBase64Strict(envelope.sig)) return malformed('поле sig не является base64');
  return { ok: true, envelope };
}
