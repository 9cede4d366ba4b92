import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDeps } from '../../src/cli/cli-deps';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import type { AppDeps } from '../../src/server/http/types';
import { createUser } from '../../src/server/modules/identity/create-user';
import { sendUserPasswordReset } from '../../src/server/modules/identity/send-user-password-reset';
import { setUserStatus } from '../../src/server/modules/identity/set-user-status';
import { updateUser } from '../../src/server/modules/identity/update-user';
import { findUserById } from '../../src/server/modules/identity/users';
import { createUser as createTestUser } from '../helpers/factories';
import { TEST_SECRET } from '../helpers/harness';
import { openTestDatabase } from '../helpers/test-database';

/**
 * The back office's rule «Сотрудников оператора … только администратор» lives in identity's use cases, not
 * in the routes: whoever calls them (a route, the CLI, a job) with a non-admin staff role is refused.
 */
let database: Database;
let drop: () => Promise<void>;
let deps: AppDeps;
const actor = { userId: null, email: 'test', ip: null };

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const config = loadConfig({
    DATA_DIR: path.join(tmpdir(), 'kabinet-staff-rights-unused'),
    APP_SECRET: TEST_SECRET,
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  deps = cliDeps(config, database);
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

const forbidden = (message: string) => expect.objectContaining({ code: 'FORBIDDEN', message });

describe('staff-only changes are checked by the use cases', () => {
  it('only an administrator creates an operator employee; a manager creates a customer', async () => {
    const input = { email: 'support@example.test', name: 'Поддержка', staffRole: 'support' as const };
    for (const actingRole of ['manager', null] as const)
      await expect(createUser(deps, { input, actingRole, actor })).rejects.toEqual(
        forbidden('Сотрудников оператора создаёт только администратор'),
      );
    const customer = await createUser(deps, {
      input: { email: 'customer@example.test', name: 'Клиент', password: 'Str0ng!Pass-42' },
      actingRole: 'manager',
      actor,
    });
    expect(customer.staffRole).toBeNull();
    const employee = await createUser(deps, { input, actingRole: 'admin', actor });
    expect(employee.staffRole).toBe('support');
  });

  it('a manager neither edits, blocks nor sends a reset link to an employee, nor raises a customer to staff', async () => {
    const employee = await createTestUser(database.db, { staffRole: 'support' });
    const customer = await createTestUser(database.db);
    const actingRole = 'manager' as const;
    await expect(
      updateUser(deps, { id: employee.id, patch: { name: 'X' }, actingRole, actor }),
    ).rejects.toEqual(forbidden('Сотрудников оператора изменяет только администратор'));
    await expect(
      updateUser(deps, { id: customer.id, patch: { staffRole: 'admin' }, actingRole, actor }),
    ).rejects.toEqual(forbidden('Сотрудников оператора изменяет только администратор'));
    await expect(
      setUserStatus(deps, { id: employee.id, status: 'blocked', actingRole, actor }),
    ).rejects.toEqual(forbidden('Сотрудников оператора блокирует только администратор'));
    await expect(sendUserPasswordReset(deps, { id: employee.id, actingRole, actor })).rejects.toEqual(
      forbidden('Ссылку сотруднику оператора отправляет только администратор'),
    );
    expect(await findUserById(database.db, employee.id)).toMatchObject({
      name: employee.name,
      status: 'active',
    });
    expect((await findUserById(database.db, customer.id))?.staffRole).toBeNull();

    await updateUser(deps, { id: customer.id, patch: { name: 'Новое имя' }, actingRole, actor });
    await setUserStatus(deps, { id: employee.id, status: 'blocked', actingRole: 'admin', actor });
    expect(await findUserById(database.db, customer.id)).toMatchObject({ name: 'Новое имя' });
    expect(await findUserById(database.db, employee.id)).toMatchObject({ status: 'blocked' });
  });

  it('an unknown user is 404 before any rights question', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(
      setUserStatus(deps, { id, status: 'blocked', actingRole: 'manager', actor }),
    ).rejects.toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
    await expect(sendUserPasswordReset(deps, { id, actingRole: 'manager', actor })).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
