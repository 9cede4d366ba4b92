/**
 * `verify-license FILE [--key PEM_FILE | --url BASE]` (ARCHITECTURE.md, stable contracts): exit 0 only for a
 * valid, unexpired, correctly signed file; 1 when the file was checked and is not valid; 2 when it could not
 * be checked (usage, unreadable file or key, key endpoint unavailable). A file of several licenses (an
 * activation's `.slf`) is valid only when every license in it is; each gets one line. All I/O is injected so the command is
 * testable without disk or network, and the CLI entry point only wires Node's fs/fetch/process in.
 */
import { createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { verifyLicenseBundle } from './bundle';
import { formatLicenseDate, type LicenseKeySet, type VerifyResult } from './format';
import { type KeyInput, LicenseKeyError, publicKeyFromPem } from './keys';

/** The subset of a fetch `Response` used here; `globalThis.fetch` satisfies it. */
export type FetchLikeResponse = { ok: boolean; status: number; json(): Promise<unknown> };

export type VerifyCliIo = {
  /** Reads a text file (UTF-8). */
  readFile: (path: string) => Promise<string>;
  fetch: (url: string) => Promise<FetchLikeResponse>;
  /** `process.stdout` / `process.stderr` fit. */
  stdout: { write: (chunk: string) => unknown };
  stderr: { write: (chunk: string) => unknown };
  now?: Date;
};

export const VERIFY_LICENSE_USAGE = [
  'Использование: verify-license ФАЙЛ (--key PEM_ФАЙЛ | --url АДРЕС)',
  '  --key PEM_ФАЙЛ  открытый ключ Ed25519 в формате PEM',
  '  --url АДРЕС     адрес Kabinet; ключи берутся из АДРЕС/api/v1/license-keys',
  'В файле может быть несколько лицензий (файл активации): проверяется каждая, по строке на лицензию.',
  'Код выхода: 0 — действительны все лицензии файла, 1 — файл недействителен, 2 — проверку выполнить не удалось.',
].join('\n');

/** Published key set (`GET /api/v1/license-keys`); extra fields are ignored, a key needs PEM or JWK. */
const PublishedKeys = z.object({
  keys: z.array(
    z.object({
      kid: z.string(),
      publicKeyPem: z.string().optional(),
      jwk: z.object({ kty: z.string(), crv: z.string(), x: z.string() }).optional(),
    }),
  ),
});
type PublishedKey = z.infer<typeof PublishedKeys>['keys'][number];

/** Raised for "could not check" conditions; maps to exit code 2. */
class UsageError extends Error {}

type Args = { file: string; key?: string; url?: string };

const OPTIONS = {
  key: { type: 'string' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseCliArgs(argv: readonly string[]): Args {
  // Tolerate being handed the argv with the command name still in front.
  const args = argv[0] === 'verify-license' ? argv.slice(1) : [...argv];
  const parse = () => parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? `Неверные аргументы: ${error.message}` : 'Неверные аргументы.',
    );
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('Укажите ровно один файл лицензии.');
  if ((values.key === undefined) === (values.url === undefined)) {
    throw new UsageError('Укажите ровно один источник ключа: --key или --url.');
  }
  return { file, key: values.key, url: values.url };
}

async function readText(io: VerifyCliIo, path: string, what: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch {
    throw new UsageError(`Не удалось прочитать ${what} «${path}».`);
  }
}

/** `--key`: the operator names the key, so it is used whatever kid the file carries; the signature decides. */
async function keysFromFile(io: VerifyCliIo, path: string): Promise<LicenseKeySet> {
  const pem = await readText(io, path, 'файл ключа');
  try {
    const key = publicKeyFromPem(pem);
    return () => key;
  } catch (error) {
    const reason = error instanceof LicenseKeyError ? error.message : 'ключ не удалось прочитать.';
    throw new UsageError(`Ключ «${path}» непригоден: ${reason}`);
  }
}

/** PEM is preferred; a JWK-only entry is imported as is (verifyLicense still insists on Ed25519). */
function keyInputOf(entry: PublishedKey): KeyInput | undefined {
  if (entry.publicKeyPem !== undefined) return entry.publicKeyPem;
  if (entry.jwk === undefined) return undefined;
  try {
    return createPublicKey({ key: entry.jwk, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/**
 * `--url`: fetches the published key set. Retired keys stay in the set on purpose — files issued before a
 * rotation remain valid — so the lookup is by kid only.
 */
async function keysFromUrl(io: VerifyCliIo, base: string): Promise<LicenseKeySet> {
  let url: URL;
  try {
    url = new URL(`${base.replace(/\/+$/, '')}/api/v1/license-keys`);
  } catch {
    throw new UsageError(`Неверный адрес «${base}».`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`Неверный адрес «${base}».`);
  let body: unknown;
  try {
    const response = await io.fetch(url.toString());
    if (!response.ok) throw new UsageError(`Сервер ключей ответил ${response.status} (${url.toString()}).`);
    body = await response.json();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Не удалось получить ключи подписи с ${url.toString()}.`);
  }
  const parsed = PublishedKeys.safeParse(body);
  if (!parsed.success) throw new UsageError(`Сервер ${url.toString()} вернул ключи в неизвестном формате.`);
  const byKid = new Map<string, KeyInput>();
  for (const entry of parsed.data.keys) {
    const input = keyInputOf(entry);
    if (input !== undefined && !byKid.has(entry.kid)) byKid.set(entry.kid, input);
  }
  return (kid) => byKid.get(kid);
}

function summary(result: Valid): string {
  const p = result.payload;
  return [
    'Файл лицензии действителен.',
    `Серийный номер устройства: ${p.deviceSerial}`,
    `Модель: ${p.model}`,
    `Вендор: ${p.vendor}`,
    `Тип лицензии: ${p.licenseType}`,
    `Действует с ${formatLicenseDate(p.validFrom)} по ${formatLicenseDate(p.validUntil)} включительно`,
    `Активация № ${p.activationNumber}`,
    `Лицензиат: ${p.licenseeName}, ИНН ${p.licenseeInn}`,
    `Ключ подписи: ${result.kid}`,
  ].join('\n');
}

type Valid = Extract<VerifyResult, { ok: true }>;

/** One line of a multi-license file: position, serial, last day, key — or why the license is not valid. */
function licenseLine(result: VerifyResult, index: number, total: number): string {
  const position = `${String(index + 1).padStart(String(total).length)}/${total}`;
  if (result.ok) {
    const p = result.payload;
    return `${position}  ${p.deviceSerial}  действует по ${formatLicenseDate(p.validUntil)}  ключ ${result.kid}  OK`;
  }
  // The serial is shown only once the signature has verified (EXPIRED, NOT_YET_VALID): never unsigned text.
  const serial = result.payload?.deviceSerial ?? '—';
  return `${position}  ${serial}  НЕДЕЙСТВИТЕЛЬНА (${result.code}): ${result.message}`;
}

function reportSingle(io: VerifyCliIo, result: VerifyResult): number {
  if (result.ok) {
    io.stdout.write(`${summary(result)}\n`);
    return 0;
  }
  const details = result.payload
    ? `\nУстройство ${result.payload.deviceSerial}, активация № ${result.payload.activationNumber}.`
    : '';
  io.stderr.write(`Файл лицензии недействителен (${result.code}): ${result.message}${details}\n`);
  return 1;
}

function reportMany(io: VerifyCliIo, results: VerifyResult[]): number {
  for (const [index, result] of results.entries())
    io.stdout.write(`${licenseLine(result, index, results.length)}\n`);
  const invalid = results.filter((result) => !result.ok).length;
  if (invalid === 0) {
    const valid = results as Valid[];
    const activations = [...new Set(valid.map((r) => r.payload.activationNumber))].join(', ');
    io.stdout.write(
      `Файл лицензий действителен: ${results.length} из ${results.length} (активация № ${activations}).\n`,
    );
    return 0;
  }
  io.stderr.write(
    `Файл лицензий недействителен: не прошли проверку ${invalid} из ${results.length} лицензий.\n`,
  );
  return 1;
}

/** Runs `verify-license`; resolves to the process exit code and never rejects. */
export async function runVerifyLicense(argv: readonly string[], io: VerifyCliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    const text = await readText(io, args.file, 'файл лицензии');
    const keys =
      args.key !== undefined ? await keysFromFile(io, args.key) : await keysFromUrl(io, args.url ?? '');
    const bundle = verifyLicenseBundle({ text, keys, now: io.now });
    if (bundle.error) {
      io.stderr.write(`Файл лицензии недействителен (${bundle.error.code}): ${bundle.error.message}\n`);
      return 1;
    }
    const [only] = bundle.results;
    return bundle.results.length === 1 && only ? reportSingle(io, only) : reportMany(io, bundle.results);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : 'Непредвиденная ошибка при проверке.';
    io.stderr.write(`${message ? `${message}\n` : ''}${VERIFY_LICENSE_USAGE}\n`);
    return 2;
  }
}
