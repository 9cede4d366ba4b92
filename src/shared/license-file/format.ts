/**
 * License files (`.slf`, seed 002 «Скачать файл лицензии»; ARCHITECTURE.md, "License files"): the payload,
 * signing and verification. The verifier pins the algorithm, checks the key type, verifies the signature over
 * the exact signed bytes, and only then reads the payload — so nothing unauthenticated is ever interpreted.
 */
import { createPrivateKey, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { moscowIsoDate } from '../dates';
import {
  decodeBase64Strict,
  decodeUtf8Strict,
  encodeLicenseEnvelope,
  LICENSE_ALG,
  parseLicenseEnvelope,
  signedMessage,
} from './envelope';
import { type KeyInput, kidFor, LicenseKeyError, toEd25519PublicKey } from './keys';

export { parseLicenseEnvelope } from './envelope';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a license file grants: one license for one device (seed 002: activation bound to a serial number). */
export const LicensePayload = z
  .strictObject({
    v: z.literal(1),
    deviceSerial: text(64),
    model: text(200),
    vendor: text(200),
    licenseType: text(500),
    /** First day the license is valid, a Moscow calendar date. */
    validFrom: z.iso.date(),
    /** Last day the license is valid (inclusive, until 23:59:59 Moscow time). */
    validUntil: z.iso.date(),
    issuedAt: z.iso.datetime(),
    activationNumber: z.int().positive(),
    /** 10 digits for a legal entity, 12 for an individual entrepreneur. */
    licenseeInn: z.string().regex(/^(?:\d{10}|\d{12})$/),
    licenseeName: text(500),
  })
  .refine((p) => p.validFrom <= p.validUntil, {
    message: 'validFrom не может быть позже validUntil',
    path: ['validUntil'],
  });
export type LicensePayload = z.infer<typeof LicensePayload>;

export type VerifyErrorCode =
  | 'MALFORMED'
  | 'UNSUPPORTED_ALGORITHM'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'BAD_PAYLOAD';

/** `payload` is present on a failure only once the signature has verified (EXPIRED, NOT_YET_VALID). */
export type VerifyResult =
  | { ok: true; payload: LicensePayload; kid: string }
  | { ok: false; code: VerifyErrorCode; message: string; payload?: LicensePayload };

/** Public keys by kid, or a lookup function (e.g. over a key table that includes retired keys). */
export type LicenseKeySet = Readonly<Record<string, KeyInput>> | ((kid: string) => KeyInput | undefined);

export type SignLicenseInput = {
  payload: LicensePayload;
  privateKey: KeyObject | string;
  /** Defaults to the derived id of the key (`kidFor`); pass it to keep an explicitly configured id. */
  kid?: string;
};

export type VerifyLicenseInput = { text: string; keys: LicenseKeySet; now?: Date };

const ED25519_SIGNATURE_BYTES = 64;

/** `2026-04-13` → `13.04.2026`, the date format people see (ARCHITECTURE.md, "Time"). */
export function formatLicenseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

function toPrivateKey(key: KeyObject | string): KeyObject {
  const privateKey = typeof key === 'string' ? createPrivateKey(key) : key;
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new LicenseKeyError('Для подписи файла лицензии нужен закрытый ключ Ed25519.');
  }
  return privateKey;
}

/**
 * Signs a payload and returns the full `.slf` text. The payload is validated first so the server can never
 * issue a file its own verifier would reject; the JSON is the schema's output, so field order is stable.
 */
export function signLicense({ payload, privateKey, kid }: SignLicenseInput): string {
  const key = toPrivateKey(privateKey);
  const valid = LicensePayload.parse(payload);
  const enc = Buffer.from(JSON.stringify(valid), 'utf8').toString('base64');
  const sig = sign(null, signedMessage(enc), key).toString('base64');
  return encodeLicenseEnvelope({ enc, sig, alg: LICENSE_ALG, kid: kid ?? kidFor(key) });
}

function fail(code: VerifyErrorCode, message: string, payload?: LicensePayload): VerifyResult {
  return payload ? { ok: false, code, message, payload } : { ok: false, code, message };
}

/** Looks a kid up without walking the prototype chain (a kid of `constructor` must not find a function). */
function lookupKey(keys: LicenseKeySet, kid: string): KeyInput | undefined {
  if (typeof keys === 'function') return keys(kid);
  return Object.hasOwn(keys, kid) ? keys[kid] : undefined;
}

/**
 * Verifies a `.slf` text. Order matters and is the point of this function: envelope → algorithm pinned
 * (before any key is touched, so a forged `alg` cannot steer key handling) → key by kid → key must be Ed25519
 * (an RSA key published under the kid is not "good enough") → signature over exactly `"license/" + enc` →
 * only then the payload is decoded and validated → validity dates against `now`. Never throws on bad input.
 */
export function verifyLicense({
  text: licenseText,
  keys,
  now = new Date(),
}: VerifyLicenseInput): VerifyResult {
  if (Number.isNaN(now.getTime())) throw new RangeError('verifyLicense: now is an invalid Date');
  const parsed = parseLicenseEnvelope(licenseText);
  if (!parsed.ok) return fail(parsed.code, parsed.message);
  const { enc, sig, alg, kid } = parsed.envelope;

  if (alg !== LICENSE_ALG) {
    const shown = JSON.stringify(alg.slice(0, 40));
    return fail(
      'UNSUPPORTED_ALGORITHM',
      `Алгоритм подписи ${shown} не поддерживается; ожидается «${LICENSE_ALG}».`,
    );
  }

  let keyInput: KeyInput | undefined;
  try {
    keyInput = lookupKey(keys, kid);
  } catch {
    keyInput = undefined;
  }
  if (keyInput === undefined) return fail('UNKNOWN_KEY', `Ключ подписи «${kid}» неизвестен.`);
  let publicKey: KeyObject;
  try {
    publicKey = toEd25519PublicKey(keyInput);
  } catch (error) {
    const reason = error instanceof LicenseKeyError ? error.message : 'ключ не удалось прочитать.';
    return fail('UNSUPPORTED_ALGORITHM', `Ключ подписи «${kid}» непригоден: ${reason}`);
  }

  const signature = decodeBase64Strict(sig);
  if (signature?.length !== ED25519_SIGNATURE_BYTES) {
    return fail('MALFORMED', 'Файл лицензии повреждён: поле sig не является подписью Ed25519.');
  }
  let signatureOk = false;
  try {
    signatureOk = verify(null, signedMessage(enc), publicKey, signature);
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) {
    return fail(
      'BAD_SIGNATURE',
      'Подпись файла лицензии недействительна: файл изменён или подписан другим ключом.',
    );
  }

  const payload = readPayload(enc);
  if (!payload) return fail('BAD_PAYLOAD', 'Содержимое файла лицензии не соответствует формату.');

  const today = moscowIsoDate(now);
  if (today < payload.validFrom) {
    const from = formatLicenseDate(payload.validFrom);
    return fail('NOT_YET_VALID', `Лицензия ещё не действует: начало действия ${from}.`, payload);
  }
  if (today > payload.validUntil) {
    const until = formatLicenseDate(payload.validUntil);
    return fail('EXPIRED', `Срок действия лицензии истёк: лицензия действовала до ${until}.`, payload);
  }
  return { ok: true, payload, kid };
}

/** Decodes and validates the signed payload; called only after the signature has verified. */
function readPayload(enc: string): LicensePayload | undefined {
  const bytes = decodeBase64Strict(enc);
  const json = bytes ? decodeUtf8Strict(bytes) : undefined;
  if (json === undefined) return undefined;
  try {
    const result = LicensePayload.safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
