import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict, encodeLicenseEnvelope, LICENSE_BEGIN, LICENSE_END } from './envelope';
import { signLicense, type VerifyResult, verifyLicense } from './format';
import { generateSigningKey, kidFor, toPublicJwk } from './keys';
import { envelopeOf, NOW, samplePayload, withEnvelope } from './test-fixtures';

const a = generateSigningKey();
const b = generateSigningKey();
const keys = { [a.kid]: a.publicKeyPem };
const signed = signLicense({ payload: samplePayload(), privateKey: a.privateKeyPem, kid: a.kid });
const check = (text: string, now: Date = NOW): VerifyResult => verifyLicense({ text, keys, now });
const codeOf = (result: VerifyResult) => (result.ok ? 'OK' : result.code);
const armour = (json: string) =>
  `${LICENSE_BEGIN}\n${Buffer.from(json).toString('base64')}\n${LICENSE_END}\n`;
const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

describe('keys', () => {
  it('derives a stable 16-hex kid from the public key, whichever half is given', () => {
    expect(a.kid).toMatch(/^[0-9a-f]{16}$/);
    expect(kidFor(a.publicKeyPem)).toBe(a.kid);
    expect(kidFor(a.privateKeyPem)).toBe(a.kid);
    expect(b.kid).not.toBe(a.kid);
  });

  it('exports a public JWK for the key endpoint', () => {
    const jwk = toPublicJwk(a.publicKeyPem);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: a.kid, alg: 'EdDSA', use: 'sig' });
    expect(Buffer.from(jwk.x, 'base64url')).toHaveLength(32);
    expect(() => toPublicJwk(a.privateKeyPem)).toThrow(/закрытый ключ/);
  });
});

describe('signLicense / verifyLicense', () => {
  it('round-trips sign → verify', () => {
    const result = check(signed);
    expect(result).toEqual({ ok: true, payload: samplePayload(), kid: a.kid });
  });

  it('writes the PEM-like envelope wrapped at 64 chars', () => {
    const lines = signed.split('\n');
    expect(lines[0]).toBe(LICENSE_BEGIN);
    expect(lines.at(-2)).toBe(LICENSE_END);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(1, -2)) expect(line.length).toBeLessThanOrEqual(64);
    expect(envelopeOf(signed)).toMatchObject({ alg: 'base64+ed25519', kid: a.kid });
  });

  it('defaults the kid to the derived one and refuses invalid payloads or non-Ed25519 keys', () => {
    expect(envelopeOf(signLicense({ payload: samplePayload(), privateKey: b.privateKeyPem })).kid).toBe(
      b.kid,
    );
    const bad = samplePayload({ validUntil: '2026-02-30' });
    expect(() => signLicense({ payload: bad, privateKey: a.privateKeyPem })).toThrow();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(() => signLicense({ payload: samplePayload(), privateKey: rsa })).toThrow(/Ed25519/);
  });

  it('fails when any single character of enc or sig is changed', () => {
    const { enc, sig } = envelopeOf(signed);
    const field = fc.constantFrom<['enc' | 'sig', string]>(['enc', enc], ['sig', sig]);
    fc.assert(
      fc.property(
        field,
        fc.nat(),
        fc.constantFrom(...BASE64_CHARS, ' ', '-', '_', 'é'),
        ([name, value], i, c) => {
          const at = i % value.length;
          fc.pre(value[at] !== c);
          const changed = value.slice(0, at) + c + value.slice(at + 1);
          expect(check(withEnvelope(signed, { [name]: changed })).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fails BAD_SIGNATURE when any single decoded byte of enc or sig is flipped', () => {
    const { enc, sig } = envelopeOf(signed);
    const field = fc.constantFrom<['enc' | 'sig', string]>(['enc', enc], ['sig', sig]);
    fc.assert(
      fc.property(field, fc.nat(), fc.integer({ min: 1, max: 255 }), ([name, value], i, mask) => {
        const bytes = Buffer.from(value, 'base64');
        const at = i % bytes.length;
        bytes[at] = (bytes[at] ?? 0) ^ mask;
        const result = check(withEnvelope(signed, { [name]: bytes.toString('base64') }));
        expect(codeOf(result)).toBe('BAD_SIGNATURE');
      }),
      { numRuns: 300 },
    );
  });

  it('rejects non-canonical base64 that would decode to the same signature bytes', () => {
    const { sig } = envelopeOf(signed);
    // 64 bytes → "…X==": the last data char carries 4 unused bits; setting them keeps the decoded bytes.
    const last = sig.at(-3) ?? 'A';
    const sibling = BASE64_CHARS[BASE64_CHARS.indexOf(last) ^ 1] ?? 'A';
    const variant = `${sig.slice(0, -3)}${sibling}==`;
    expect(Buffer.from(variant, 'base64')).toEqual(Buffer.from(sig, 'base64'));
    expect(decodeBase64Strict(variant)).toBeUndefined();
    expect(check(withEnvelope(signed, { sig: variant })).ok).toBe(false);
  });

  it('detects a re-encoded payload with a longer validUntil under the old signature', () => {
    const { enc } = envelopeOf(signed);
    const payload = JSON.parse(Buffer.from(enc, 'base64').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...payload, validUntil: '2099-12-31' })).toString('base64');
    expect(codeOf(check(withEnvelope(signed, { enc: forged })))).toBe('BAD_SIGNATURE');
  });

  it('signs a domain-separated message: a signature over the bare enc does not verify', () => {
    const { enc } = envelopeOf(signed);
    const bare = sign(null, Buffer.from(enc), a.privateKeyPem).toString('base64');
    expect(codeOf(check(withEnvelope(signed, { sig: bare })))).toBe('BAD_SIGNATURE');
  });

  it('fails with another Ed25519 key published under the same kid', () => {
    const result = verifyLicense({ text: signed, keys: { [a.kid]: b.publicKeyPem }, now: NOW });
    expect(codeOf(result)).toBe('BAD_SIGNATURE');
  });

  it.each(['none', 'base64+rsa', 'base64+ed25519 ', 'BASE64+ED25519', 'ed25519', ''])(
    'pins the algorithm: alg %j is UNSUPPORTED_ALGORITHM before any key is looked up',
    (alg) => {
      const looked: string[] = [];
      const lookup = (kid: string) => {
        looked.push(kid);
        return a.publicKeyPem;
      };
      const result = verifyLicense({ text: withEnvelope(signed, { alg }), keys: lookup, now: NOW });
      expect(codeOf(result)).toBe('UNSUPPORTED_ALGORITHM');
      expect(looked).toEqual([]);
    },
  );

  it.each([
    ['RSA', generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey],
    ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey],
    ['X25519', generateKeyPairSync('x25519').publicKey],
  ])('refuses a %s public key given for the kid', (_name, key) => {
    const result = verifyLicense({ text: signed, keys: { [a.kid]: key }, now: NOW });
    expect(codeOf(result)).toBe('UNSUPPORTED_ALGORITHM');
  });

  it('reads the payload only after the signature: a signed but invalid payload is BAD_PAYLOAD', () => {
    const enc = Buffer.from(JSON.stringify({ v: 2, hello: 'world' })).toString('base64');
    const sig = sign(null, Buffer.from(`license/${enc}`), a.privateKeyPem).toString('base64');
    const text = encodeLicenseEnvelope({ enc, sig, alg: 'base64+ed25519', kid: a.kid });
    expect(codeOf(check(text))).toBe('BAD_PAYLOAD');
  });

  it('is valid through the last day, until 23:59:59 Moscow time, then EXPIRED', () => {
    expect(check(signed, new Date('2027-04-12T20:59:59.999Z')).ok).toBe(true);
    const expired = check(signed, new Date('2027-04-12T21:00:00.000Z'));
    expect(expired).toMatchObject({ ok: false, code: 'EXPIRED', payload: samplePayload() });
    expect(expired.ok ? '' : expired.message).toContain('12.04.2027');
  });

  it('is NOT_YET_VALID until Moscow midnight of validFrom', () => {
    const early = check(signed, new Date('2026-04-12T20:59:59.999Z'));
    expect(early).toMatchObject({ ok: false, code: 'NOT_YET_VALID', payload: samplePayload() });
    expect(check(signed, new Date('2026-04-12T21:00:00.000Z')).ok).toBe(true);
  });

  it('tolerates CRLF, a BOM, trailing spaces and surrounding whitespace', () => {
    const windows = `\uFEFF \r\n\t${signed.replace(/\n/g, '  \r\n')}\r\n\r\n`;
    expect(check(windows).ok).toBe(true);
    const rewrapped = [LICENSE_BEGIN, signed.split('\n').slice(1, -2).join(''), LICENSE_END].join('\n');
    expect(check(rewrapped).ok).toBe(true);
  });

  it.each([
    ['missing footer', signed.replace(LICENSE_END, '')],
    ['blank line inside', signed.replace('\n', '\n\n')],
    ['junk in base64', signed.replace(LICENSE_BEGIN, `${LICENSE_BEGIN}\n!!!!`)],
    ['extra envelope field', armour(JSON.stringify({ ...envelopeOf(signed), x: 1 }))],
    ['sig of the wrong length', withEnvelope(signed, { sig: 'AAAA' })],
  ])('rejects a malformed file: %s', (_name, text) => {
    expect(codeOf(check(text))).toBe('MALFORMED');
  });

  it('never throws on garbage', () => {
    const armoured = (body: string) => `${LICENSE_BEGIN}\n${body}\n${LICENSE_END}`;
    const jsonBody = fc
      .dictionary(fc.constantFrom('enc', 'sig', 'alg', 'kid', 'x'), fc.jsonValue())
      .map((o) => Buffer.from(JSON.stringify(o)).toString('base64'));
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.base64String().map(armoured),
      jsonBody.map(armoured),
      fc.anything().map((x) => x as unknown as string),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() => check(text)).not.toThrow();
        expect(check(text).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('key rotation', () => {
  const fromB = signLicense({
    payload: samplePayload({ activationNumber: 43 }),
    privateKey: b.privateKeyPem,
  });
  const both = { [a.kid]: a.publicKeyPem, [b.kid]: b.publicKeyPem };

  it('verifies files signed with either key against a set holding both', () => {
    expect(verifyLicense({ text: signed, keys: both, now: NOW })).toMatchObject({ ok: true, kid: a.kid });
    expect(verifyLicense({ text: fromB, keys: both, now: NOW })).toMatchObject({ ok: true, kid: b.kid });
    const lookup = (kid: string) => (kid === b.kid ? b.publicKeyPem : undefined);
    expect(verifyLicense({ text: fromB, keys: lookup, now: NOW }).ok).toBe(true);
  });

  it('answers UNKNOWN_KEY for a kid outside the set, including prototype names', () => {
    expect(codeOf(verifyLicense({ text: fromB, keys, now: NOW }))).toBe('UNKNOWN_KEY');
    for (const kid of ['constructor', '__proto__', 'toString']) {
      expect(codeOf(check(withEnvelope(signed, { kid })))).toBe('UNKNOWN_KEY');
    }
    const throwing = () => {
      throw new Error('key store down');
    };
    expect(codeOf(verifyLicense({ text: signed, keys: throwing, now: NOW }))).toBe('UNKNOWN_KEY');
  });
});
