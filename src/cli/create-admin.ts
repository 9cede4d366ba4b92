import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Config } from '../server/config';
import type { Database } from '../server/db/client';
import { AppError } from '../server/http/errors';
import { createUser } from '../server/modules/identity/create-user';
import { grantAdmin } from '../server/modules/identity/grant-admin';
import { Email, Password } from '../shared/api/auth';
import { CLI_ACTOR, cliDeps } from './cli-deps';

export const CREATE_ADMIN_USAGE =
  '  create-admin --email E --password P   создать администратора оператора (или выдать роль admin существующему)\n';

export type CreateAdminIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
};

/**
 * `npm run kabinet -- create-admin …`: the back office's «Создать пользователя» with the administrator role,
 * through the same use case as `POST /api/v1/admin/users` (the CLI acts as the operator's administrator). An
 * email already taken gets the role, the password and its access back. Exit code: 0 done, 2 bad arguments.
 */
export async function runCreateAdmin(
  args: string[],
  io: CreateAdminIo & { usage: string },
  withDatabase: (work: (config: Config, database: Database) => Promise<void>) => Promise<void>,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const parsed = z
    .object({ email: Email, password: Password, name: z.string().optional() })
    .safeParse(values);
  if (!parsed.success) {
    io.stderr.write(
      `${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n')}\n\n${io.usage}`,
    );
    return 2;
  }
  const { email, password, name } = parsed.data;
  await withDatabase(async (config, database) => {
    const deps = cliDeps(config, database);
    try {
      await createUser(deps, {
        input: { email, password, name: name ?? 'Администратор', staffRole: 'admin' },
        actingRole: 'admin',
        actor: CLI_ACTOR,
      });
    } catch (error) {
      // The email is taken: the command's other half, a way back in for a locked-out administrator.
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
      if (!(await grantAdmin(deps, { email, password, actor: CLI_ACTOR }))) throw error;
    }
  });
  io.stdout.write(`Администратор ${email} готов. Войдите в бэк-офис: /admin\n`);
  return 0;
}
