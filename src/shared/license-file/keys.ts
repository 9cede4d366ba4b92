/**
 * License-signing keys (ARCHITECTURE.md, "License files"): Ed25519 key pairs with stable, derived key ids so
 * keys can be rotated and verifiers pick the right public key from the set published at
 * `GET /api/v1/license-keys`.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** What a key may be given as: a `KeyObject` or PEM text (SPKI public key; a PKCS#8 private key is derived). */
export type KeyInput = KeyObject | string;

export type SigningKey = {
  /** First 16 hex chars of SHA-256 of the raw 32-byte public key. */
  kid: string;
  publicKeyPem: string;
  privateKeyPem: string;
};

export type PublicJwk = {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
};

/** Thrown for a key that is not an Ed25519 key or cannot be read; the message is for people (Russian). */
export class LicenseKeyError extends Error {
  override readonly name = 'LicenseKeyError';
}

/**
 * Normalises any key input to an Ed25519 public `KeyObject`. A private key is reduced to its public half so a
 * verifier never holds more than it needs; anything but Ed25519 is refused because the format pins the
 * algorithm (an RSA or EC key must never be accepted "for compatibility").
 */
export function toEd25519PublicKey(key: KeyInput): KeyObject {
  let publicKey: KeyObject;
  try {
    if (typeof key === 'string') publicKey = createPublicKey(key);
    else if (key.type === 'public') publicKey = key;
    else if (key.type === 'private') publicKey = createPublicKey(key);
    else throw new LicenseKeyError('Симметричный ключ не может быть ключом подписи лицензий.');
  } catch (error) {
    if (error instanceof LicenseKeyError) throw error;
    throw new LicenseKeyError('Не удалось прочитать ключ: ожидается открытый ключ Ed25519 в формате PEM.');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new LicenseKeyError(
      `Ключ типа «${publicKey.asymmetricKeyType ?? 'неизвестно'}» не подходит: файлы лицензий подписываются только Ed25519.`,
    );
  }
  return publicKey;
}

/**
 * Reads a PEM public key. Private-key PEM is refused here: this is the door public keys come in through
 * (config, the key endpoint, the CLI), and a private key arriving there is a leak to stop, not to tolerate.
 */
export function publicKeyFromPem(pem: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new LicenseKeyError('Передан закрытый ключ; ожидается открытый ключ Ed25519.');
  }
  return toEd25519PublicKey(pem);
}

/** The raw 32-byte Ed25519 public key (RFC 8032 encoding), taken from its JWK `x`. */
function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new LicenseKeyError('Не удалось получить открытый ключ Ed25519.');
  return Buffer.from(jwk.x, 'base64url');
}

/**
 * Key id = first 16 hex chars of SHA-256 of the raw public key. Derived rather than assigned, so the same key
 * always has the same id on every node and in every export, and an id cannot silently point at another key.
 */
export function kidFor(publicKey: KeyInput): string {
  const raw = rawPublicKey(toEd25519PublicKey(publicKey));
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** A fresh Ed25519 signing key with its derived id; PEM so it can be stored as text (SPKI / PKCS#8). */
export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    kid: kidFor(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The public key as a JWK (RFC 8037) for publishing at `GET /api/v1/license-keys` next to the PEM. */
export function toPublicJwk(pem: string): PublicJwk {
  const publicKey = publicKeyFromPem(pem);
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: rawPublicKey(publicKey).toString('base64url'),
    kid: kidFor(publicKey),
    alg: 'EdDSA',
    use: 'sig',
  };
}
