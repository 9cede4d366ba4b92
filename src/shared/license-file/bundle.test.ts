import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LicenseBundleError, MAX_BUNDLE_LICENSES, splitLicenseBundle, verifyLicenseBundle } from './bundle';
import { LICENSE_BEGIN, LICENSE_END } from './envelope';
import { signLicense, type VerifyResult } from './format';
import { generateSigningKey } from './keys';
import { envelopeOf, NOW, samplePayload, withEnvelope } from './test-fixtures';

const a = generateSigningKey();
const b = generateSigningKey();
const keys = { [a.kid]: a.publicKeyPem };
const license = (n: number, key = a) =>
  signLicense({
    payload: samplePayload({ deviceSerial: `02391101389001${String(n).padStart(2, '0')}` }),
    privateKey: key.privateKeyPem,
  });
const first = license(1);
const second = license(2);
const third = license(3);
const file = first + second + third;

const codes = (results: VerifyResult[]) => results.map((r) => (r.ok ? 'OK' : r.code));
const verify = (text: string, keySet: Record<string, string> = keys) =>
  verifyLicenseBundle({ text, keys: keySet, now: NOW });

function splitError(text: string): string {
  try {
    splitLicenseBundle(text);
  } catch (error) {
    expect(error).toBeInstanceOf(LicenseBundleError);
    return (error as LicenseBundleError).code;
  }
  return 'OK';
}

describe('splitLicenseBundle', () => {
  it('splits a concatenation back into the exact envelopes, in order', () => {
    expect(splitLicenseBundle(file)).toEqual([first, second, third]);
    expect(splitLicenseBundle(first)).toEqual([first]);
  });

  it('tolerates a BOM, CRLF, spaces around lines and blank lines between envelopes', () => {
    const messy = `\uFEFF\r\n  ${first.replace(/\n/g, ' \r\n')}\r\n\r\n\t${second}\n\n${third}  \n\n`;
    expect(splitLicenseBundle(messy)).toEqual([first, second, third]);
  });

  it.each([
    ['text between envelopes', `${first}hello\n${second}`],
    ['a comment before the first', `# licenses\n${first}`],
    ['text after the last', `${first}${second}--\n`],
    ['a BEGIN inside an envelope', first.replace(LICENSE_END, `${LICENSE_BEGIN}`) + second],
    ['a missing END', first + second.replace(LICENSE_END, '')],
    ['an END without BEGIN', `${LICENSE_END}\n${first}`],
    ['an empty file', ''],
    ['only blank lines', '\n \r\n\t\n'],
  ])('refuses %s as MALFORMED', (_name, text) => {
    expect(splitError(text)).toBe('MALFORMED');
    const result = verify(text);
    expect(result).toMatchObject({ ok: false, results: [], error: { code: 'MALFORMED' } });
    expect(result.error?.message).toMatch(/^Файл лицензий повреждён/);
  });

  it(`refuses more than ${MAX_BUNDLE_LICENSES} envelopes before reading any`, () => {
    const empty = `${LICENSE_BEGIN}\n${LICENSE_END}\n`;
    expect(splitLicenseBundle(empty.repeat(MAX_BUNDLE_LICENSES))).toHaveLength(MAX_BUNDLE_LICENSES);
    expect(splitError(empty.repeat(MAX_BUNDLE_LICENSES + 1))).toBe('MALFORMED');
  });

  it('never throws anything but LicenseBundleError, whatever the text', () => {
    const pieces = fc.array(
      fc.oneof(
        fc.constantFrom(first, LICENSE_BEGIN, LICENSE_END, '\n', '\r\n', ' '),
        fc.string({ unit: 'binary', maxLength: 40 }),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.join('');
        expect(['OK', 'MALFORMED']).toContain(splitError(text));
        expect(() => verify(text)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});

describe('verifyLicenseBundle', () => {
  it('is ok when every license is valid, with one result per license', () => {
    const result = verify(file);
    expect(result.ok).toBe(true);
    expect(result.error).toBeNull();
    expect(codes(result.results)).toEqual(['OK', 'OK', 'OK']);
    expect(result.results.map((r) => (r.ok ? r.payload.deviceSerial : ''))).toEqual([
      '0239110138900101',
      '0239110138900102',
      '0239110138900103',
    ]);
  });

  it('fails the file on a tampered byte in the second license, and says which one', () => {
    const { enc } = envelopeOf(second);
    const bytes = Buffer.from(enc, 'base64');
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const changed = Buffer.from(bytes);
        changed[at] = (changed[at] ?? 0) ^ mask;
        const tampered = withEnvelope(second, { enc: changed.toString('base64') });
        const result = verify(first + tampered + third);
        expect(result.ok).toBe(false);
        expect(codes(result.results)).toEqual(['OK', 'BAD_SIGNATURE', 'OK']);
      }),
      { numRuns: 100 },
    );
  });

  it('fails the file when any character of the second armoured license changes', () => {
    const body = second.split('\n').slice(1, -2).join('\n');
    const start = second.indexOf(body);
    fc.assert(
      fc.property(fc.nat({ max: body.length - 1 }), fc.constantFrom('A', 'b', '0', '+', '/', '='), (i, c) => {
        fc.pre(body[i] !== c && body[i] !== '\n');
        const at = start + i;
        const tampered = second.slice(0, at) + c + second.slice(at + 1);
        const result = verify(first + tampered);
        expect(result.ok).toBe(false);
        expect(result.results[0]?.ok).toBe(true);
        expect(result.results[1]?.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('fails every license signed by a key outside the set (wrong key)', () => {
    expect(codes(verify(file, { [b.kid]: b.publicKeyPem }).results)).toEqual([
      'UNKNOWN_KEY',
      'UNKNOWN_KEY',
      'UNKNOWN_KEY',
    ]);
    // Another key published under the file's kid does not verify either.
    expect(codes(verify(file, { [a.kid]: b.publicKeyPem }).results)).toEqual([
      'BAD_SIGNATURE',
      'BAD_SIGNATURE',
      'BAD_SIGNATURE',
    ]);
  });

  it('pins the algorithm in every license: a second license claiming another alg fails', () => {
    const result = verify(first + withEnvelope(second, { alg: 'none' }));
    expect(result.ok).toBe(false);
    expect(codes(result.results)).toEqual(['OK', 'UNSUPPORTED_ALGORITHM']);
  });

  it('verifies files mixing a retired and the active key against a set holding both', () => {
    const mixed = first + license(4, b);
    expect(verify(mixed).ok).toBe(false);
    const both = { [a.kid]: a.publicKeyPem, [b.kid]: b.publicKeyPem };
    expect(verify(mixed, both)).toMatchObject({ ok: true, error: null });
  });

  it('fails the file when one license has expired, keeping the signed payload', () => {
    const expired = signLicense({
      payload: samplePayload({ validFrom: '2025-01-01', validUntil: '2025-12-31' }),
      privateKey: a.privateKeyPem,
    });
    const result = verify(first + expired);
    expect(codes(result.results)).toEqual(['OK', 'EXPIRED']);
    expect(result.results[1]).toMatchObject({ payload: { validUntil: '2025-12-31' } });
  });
});
