import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import type { TestClient } from '../helpers/client';
import { createArticle, createOrg, createProductCard, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp({ smtp: true, webDir: path.resolve('dist/web') });
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

/** Uploads a distribution the way the back office does: multipart, fields first, then the file. */
async function uploadDistribution(staff: TestClient, productCode: string, bytes: Buffer): Promise<void> {
  const form = new FormData();
  form.append('kind', 'distribution');
  form.append('title', 'AlterOffice');
  form.append('version', '3.2.0');
  form.append('releasedOn', '2026-11-02');
  form.append('notes', 'Исправления в табличном редакторе');
  form.append('file', new Blob([new Uint8Array(bytes)]), 'alteroffice-3.2.0.tar.gz');
  const res = await fetch(`${t.url}/api/v1/admin/catalog/products/${productCode}/files`, {
    method: 'POST',
    headers: { cookie: staff.cookieHeader, 'x-csrf-token': staff.csrfToken ?? '' },
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe('a customer from the first shipment to a support request (seed 000)', () => {
  it('operator issues → the contact gets a login → licenses, decoding, download, support request', async () => {
    await createProductCard(t.db, 'AO', 'AlterOffice');
    await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
    const org = await createOrg(t.db, {
      shortName: 'ООО «Путь клиента»',
      contactEmail: 'it@put-klienta.example',
      programs: [],
    });
    const admin = await createUser(t.db, { staffRole: 'admin', email: 'operator@kabinet.test' });
    await createUser(t.db, { staffRole: 'support', email: 'support@kabinet.test' });
    const staff = await t.loginAs(admin.email, PASSWORD);
    const distribution = randomBytes(256 * 1024);
    await uploadDistribution(staff, 'AO', distribution);

    // The operator ships two serials of 5 seats each in the back office; this is the first shipment.
    let serial = '';
    await withPage('journey-operator', async (page) => {
      await logIn(page, admin.email, PASSWORD);
      const menu = page.getByRole('navigation', { name: 'Меню бэк-офиса' });
      await expect
        .poll(() => menu.getByRole('link', { name: 'Выдача лицензий' }).isVisible(), { timeout: 10_000 })
        .toBe(true);
      await menu.getByRole('link', { name: 'Выдача лицензий' }).click();
      await page.getByRole('combobox', { name: /^Организация/ }).fill('Путь');
      await page.getByRole('option', { name: `ООО «Путь клиента» · ИНН ${org.inn}` }).click();
      await page.getByRole('combobox', { name: /^Артикул/ }).fill('19619913021');
      await page.getByRole('option', { name: /^AO-19619913021/ }).click();
      await page.getByLabel(/^Количество/).fill('5');
      await page.getByLabel(/^Серийных номеров/).fill('2');
      await page.getByLabel(/^Основание/).fill('Договор № 17');
      await page.getByRole('button', { name: 'Выпустить лицензии' }).click();
      const serials = page.getByRole('table', { name: 'Серийные номера' });
      await expect.poll(() => serials.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
      serial = ((await serials.locator('tbody td:nth-child(2)').first().textContent()) ?? '').trim();
      await expect
        .poll(() =>
          page.getByText('владельцу отправлено приглашение в кабинет на it@put-klienta.example').isVisible(),
        )
        .toBe(true);
    });
    expect(serial).toMatch(/^\d{2}-AO-19619913021-\d{3}-\d{4}$/);

    // The contact receives the login and a link to set the password.
    const mail = await t.mailbox.waitForMail((m) => m.to.includes('it@put-klienta.example'));
    expect(mail.subject).toBe('Доступ к личному кабинету и ваши лицензии');
    expect(mail.text).toContain('Логин: it@put-klienta.example');
    const link = /(https?:\/\/\S+\/reset-password\?token=[\w%-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();

    await withPage('journey', async (page) => {
      await page.goto(link ?? '');
      await page.getByLabel(/^Новый пароль/).fill('put-klienta-2026');
      await page.getByLabel(/^Повторите новый пароль/).fill('put-klienta-2026');
      await page.getByRole('button', { name: 'Сохранить пароль' }).click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/login');
      await logIn(page, 'it@put-klienta.example', 'put-klienta-2026');

      // «Главная»: the licenses table with both serials; a click decodes one.
      const table = page.getByRole('table', { name: 'Лицензии' });
      await expect
        .poll(() => table.getByRole('button', { name: serial }).isVisible(), { timeout: 15_000 })
        .toBe(true);
      await expect.poll(() => table.getByText('AlterOffice Стандартная').count()).toBe(2);
      await table.getByRole('button', { name: serial }).click();
      const dialog = page.getByRole('dialog', { name: 'Расшифровка серийного номера' });
      await expect.poll(() => dialog.getByText('Бессрочная лицензия').isVisible()).toBe(true);
      await screenshot(page, 'journey-decoded');
      await page.keyboard.press('Escape');

      // «Скачать»: the distribution of the licensed product, byte for byte.
      await page.getByRole('link', { name: 'Скачать' }).click();
      const button = page.getByRole('link', { name: 'Скачать AlterOffice 3.2.0' });
      await expect.poll(() => button.isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => page.getByText('02.11.2026').first().isVisible()).toBe(true);
      await screenshot(page, 'journey-downloads');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe('alteroffice-3.2.0.tar.gz');
      const saved = await readFile((await download.path()) ?? '');
      expect(createHash('sha256').update(saved).digest('hex')).toBe(
        createHash('sha256').update(distribution).digest('hex'),
      );

      // «Техподдержка»: a request citing the organization's serial number.
      await page.getByRole('link', { name: 'Техподдержка' }).click();
      await page.getByRole('button', { name: 'Новое обращение' }).click();
      const form = page.getByRole('dialog');
      await form.getByRole('combobox', { name: /^Серийный номер/ }).click();
      await page.getByRole('option', { name: serial, exact: true }).click();
      await form.getByLabel(/^Тема/).fill('Не запускается табличный редактор');
      await form.getByLabel(/^Сообщение/).fill('После обновления до 3.2.0 редактор закрывается при старте.');
      await form.getByRole('button', { name: 'Отправить' }).click();
      await expect
        .poll(() => page.getByText('Не запускается табличный редактор').first().isVisible(), {
          timeout: 10_000,
        })
        .toBe(true);
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
      // mantine-datatable fades its empty state out: let the transition end before the screenshot.
      await page.waitForTimeout(500);
      await screenshot(page, 'journey-support');
    });

    // The operator's support staff (the product has no support mailbox of its own) get the request by email.
    const notice = await t.mailbox.waitForMail(
      (m) => m.to.includes('support@kabinet.test') && m.subject.includes('Не запускается табличный редактор'),
    );
    expect(notice.text).toContain(serial);
  });
});
