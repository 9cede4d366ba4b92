/**
 * The web's API types come from the server's OpenAPI document (issue 9, item 3): this script builds the app
 * in-process without listening, takes `app.swagger()` and turns it into `src/web/api/schema.d.ts` with
 * openapi-typescript. `--check` (run by `npm run check`) fails when the committed file is stale.
 *
 * openapi-typescript needs the TypeScript 5 compiler API, which the root's TypeScript 7 lacks, so it lives in
 * the nested package `tools/openapi` (installed here on first use with its own lock file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from '../src/server/app';
import type { Config } from '../src/server/config';
import type { AppDeps } from '../src/server/http/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(ROOT, 'tools/openapi');
const GENERATOR = path.join(TOOLS_DIR, 'node_modules/openapi-typescript/dist/index.mjs');
const BIOME = path.join(ROOT, 'node_modules/.bin/biome');
export const SCHEMA_FILE = path.join(ROOT, 'src/web/api/schema.d.ts');

/** What the script uses of openapi-typescript's API (the package's own types need TypeScript 5). */
type Generator = {
  default: (schema: object, options: { alphabetize?: boolean }) => Promise<unknown>;
  astToString: (ast: unknown) => string;
};

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run api:types\` (scripts/openapi.ts). Do not edit:
 * \`npm run check\` fails when this file differs from what the routes describe.
 */

`;

/** The OpenAPI document exactly as `GET /api/docs/json` serves it; routes only register, nothing runs. */
export async function openApiDocument(): Promise<object> {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    appSecret: 'openapi-openapi-openapi-openapi-openapi-0123',
    publicUrl: 'http://127.0.0.1',
    smtpUrl: undefined,
    mailFrom: 'Кабинет <no-reply@kabinet.local>',
    logLevel: 'silent',
    trustProxy: false,
    storageDir: '/nonexistent',
    uploadLimitBytes: 1024,
  };
  // Building the routes touches neither the database nor storage nor jobs; requests would.
  const deps = { config } as AppDeps;
  const app = await buildApp({ deps, webDir: null, logger: false });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

async function loadGenerator(): Promise<Generator> {
  if (!existsSync(GENERATOR)) {
    console.error('tools/openapi: installing openapi-typescript (npm ci --prefix tools/openapi)');
    execFileSync('npm', ['ci', '--prefix', TOOLS_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  return (await import(pathToFileURL(GENERATOR).href)) as Generator;
}

export async function generateSchemaTypes(): Promise<string> {
  const [generator, document] = await Promise.all([loadGenerator(), openApiDocument()]);
  const ast = await generator.default(document, { alphabetize: true });
  // Formatted as `biome check` wants it, so the generated file passes lint like any other.
  return execFileSync(BIOME, ['format', `--stdin-file-path=${SCHEMA_FILE}`], {
    input: HEADER + generator.astToString(ast),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const text = await generateSchemaTypes();
  if (!check) {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(ROOT, SCHEMA_FILE)}`);
    return;
  }
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (committed !== text) {
    console.error(
      `${path.relative(ROOT, SCHEMA_FILE)} is stale: the server's routes describe a different API.\n` +
        'Run `npm run api:types` and commit the result.',
    );
    process.exitCode = 1;
  }
}

await main();
