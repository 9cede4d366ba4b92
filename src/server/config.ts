import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseAddressList } from './http/address-ranges';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Who may read `GET /metrics` without a token: this machine only (README, `METRICS_ALLOW`). */
export const DEFAULT_METRICS_ALLOW = '127.0.0.1/8,::1';

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Every setting comes from the environment and is checked at start (README, «Настройка»). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'ожидается адрес вида postgres://user@host:5432/db')
      .optional(),
  ),
  APP_SECRET: optionalString.pipe(z.string().min(32, 'не короче 32 символов').optional()),
  PUBLIC_URL: optionalString.pipe(z.url('ожидается адрес вида https://kabinet.example.ru').optional()),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'ожидается адрес вида smtp://user:pass@host:587')
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).default('Кабинет <no-reply@kabinet.local>'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: optionalString,
  STORAGE_DIR: optionalString,
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1, 'целое число МиБ, от 1').default(4096),
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'не короче 16 символов').optional()),
  METRICS_ALLOW: z
    .string()
    .trim()
    .default(DEFAULT_METRICS_ALLOW)
    .superRefine((value, ctx) => {
      try {
        parseAddressList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  ALLOW_PRIVATE_INTEGRATION_URLS: z.enum(['true', 'false'], 'ожидается true или false').default('false'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  appSecret: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Fastify's trustProxy: false, true, a hop count, or addresses/CIDRs of the reverse proxy. */
  trustProxy: boolean | number | string;
  /** Product files (distributions, documentation): `STORAGE_DIR`, default `DATA_DIR/files`. */
  storageDir: string;
  /** The largest product file an operator may upload, in bytes (`UPLOAD_LIMIT_MB`, default 4 GiB). */
  uploadLimitBytes: number;
  /** `METRICS_TOKEN`: a Bearer token that opens `GET /metrics` from any address. */
  metricsToken?: string | undefined;
  /** `METRICS_ALLOW`: addresses/CIDRs that read `GET /metrics` without a token (default DEFAULT_METRICS_ALLOW). */
  metricsAllow?: string;
  /** `ALLOW_PRIVATE_INTEGRATION_URLS`: vendor integration URLs may reach loopback/private networks (off: SSRF). */
  allowPrivateIntegrationUrls?: boolean;
};

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads or creates `DATA_DIR/app-secret` so sessions survive restarts without a secret in git. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '?');
      return `  ${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Неверные переменные окружения:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    appSecret: e.APP_SECRET ?? loadOrCreateSecret(dataDir),
    publicUrl: (e.PUBLIC_URL ?? `http://${publicHost}:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    storageDir: path.resolve(e.STORAGE_DIR ?? path.join(dataDir, 'files')),
    uploadLimitBytes: e.UPLOAD_LIMIT_MB * 1024 * 1024,
    metricsToken: e.METRICS_TOKEN,
    metricsAllow: e.METRICS_ALLOW,
    allowPrivateIntegrationUrls: e.ALLOW_PRIVATE_INTEGRATION_URLS === 'true',
  };
}
