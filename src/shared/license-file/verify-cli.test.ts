import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signLicense } from './format';
import { generateSigningKey, toPublicJwk } from './keys';
import { NOW, samplePayload, withEnvelope } from './test-fixtures';
import { type FetchLikeResponse, runVerifyLicense } from './verify-cli';

const a = generateSigningKey();
const b = generateSigningKey();
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const licenseA = signLicense({ payload: samplePayload(), privateKey: a.privateKeyPem });
const licenseB = signLicense({
  payload: samplePayload({ activationNumber: 7 }),
  privateKey: b.privateKeyPem,
});

const published = (...entries: object[]) => ({ keys: entries });
const entry = (key: typeof a, extra: object = {}) => ({
  kid: key.kid,
  alg: 'EdDSA',
  publicKeyPem: key.publicKeyPem,
  jwk: toPublicJwk(key.publicKeyPem),
  createdAt: '2026-01-01T00:00:00.000Z',
  retiredAt: null,
  ...extra,
});

type Setup = {
  files?: Record<string, string>;
  response?: FetchLikeResponse | Error;
  now?: Date;
};

function makeIo({ files = {}, response, now = NOW }: Setup = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const fetched: string[] = [];
  const io = {
    readFile: async (path: string) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
    fetch: async (url: string) => {
      fetched.push(url);
      if (response === undefined || response instanceof Error) throw response ?? new Error('offline');
      return response;
    },
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    now,
  };
  return { io, fetched, stdout: () => out.join(''), stderr: () => err.join('') };
}

const okJson = (body: unknown): FetchLikeResponse => ({ ok: true, status: 200, json: async () => body });
const baseFiles = { 'a.slf': licenseA, 'b.slf': licenseB, 'a.pem': a.publicKeyPem, 'b.pem': b.publicKeyPem };

describe('verify-license --key', () => {
  it('exits 0 and prints a Russian summary for a valid file', async () => {
    const t = makeIo({ files: baseFiles });
    expect(await runVerifyLicense(['a.slf', '--key', 'a.pem'], t.io)).toBe(0);
    const text = t.stdout();
    expect(text).toContain('Файл лицензии действителен');
    expect(text).toContain('26-AQ-12345678901-103-0001');
    expect(text).toContain('aQsi 5Ф');
    expect(text).toContain('ООО «Пэй Киоск»');
    expect(text).toContain('по 12.04.2027');
    expect(text).toContain('Активация № 42');
    expect(text).toContain('ООО «Ромашка», ИНН 7701234567');
    expect(t.stderr()).toBe('');
  });

  it('tolerates the command name in front of the arguments', async () => {
    const t = makeIo({ files: baseFiles });
    expect(await runVerifyLicense(['verify-license', '--key', 'a.pem', 'a.slf'], t.io)).toBe(0);
  });

  it('exits 1 for a file signed by another key, saying why', async () => {
    const t = makeIo({ files: baseFiles });
    expect(await runVerifyLicense(['b.slf', '--key', 'a.pem'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/BAD_SIGNATURE.*Подпись/);
    expect(t.stdout()).toBe('');
  });

  it('exits 1 for an expired file and names it', async () => {
    const t = makeIo({ files: baseFiles, now: new Date('2027-05-01T00:00:00Z') });
    expect(await runVerifyLicense(['a.slf', '--key', 'a.pem'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/EXPIRED.*12\.04\.2027/s);
  });

  it('exits 1 for a tampered or garbage file', async () => {
    const forged = withEnvelope(licenseA, { alg: 'none' });
    const t = makeIo({ files: { ...baseFiles, 'forged.slf': forged, 'junk.slf': 'hello' } });
    expect(await runVerifyLicense(['forged.slf', '--key', 'a.pem'], t.io)).toBe(1);
    expect(t.stderr()).toContain('UNSUPPORTED_ALGORITHM');
    expect(await runVerifyLicense(['junk.slf', '--key', 'a.pem'], t.io)).toBe(1);
    expect(t.stderr()).toContain('MALFORMED');
  });

  it.each([
    ['an RSA key', rsaPem],
    ['a private key', a.privateKeyPem],
    ['not a key', 'hello'],
  ])('exits 2 when the key file is %s', async (_name, pem) => {
    const t = makeIo({ files: { ...baseFiles, 'k.pem': pem } });
    expect(await runVerifyLicense(['a.slf', '--key', 'k.pem'], t.io)).toBe(2);
    expect(t.stderr()).toContain('Использование');
  });
});

describe('verify-license --url', () => {
  it('fetches the published keys and picks the one with the file kid', async () => {
    const t = makeIo({ files: baseFiles, response: okJson(published(entry(a), entry(b))) });
    expect(await runVerifyLicense(['b.slf', '--url', 'https://lk.example.ru/'], t.io)).toBe(0);
    expect(t.fetched).toEqual(['https://lk.example.ru/api/v1/license-keys']);
    expect(t.stdout()).toContain('Активация № 7');
    expect(t.stdout()).toContain(b.kid);
  });

  it('still verifies files signed with a retired key, and accepts JWK-only entries', async () => {
    const retiredJwkOnly = {
      kid: a.kid,
      jwk: toPublicJwk(a.publicKeyPem),
      retiredAt: '2026-05-01T00:00:00Z',
    };
    const t = makeIo({ files: baseFiles, response: okJson(published(retiredJwkOnly, entry(b))) });
    expect(await runVerifyLicense(['a.slf', '--url', 'http://localhost:3000'], t.io)).toBe(0);
  });

  it('exits 1 with UNKNOWN_KEY when the kid is not published', async () => {
    const t = makeIo({ files: baseFiles, response: okJson(published(entry(b))) });
    expect(await runVerifyLicense(['a.slf', '--url', 'https://lk.example.ru'], t.io)).toBe(1);
    expect(t.stderr()).toContain('UNKNOWN_KEY');
  });

  it('exits 1 when a different key is published under the file kid', async () => {
    const t = makeIo({ files: baseFiles, response: okJson(published(entry(b, { kid: a.kid }))) });
    expect(await runVerifyLicense(['a.slf', '--url', 'https://lk.example.ru'], t.io)).toBe(1);
    expect(t.stderr()).toContain('BAD_SIGNATURE');
  });

  it.each([
    ['network error', new Error('ECONNREFUSED')],
    ['HTTP 503', { ok: false, status: 503, json: async () => ({}) }],
    ['unexpected JSON', okJson({ keys: 'none' })],
    ['invalid JSON', { ok: true, status: 200, json: async () => Promise.reject(new SyntaxError('bad')) }],
  ])('exits 2 when the key endpoint fails: %s', async (_name, response) => {
    const t = makeIo({ files: baseFiles, response });
    expect(await runVerifyLicense(['a.slf', '--url', 'https://lk.example.ru'], t.io)).toBe(2);
  });
});

describe('verify-license usage', () => {
  it.each([
    [[]],
    [['a.slf']],
    [['a.slf', 'b.slf', '--key', 'a.pem']],
    [['a.slf', '--key', 'a.pem', '--url', 'https://lk.example.ru']],
    [['a.slf', '--key']],
    [['a.slf', '--key', 'a.pem', '--verbose']],
    [['missing.slf', '--key', 'a.pem']],
    [['a.slf', '--key', 'missing.pem']],
    [['a.slf', '--url', 'ftp://lk.example.ru']],
    [['a.slf', '--url', 'not a url']],
    [['--help']],
  ])('exits 2 for %j', async (argv) => {
    const t = makeIo({ files: baseFiles, response: okJson(published(entry(a))) });
    expect(await runVerifyLicense(argv, t.io)).toBe(2);
    expect(t.stderr()).toContain('verify-license');
    expect(t.stdout()).toBe('');
  });
});
