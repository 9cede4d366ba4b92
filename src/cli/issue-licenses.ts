import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../server/config';
import type { Database } from '../server/db/client';
import { AppError } from '../server/http/errors';
import type { AppDeps } from '../server/http/types';
import { findArticle } from '../server/modules/catalog/article-view';
import { ensureReferenceData, loadCodeTables } from '../server/modules/catalog/code-tables';
import { issueLicenses } from '../server/modules/licenses/issue-licenses';
import { organizations } from '../server/modules/organizations/schema';
import { Email } from '../shared/api/auth';
import { LicenseIssueBody } from '../shared/api/licenses';
import { parseArticle } from '../shared/serial-number';
import { CLI_ACTOR, cliDeps } from './cli-deps';

export const ISSUE_LICENSES_USAGE = `  issue-licenses --inn ИНН --article АРТИКУЛ [--kpp КПП] [--quantity N] [--serials M]
                 [--email АДРЕС] [--reference ДОКУМЕНТ] [--idempotency-key КЛЮЧ] [--json]
                                        выпустить лицензии организации (как «Отгрузка» в бэк-офисе);
                                        --email — кому отправить вход в кабинет (по умолчанию при
                                        первой отгрузке — контактный адрес организации)
`;

const Options = z.object({
  inn: z
    .string({ error: 'укажите ИНН организации' })
    .trim()
    .regex(/^\d{10}(\d{2})?$/, 'ИНН — 10 или 12 цифр'),
  kpp: z
    .string()
    .trim()
    .regex(/^\d{4}[\dA-Z]{2}\d{3}$/, 'КПП — 9 знаков')
    .optional(),
  article: z.string({ error: 'укажите код артикула, например AO-19619913021' }).trim().min(1),
  quantity: z.coerce
    .number({ error: 'ожидается целое число' })
    .int('ожидается целое число')
    .min(1, 'не меньше 1')
    .max(1_000_000, 'не больше 1 000 000')
    .default(1),
  serials: z.coerce
    .number({ error: 'ожидается целое число' })
    .int('ожидается целое число')
    .min(1, 'не меньше 1')
    .max(10_000, 'не больше 10 000 (столько серийных номеров в сутках)')
    .default(1),
  email: Email.optional(),
  reference: z.string().trim().max(200, 'не длиннее 200 символов').optional(),
  'idempotency-key': z.string().trim().min(1).max(200, 'не длиннее 200 символов').optional(),
  json: z.boolean().default(false),
});

export type IssueLicensesIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
};

const PARSE_ERRORS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'неизвестный параметр',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'у параметра нет значения',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'лишний аргумент',
};

function readOptions(args: string[]): z.infer<typeof Options> | string {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        inn: { type: 'string' },
        kpp: { type: 'string' },
        article: { type: 'string' },
        quantity: { type: 'string' },
        serials: { type: 'string' },
        email: { type: 'string' },
        reference: { type: 'string' },
        'idempotency-key': { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const quoted = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
    return `${PARSE_ERRORS[code] ?? 'неверные параметры'}${quoted ? `: ${quoted}` : ''}`;
  }
  const parsed = Options.safeParse(values);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n');
}

async function findOrganization(
  db: AppDeps['db'],
  inn: string,
  kpp: string | undefined,
): Promise<{ id: string; shortName: string }> {
  const rows = await db
    .select({ id: organizations.id, shortName: organizations.shortName, kpp: organizations.kpp })
    .from(organizations)
    .where(and(eq(organizations.inn, inn), kpp ? eq(organizations.kpp, kpp) : undefined));
  const [first] = rows;
  if (!first)
    throw new AppError(
      'NOT_FOUND',
      kpp ? `Организация с ИНН ${inn} и КПП ${kpp} не найдена` : `Организация с ИНН ${inn} не найдена`,
    );
  if (rows.length > 1)
    throw new AppError(
      'BAD_REQUEST',
      `ИНН ${inn} у нескольких организаций (КПП: ${rows.map((r) => r.kpp ?? '—').join(', ')}): укажите --kpp`,
    );
  return first;
}

/**
 * `npm run kabinet -- issue-licenses …`: the back office's «Отгрузка» from a shell, through the same use case
 * as `POST /api/v1/admin/licenses/issue` (one transaction, the day's serial block, the notice mail in the
 * outbox, the audit event as «cli»). Exit code: 0 issued, 1 refused (reason on stderr), 2 bad arguments.
 */
export async function runIssueLicenses(
  args: string[],
  io: IssueLicensesIo,
  withDatabase: (work: (config: Config, database: Database) => Promise<number>) => Promise<number>,
): Promise<number> {
  const options = readOptions(args);
  if (typeof options === 'string') {
    io.stderr.write(`${options}\n\nИспользование: npm run kabinet -- <команда>\n\n${ISSUE_LICENSES_USAGE}`);
    return 2;
  }
  return withDatabase((config, database) => issue(options, io, config, database));
}

async function issue(
  options: z.infer<typeof Options>,
  io: IssueLicensesIo,
  config: Config,
  database: Database,
): Promise<number> {
  const deps = cliDeps(config, database);
  try {
    await ensureReferenceData(database.db);
    const organization = await findOrganization(database.db, options.inn, options.kpp);
    const parsedArticle = parseArticle(options.article, await loadCodeTables(database.db));
    const code = parsedArticle.ok ? parsedArticle.article : options.article.toUpperCase();
    const article = await findArticle(database.db, { code });
    if (!article) throw new AppError('NOT_FOUND', `Артикул ${code} не найден`);
    const body = LicenseIssueBody.parse({
      organizationId: organization.id,
      articleId: article.id,
      quantity: options.quantity,
      serialsCount: options.serials,
      reference: options.reference,
      recipientEmail: options.email,
    });
    const { response, replayed } = await issueLicenses(deps, body, {
      actor: CLI_ACTOR,
      idempotencyKey: options['idempotency-key'] ?? null,
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ ...response, replayed })}\n`);
      return 0;
    }
    io.stdout.write(`${response.licenses.map((l) => l.serial).join('\n')}\n`);
    const count = response.licenses.length;
    io.stderr.write(
      `${replayed ? 'Повтор по ключу идемпотентности: это результат первого выпуска, новых лицензий нет. ' : ''}` +
        `${organization.shortName}: ${response.article.code} «${response.article.name}», ` +
        `серийных номеров ${count}, по ${response.quantity} шт.\n` +
        (response.invitedEmail
          ? `${response.invitedEmail} добавлен в кабинет организации, приглашение ждёт в исходящей почте (его отправит сервер).\n`
          : ''),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr.write(`Лицензии не выпущены: ${error.message}\n`);
    if (options.json)
      io.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } })}\n`,
      );
    return 1;
  }
}
