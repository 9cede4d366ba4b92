import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/shared/api/catalog';
import type { AdminLicenseList } from '../../src/shared/api/licenses';
import { formatDate } from '../../src/shared/dates';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp({ smtp: true, webDir: path.resolve('dist/web') });
  browser = await launchBrowser();
  await createProductCard(t.db, 'AO', 'AlterOffice');
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const { withPage, logIn } = browserSteps(
  () => browser,
  () => t.url,
);

/** Opens a Mantine Select by its label and picks the option with this exact text. */
async function pick(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Windows-1251 bytes of ASCII and Cyrillic А–я text: what Excel in the Russian locale saves as CSV. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no cp1251 byte for ${c}`);
    }),
  );
}

describe('back office (seed 000)', () => {
  it('composes an article, issues serials, sets «Активировано», imports a CSV with row errors', async () => {
    const org = await createOrg(t.db, { shortName: 'ООО «Альфа-Лицензия»', programs: ['licenses'] });
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const staff = await t.loginAs(admin.email, PASSWORD);
    const today = formatDate(new Date());

    await withPage('back-office', async (page) => {
      await logIn(page, admin.email, PASSWORD);
      const menu = page.getByRole('navigation', { name: 'Меню бэк-офиса' });
      await expect
        .poll(() => menu.getByRole('link', { name: 'Артикулы' }).isVisible(), { timeout: 10_000 })
        .toBe(true);

      // «Артикулы» → «Новый артикул»: each part picked from its code table; the code is composed live.
      await menu.getByRole('link', { name: 'Артикулы' }).click();
      await page.getByRole('link', { name: 'Новый артикул' }).click();
      const code = page.getByTestId('article-code');
      await expect.poll(() => code.textContent(), { timeout: 10_000 }).toMatch(/^AA-BCDEFFGHH\d{2}/);
      await pick(page, /^Продукт · AA/, 'AO — AlterOffice');
      await expect.poll(() => code.textContent()).toMatch(/^AO-BCDEFFGHH/);
      await pick(page, /^Версия · B/, '2 — Бизнес');
      await pick(page, /^Тип подписки · C/, '9 — Не подписка');
      await pick(page, /^Соглашение · D/, '6 — Бессрочная лицензия');
      await pick(page, /^Тип лицензии · E/, '2 — Коммерческая');
      await pick(page, /^Период · FF/, '99 — Бессрочная');
      await pick(page, /^Форма поставки · G/, '1 — ESD');
      await pick(page, /^Техподдержка · HH/, '31 — Расширенная');
      await page.getByLabel(/^Год добавления позиции/).fill('2025');
      await expect.poll(() => code.textContent()).toBe('AO-29629913125Готов');
      const preview = page.getByRole('region', { name: 'Артикул', exact: true });
      await expect.poll(() => preview.getByText('Коммерческая').isVisible()).toBe(true);
      await expect.poll(() => preview.getByText('Расширенная').isVisible()).toBe(true);
      await page.getByLabel(/^Наименование/).fill('AlterOffice Бизнес, коммерческая');
      await page.getByLabel(/^Цена/).fill('2000');
      await page.getByLabel(/^Наименование/).click(); // leaving the price field formats it
      await expect.poll(() => page.getByLabel(/^Цена/).inputValue()).toBe('2\u00a0000\u00a0₽');
      await screenshot(page, 'back-office-article-composer');
      await page.getByRole('button', { name: 'Создать артикул' }).click();

      // Saved: the list opens filtered to the new code, the price reads `2 000 ₽`.
      const articles = page.getByRole('table', { name: 'Артикулы' });
      await expect
        .poll(() => articles.getByText('AO-29629913125', { exact: true }).isVisible(), { timeout: 10_000 })
        .toBe(true);
      const articleRow = articles.getByRole('row', { name: /AO-29629913125/ });
      await expect.poll(() => articleRow.textContent()).toContain('2\u00a0000\u00a0₽');
      await expect.poll(() => articleRow.textContent()).toContain(today);
      await screenshot(page, 'back-office-articles');

      // «Выдача лицензий»: organization and article searched on the server, 3 serials of 10 seats.
      await menu.getByRole('link', { name: 'Выдача лицензий' }).click();
      await page.getByRole('combobox', { name: /^Организация/ }).fill('Альфа');
      await page.getByRole('option', { name: `ООО «Альфа-Лицензия» · ИНН ${org.inn}` }).click();
      await page.getByRole('combobox', { name: /^Артикул/ }).fill('29629913125');
      await page.getByRole('option', { name: 'AO-29629913125 — AlterOffice Бизнес, коммерческая' }).click();
      await page.getByLabel(/^Количество/).fill('10');
      await page.getByLabel(/^Серийных номеров/).fill('3');
      await page.getByLabel(/^Основание/).fill('Заказ № 42');
      await expect.poll(() => page.getByText('Серийных номеров: 3 · мест всего: 30').isVisible()).toBe(true);
      await screenshot(page, 'back-office-issue-form');
      // A double click sends one Idempotency-Key: the licenses are issued once.
      const keys: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/v1/admin/licenses/issue'))
          keys.push(request.headers()['idempotency-key'] ?? '');
      });
      await page.getByRole('button', { name: 'Выпустить лицензии' }).dblclick();

      const serialsTable = page.getByRole('table', { name: 'Серийные номера' });
      await expect.poll(() => serialsTable.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
      const serials = (await serialsTable.locator('tbody td:nth-child(2)').allTextContents()).map((s) =>
        s.trim(),
      );
      for (const serial of serials) expect(serial).toMatch(/^\d{2}-AO-29629913125-\d{3}-\d{4}$/);
      await expect.poll(() => page.getByText('Выпущено 3 серийных номера').isVisible()).toBe(true);
      await expect
        .poll(() => page.getByText(`владельцу отправлено приглашение в кабинет на ${org.email}`).isVisible())
        .toBe(true);
      await expect.poll(() => page.getByRole('button', { name: 'Скопировать все' }).isVisible()).toBe(true);
      await screenshot(page, 'back-office-issued');
      const invite = await t.mailbox.waitForMail((mail) => mail.to.includes(org.email));
      expect(invite.text).toContain('/reset-password');
      const registered = await staff.get<AdminLicenseList>(`/api/v1/admin/licenses?organizationId=${org.id}`);
      expect(registered.body.total).toBe(3);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      // «Реестр лицензий», filtered by the organization's INN: the three serials, dated today.
      await page.getByRole('link', { name: 'Лицензии организации в реестре' }).click();
      const registry = page.getByRole('table', { name: 'Реестр лицензий' });
      for (const serial of serials)
        await expect
          .poll(() => registry.getByText(serial, { exact: true }).isVisible(), { timeout: 10_000 })
          .toBe(true);
      const header = await registry.locator('thead').textContent();
      for (const column of [
        'ID',
        'Организация',
        'Серийный номер',
        'Продукт / артикул',
        'Количество',
        'Активировано',
        'Источник',
        'Дата',
      ])
        expect(header).toContain(column);
      const first = serials[0] ?? '';
      const row = registry.getByRole('row', { name: new RegExp(first) });
      await expect.poll(() => row.textContent()).toContain(today);
      await expect.poll(() => row.textContent()).toContain('Выдана');
      await screenshot(page, 'back-office-registry');

      // «Активировано» by hand: 0 … quantity.
      await row.getByRole('button', { name: `Изменить «Активировано»: ${first}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Изменить «Активировано»' });
      await dialog.getByLabel(/^Активировано/).fill('4');
      // Mantine fades the modal in; the screenshot waits for it to settle.
      await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      await screenshot(page, 'back-office-activations');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => row.locator('td').nth(5).textContent(), { timeout: 10_000 }).toBe('4');
      const after = await staff.get<AdminLicenseList>(`/api/v1/admin/licenses?q=${first}`);
      expect(after.body.items.map((l) => [l.serial, l.activated])).toEqual([[first, 4]]);

      // «Импорт лицензий»: a bad row rejects the whole file with a report by row and column.
      await menu.getByRole('link', { name: 'Импорт лицензий' }).click();
      const sample = page.getByRole('link', { name: 'Образец CSV' });
      await expect.poll(() => sample.getAttribute('href'), { timeout: 10_000 }).toMatch(/^data:text\/csv/);
      expect(decodeURIComponent((await sample.getAttribute('href')) ?? '')).toContain(
        'ИНН;Серийный номер;Артикул',
      );
      const csv = (activated: number) =>
        [
          'ИНН;Серийный номер;Артикул;Количество;Активировано',
          `${org.inn};25-AO-29629913125-100-0001;AO-29629913125;5;2`,
          `${org.inn};25-AO-29629913125-100-0002;AO-29629913125;5;${activated}`,
        ].join('\n');
      await page.getByLabel(/^Содержимое файла/).fill(csv(9));
      await page.getByRole('button', { name: 'Загрузить' }).click();
      const report = page.getByRole('table', { name: 'Ошибки в файле' });
      await expect.poll(() => report.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
      expect((await report.locator('tbody td').allTextContents()).map((s) => s.trim())).toEqual([
        '3',
        'Активировано',
        'Активировано (9) больше количества (5)',
      ]);
      await expect
        .poll(() => page.getByText(/^Файл не загружен: ошибки в строках \(1\)/).isVisible())
        .toBe(true);
      await screenshot(page, 'back-office-import-errors');
      const untouched = await staff.get<AdminLicenseList>(`/api/v1/admin/licenses?organizationId=${org.id}`);
      expect(untouched.body.total).toBe(3);

      // The corrected register, uploaded as a Windows-1251 file as Excel saves it, goes in whole.
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: cp1251(csv(1)) });
      await expect.poll(() => page.getByLabel(/^Содержимое файла/).inputValue()).toBe(csv(1));
      await page.getByRole('button', { name: 'Загрузить' }).click();
      await expect
        .poll(() => page.getByText('Добавлено лицензий: 2, организаций: 1.').isVisible(), { timeout: 10_000 })
        .toBe(true);
      await screenshot(page, 'back-office-imported');
      const imported = await staff.get<AdminLicenseList>(`/api/v1/admin/licenses?organizationId=${org.id}`);
      expect(imported.body.total).toBe(5);
      expect(
        imported.body.items
          .filter((l) => l.source === 'imported')
          .map((l) => l.serial)
          .sort(),
      ).toEqual(['25-AO-29629913125-100-0001', '25-AO-29629913125-100-0002']);
    });
  });

  it('«Справочники» show the API’s width error inline; a product card is saved; a token is shown once', async () => {
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const staff = await t.loginAs(admin.email, PASSWORD);

    await withPage('back-office-catalog', async (page) => {
      await logIn(page, admin.email, PASSWORD);
      const menu = page.getByRole('navigation', { name: 'Меню бэк-офиса' });
      await expect
        .poll(() => menu.getByRole('link', { name: 'Справочники' }).isVisible(), { timeout: 10_000 })
        .toBe(true);
      await menu.getByRole('link', { name: 'Справочники' }).click();
      await page.getByRole('tab', { name: 'Версии' }).click();
      const table = page.getByRole('table', { name: 'Таблица 2 – Расшифровка версий' });
      await expect
        .poll(() => table.getByText('Сертифицированная ФСТЭК').isVisible(), { timeout: 10_000 })
        .toBe(true);

      // Width and duplicates are the API's checks; its Russian message stands under the field.
      const form = page.getByRole('form', { name: 'Новый код' });
      await form.getByLabel(/^Код/).fill('xy');
      await form.getByLabel(/^Расшифровка/).fill('Пробная');
      await form.getByRole('button', { name: 'Добавить код' }).click();
      await expect
        .poll(() => form.getByText('Код в таблице 2 должен занимать 1 символ, а «XY» — 2').isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      await screenshot(page, 'back-office-code-error');
      await form.getByLabel(/^Код/).fill('1');
      await form.getByRole('button', { name: 'Добавить код' }).click();
      await expect
        .poll(() => form.getByText('Код «1» уже есть в таблице 2: «Стандартная»').isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      await form.getByLabel(/^Код/).fill('Z');
      await form.getByRole('button', { name: 'Добавить код' }).click();
      const added = table.getByRole('row', { name: /Пробная/ });
      await expect.poll(() => added.textContent(), { timeout: 10_000 }).toContain('Добавлен оператором');
      await added.getByRole('button', { name: 'Вывести из употребления: Z' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Вывести из употребления' }).click();
      await expect.poll(() => added.textContent(), { timeout: 10_000 }).toContain('Выведен');
      await screenshot(page, 'back-office-code-tables');

      // «Продукты» → AlterOffice: a token is shown once with a copy button, then listed by prefix and revoked.
      await menu.getByRole('link', { name: 'Продукты' }).click();
      await page.getByRole('link', { name: 'AlterOffice', exact: true }).click();
      const supportEmail = page.getByLabel(/^Email техподдержки/);
      await expect.poll(() => supportEmail.isVisible(), { timeout: 10_000 }).toBe(true);
      // The support contacts go through the shared save schema: a bad email is refused in the form.
      await supportEmail.fill('support@');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => page.getByText('Введите email вида support@example.ru').isVisible()).toBe(true);
      await supportEmail.fill('support@alter.example');
      await page.getByLabel(/^Телефон техподдержки/).fill('+7 495 123-45-67');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect
        .poll(() => page.getByText('Изменения сохранены').isVisible(), { timeout: 10_000 })
        .toBe(true);
      const saved = await staff.get<Product>('/api/v1/admin/catalog/products/AO');
      expect([saved.body.supportEmail, saved.body.supportPhone]).toEqual([
        'support@alter.example',
        '+7 495 123-45-67',
      ]);
      await page.getByRole('button', { name: 'Создать токен' }).click();
      const dialog = page.getByRole('dialog', { name: 'Создать токен' });
      await dialog.getByLabel(/^Название/).fill('Сервер активации');
      await dialog.getByRole('button', { name: 'Создать токен' }).click();
      const shown = page.getByRole('dialog', { name: 'Токен создан' });
      await expect
        .poll(() => shown.getByText(/^kbp_/).textContent(), { timeout: 10_000 })
        .toMatch(/^kbp_\S{20,}$/);
      await expect.poll(() => shown.getByText('Токен показывается один раз').isVisible()).toBe(true);
      await expect.poll(() => shown.getByRole('button', { name: 'Копировать' }).isVisible()).toBe(true);
      await screenshot(page, 'back-office-token-once');
      await shown.getByRole('button', { name: 'Я сохранил токен' }).click();
      const tokens = page.getByRole('table', { name: 'Токены сервера активации' });
      const tokenRow = tokens.getByRole('row', { name: /Сервер активации/ });
      await expect.poll(() => tokenRow.textContent(), { timeout: 10_000 }).toContain('Не использовался');
      await tokenRow.getByRole('button', { name: 'Отозвать: Сервер активации' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Отозвать' }).click();
      await expect
        .poll(() => tokenRow.textContent(), { timeout: 10_000 })
        .toContain(`Отозван ${formatDate(new Date())}`);
      await screenshot(page, 'back-office-product');
    });
  });
});
