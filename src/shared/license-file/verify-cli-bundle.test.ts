import { describe, expect, it } from 'vitest';
import { signLicense } from './format';
import { generateSigningKey, toPublicJwk } from './keys';
import { envelopeOf, NOW, samplePayload, withEnvelope } from './test-fixtures';
import { type FetchLikeResponse, runVerifyLicense } from './verify-cli';

const retired = generateSigningKey();
const active = generateSigningKey();
const stranger = generateSigningKey();

const serial = (n: number) => `02391101389001${String(n).padStart(2, '0')}`;
const sign = (n: number, key = active, validUntil = '2027-04-12') =>
  signLicense({
    payload: samplePayload({ deviceSerial: serial(n), activationNumber: 288, validUntil }),
    privateKey: key.privateKeyPem,
  });

const one = sign(1);
const two = sign(2);
const three = sign(3);

function tamperByte(text: string): string {
  const bytes = Buffer.from(envelopeOf(text).enc, 'base64');
  bytes[10] = (bytes[10] ?? 0) ^ 0x01;
  return withEnvelope(text, { enc: bytes.toString('base64') });
}

const entry = (key: typeof active, status: 'active' | 'retired') => ({
  kid: key.kid,
  alg: 'EdDSA',
  crv: 'Ed25519',
  status,
  publicKeyPem: key.publicKeyPem,
  jwk: toPublicJwk(key.publicKeyPem),
  createdAt: '2026-01-01T00:00:00.000Z',
  retiredAt: status === 'retired' ? '2026-05-01T00:00:00.000Z' : null,
});

function makeIo(files: Record<string, string>, published?: unknown) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    readFile: async (path: string) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
    fetch: async (): Promise<FetchLikeResponse> => {
      if (published === undefined) throw new Error('offline');
      return { ok: true, status: 200, json: async () => published };
    },
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    now: NOW,
  };
  const lines = () => out.join('').trimEnd().split('\n');
  return { io, lines, stdout: () => out.join(''), stderr: () => err.join('') };
}

const keyFiles = { 'active.pem': active.publicKeyPem, 'stranger.pem': stranger.publicKeyPem };

describe('verify-license with an activation file of several licenses', () => {
  it('prints one line per license (serial, valid until, kid) and exits 0 when all are valid', async () => {
    const t = makeIo({ ...keyFiles, 'license-288.slf': one + two + three });
    expect(await runVerifyLicense(['license-288.slf', '--key', 'active.pem'], t.io)).toBe(0);
    const lines = t.lines();
    expect(lines).toHaveLength(4);
    for (const [i, line] of lines.slice(0, 3).entries()) {
      expect(line).toContain(serial(i + 1));
      expect(line).toContain('по 12.04.2027');
      expect(line).toContain(active.kid);
      expect(line).toMatch(/OK$/);
    }
    expect(lines[3]).toBe('Файл лицензий действителен: 3 из 3 (активация № 288).');
    expect(t.stderr()).toBe('');
  });

  it('exits 1 when the second license has a tampered byte, naming that license', async () => {
    const t = makeIo({ ...keyFiles, 'f.slf': one + tamperByte(two) + three });
    expect(await runVerifyLicense(['f.slf', '--key', 'active.pem'], t.io)).toBe(1);
    const [l1, l2, l3] = t.lines();
    expect(l1).toMatch(/^1\/3 .*OK$/);
    expect(l2).toMatch(/^2\/3 {2}— {2}НЕДЕЙСТВИТЕЛЬНА \(BAD_SIGNATURE\)/);
    expect(l3).toMatch(/^3\/3 .*OK$/);
    expect(t.stderr()).toContain('не прошли проверку 1 из 3');
  });

  it('exits 1 for a key that did not sign the file', async () => {
    const t = makeIo({ ...keyFiles, 'f.slf': one + two });
    expect(await runVerifyLicense(['f.slf', '--key', 'stranger.pem'], t.io)).toBe(1);
    expect(t.lines().filter((l) => l.includes('BAD_SIGNATURE'))).toHaveLength(2);
  });

  it('exits 1 when one license claims another algorithm', async () => {
    const t = makeIo({ ...keyFiles, 'f.slf': one + withEnvelope(two, { alg: 'base64+rsa' }) });
    expect(await runVerifyLicense(['f.slf', '--key', 'active.pem'], t.io)).toBe(1);
    expect(t.lines()[1]).toContain('UNSUPPORTED_ALGORITHM');
  });

  it('shows the serial of a correctly signed but expired license', async () => {
    const expired = sign(4, active, '2026-05-31');
    const t = makeIo({ ...keyFiles, 'f.slf': one + expired });
    expect(await runVerifyLicense(['f.slf', '--key', 'active.pem'], t.io)).toBe(1);
    expect(t.lines()[1]).toMatch(new RegExp(`^2/2 {2}${serial(4)} {2}НЕДЕЙСТВИТЕЛЬНА \\(EXPIRED\\)`));
  });

  it('exits 1 with MALFORMED for text between licenses, before checking any', async () => {
    const t = makeIo({ ...keyFiles, 'f.slf': `${one}garbage\n${two}` });
    expect(await runVerifyLicense(['f.slf', '--key', 'active.pem'], t.io)).toBe(1);
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toMatch(/MALFORMED.*строка \d+: текст вне лицензии/);
  });

  it('--url: a license signed by a retired key still verifies next to the active one', async () => {
    const file = sign(1, retired) + sign(2, active);
    const published = { keys: [entry(active, 'active'), entry(retired, 'retired')] };
    const t = makeIo({ 'f.slf': file }, published);
    expect(await runVerifyLicense(['f.slf', '--url', 'https://lk.example.ru'], t.io)).toBe(0);
    expect(t.lines()[0]).toContain(retired.kid);
    expect(t.lines()[1]).toContain(active.kid);

    const withoutRetired = makeIo({ 'f.slf': file }, { keys: [entry(active, 'active')] });
    expect(await runVerifyLicense(['f.slf', '--url', 'https://lk.example.ru'], withoutRetired.io)).toBe(1);
    expect(withoutRetired.lines()[0]).toContain('UNKNOWN_KEY');
  });

  it('keeps the single-license report for a file of one license', async () => {
    const t = makeIo({ ...keyFiles, 'f.slf': one });
    expect(await runVerifyLicense(['f.slf', '--key', 'active.pem'], t.io)).toBe(0);
    expect(t.stdout()).toContain('Файл лицензии действителен.');
    expect(t.stdout()).toContain(`Серийный номер устройства: ${serial(1)}`);
  });
});
