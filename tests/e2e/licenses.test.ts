import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp({ smtp: true, webDir: path.resolve('dist/web') });
  browser = await launchBrowser();
  await createProductCard(t.db, 'AO', 'AlterOffice');
  await createProductCard(t.db, 'AD', 'AlterOS');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const { withPage, logIn } = browserSteps(
  () => browser,
  () => t.url,
);

describe('licenses (seed 000)', () => {
  it('shows the owner the license table; a serial opens its meaning; «Продукты» lists the cards', async () => {
    const org = await createOrg(t.db, { shortName: 'ООО «Лицензиат»', programs: ['licenses'] });
    const owner = await createUser(t.db, { email: 'licensee@example.test', memberOf: [[org.id, 'owner']] });
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const staff = await t.loginAs(admin.email, PASSWORD);
    const ao = await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
    const ad = await createArticle(t.db, 'AD-19629913021', { name: 'AlterOS Стандартная' });
    const issued: LicenseIssueResponse['licenses'] = [];
    for (const [article, quantity, serialsCount] of [
      [ao, 10, 2],
      [ad, 3, 1],
    ] as const) {
      const res = await staff.post<LicenseIssueResponse>('/api/v1/admin/licenses/issue', {
        organizationId: org.id,
        articleId: article.id,
        quantity,
        serialsCount,
      });
      expect(res.status).toBe(201);
      issued.push(...res.body.licenses);
    }
    const serial = issued[0]?.serial ?? '';
    expect(serial).toMatch(/^\d{2}-AO-19619913021-\d{3}-\d{4}$/);

    await withPage('licenses-home', async (page) => {
      await logIn(page, owner.email, PASSWORD);
      const table = page.getByRole('table', { name: 'Лицензии' });
      await expect
        .poll(() => table.getByRole('button', { name: serial }).isVisible(), { timeout: 10_000 })
        .toBe(true);
      const header = await table.locator('thead').textContent();
      for (const column of ['ID', 'Лицензия', 'Серийный номер', 'Продукт', 'Количество', 'Активировано']) {
        expect(header).toContain(column);
      }
      await expect.poll(() => table.getByText('AlterOS Стандартная').isVisible()).toBe(true);
      await screenshot(page, 'licenses-home');

      // Search by product narrows the table to AlterOS.
      await page.getByPlaceholder('Поиск по серийному номеру или продукту').fill('AlterOS');
      await expect
        .poll(() => table.getByText('AlterOffice Стандартная').count(), { timeout: 10_000 })
        .toBe(0);
      await page.getByRole('button', { name: 'Очистить' }).click();
      await expect
        .poll(() => table.getByRole('button', { name: serial }).isVisible(), { timeout: 10_000 })
        .toBe(true);

      // The serial opens its meaning: the product in words and the generation date.
      await table.getByRole('button', { name: serial }).click();
      const dialog = page.getByRole('dialog', { name: 'Расшифровка серийного номера' });
      await expect.poll(() => dialog.getByText('AlterOffice', { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => dialog.getByText('Бессрочная лицензия').isVisible()).toBe(true);
      await expect.poll(() => dialog.getByText('Дата генерации').isVisible()).toBe(true);
      await screenshot(page, 'licenses-decoded');
      await page.keyboard.press('Escape');

      // «Продукты»: cards with «Подробнее» to the product's site in a new tab.
      await page.getByRole('link', { name: 'Продукты' }).click();
      const more = page.getByRole('link', { name: 'Подробнее о продукте AlterOffice' });
      await expect.poll(() => more.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await more.getAttribute('href')).toBe('https://ao.example/');
      expect(await more.getAttribute('target')).toBe('_blank');
      expect(await more.getAttribute('rel')).toContain('noopener');
      await screenshot(page, 'products');
    });
  });

  it('decodes a serial for a guest at /serial-number, or names the wrong part', async () => {
    await withPage('serial-number', async (page) => {
      await page.goto(`${t.url}/login`);
      await page.getByRole('link', { name: 'Расшифровка серийного номера' }).click();
      await expect.poll(() => page.url()).toContain('/serial-number');
      await page.getByRole('textbox', { name: 'Серийный номер' }).fill('21-AO-19619913021-266-3388');
      await page.getByRole('button', { name: 'Расшифровать' }).click();
      await expect
        .poll(() => page.getByRole('cell', { name: 'AlterOffice' }).isVisible(), { timeout: 10_000 })
        .toBe(true);
      await expect.poll(() => page.getByText('23.09.2021').first().isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('cell', { name: 'Бессрочная лицензия' }).isVisible()).toBe(true);
      await screenshot(page, 'serial-number');

      // A link with ?serial= prefills and decodes; an unknown product code is named in the error.
      await page.goto(`${t.url}/serial-number?serial=${encodeURIComponent('21-ZZ-19619913021-266-3388')}`);
      await expect
        .poll(() => page.getByRole('textbox', { name: 'Серийный номер' }).inputValue(), { timeout: 10_000 })
        .toBe('21-ZZ-19619913021-266-3388');
      await expect
        .poll(() => page.getByText('Серийный номер не расшифровывается').isVisible(), { timeout: 10_000 })
        .toBe(true);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/продукт/i);
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('ZZ');
      await screenshot(page, 'serial-number-error');
    });
  });
});
