import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createArticle, createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp({ webDir: path.resolve('dist/web') });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const { withPage, logIn } = browserSteps(
  () => browser,
  () => t.url,
);

describe('«API-токены» in the back office', () => {
  it('an administrator creates a token with chosen rights, sees it once, an integration issues with it, then it is revoked', async () => {
    const admin = await createUser(t.db, { staffRole: 'admin', name: 'Анна Админова' });
    const org = await createOrg(t.db);
    const article = await createArticle(t.db, 'AO-19619913021');
    const issue = (token: string) =>
      fetch(`${t.url}/api/v1/admin/licenses/issue`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ organizationId: org.id, articleId: article.id, quantity: 1, serialsCount: 2 }),
      });

    await withPage('integration-tokens', async (page) => {
      await logIn(page, admin.email, PASSWORD);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin');
      await page.getByRole('link', { name: 'API-токены' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'API-токены', level: 1 }).isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      await expect.poll(() => page.getByText('Токенов пока нет').isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Создать токен' }).first().click();
      const dialog = page.getByRole('dialog');
      // Without a right the form says so in Russian and sends nothing.
      await dialog.getByLabel(/^Название/).fill('1С: отгрузки');
      await dialog.getByRole('button', { name: 'Создать токен' }).click();
      await expect.poll(() => dialog.getByText('Выберите хотя бы одно право').isVisible()).toBe(true);
      await dialog.getByRole('checkbox', { name: 'Выпуск и загрузка лицензий, активации' }).check();
      await dialog.getByRole('button', { name: 'Создать токен' }).click();

      const secret = dialog.getByLabel('Токен', { exact: true });
      await expect.poll(() => secret.isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => dialog.getByText('Токен показывается один раз').isVisible()).toBe(true);
      await expect.poll(() => dialog.getByRole('button', { name: 'Копировать' }).isVisible()).toBe(true);
      const token = ((await secret.textContent()) ?? '').trim();
      expect(token).toMatch(/^kbt_[A-Za-z0-9_-]{43}$/);
      await screenshot(page, 'integration-token-created');
      await dialog.getByRole('button', { name: 'Я сохранил токен' }).click();

      const table = page.getByRole('table', { name: 'API-токены' });
      const row = table.getByRole('row').filter({ hasText: '1С: отгрузки' });
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Действует');
      await expect.poll(() => row.textContent()).toContain('Выпуск и загрузка лицензий, активации');
      await expect.poll(() => row.textContent()).toContain('Анна Админова');
      await expect.poll(() => row.textContent()).toContain(token.slice(0, 10));
      expect(await page.content()).not.toContain(token);

      const issued = await issue(token);
      expect(issued.status).toBe(201);
      expect(((await issued.json()) as LicenseIssueResponse).licenses).toHaveLength(2);
      await page.reload();
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).not.toContain('Не использовался');

      await row.getByRole('button', { name: 'Отозвать: 1С: отгрузки' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Отозван');
      await screenshot(page, 'integration-token-revoked');
      expect((await issue(token)).status).toBe(401);
    });
  });
});
