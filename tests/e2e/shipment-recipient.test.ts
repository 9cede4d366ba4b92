import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/server/modules/notifications/schema';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createArticle, createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// Issue 14.7, the form: seed 000 sends the login «на электронный адрес, указанный в форме на отгрузку
// лицензии». «Выдача лицензий» asks for it, starting from the organization's contact e-mail.

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

/** The bodies the form POSTs to the issue endpoint. */
function issueRequests(page: Page): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/admin/licenses/issue'))
      bodies.push(request.postDataJSON() as Record<string, unknown>);
  });
  return bodies;
}

async function fillShipment(page: Page, name: string, inn: string): Promise<void> {
  await page.getByRole('combobox', { name: /^Организация/ }).fill(name);
  await page.getByRole('option', { name: `${name} · ИНН ${inn}` }).click();
  await page.getByRole('combobox', { name: /^Артикул/ }).fill('19619913021');
  await page.getByRole('option', { name: /^AO-19619913021/ }).click();
}

describe('«Выдача лицензий»: the recipient’s e-mail', () => {
  it('starts from the contact e-mail, is validated, and the login goes to the address entered', async () => {
    await createArticle(t.db, 'AO-19619913021', { name: 'AlterOffice Стандартная' });
    const org = await createOrg(t.db, {
      shortName: 'ООО «Получатель»',
      contactEmail: 'contact@poluchatel.example',
    });
    const admin = await createUser(t.db, { staffRole: 'admin' });
    await withPage('shipment-recipient', async (page) => {
      const sent = issueRequests(page);
      await logIn(page, admin.email, PASSWORD);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin');
      await page.goto(`${t.url}/admin/licenses/issue`);
      const recipient = page.getByRole('textbox', { name: /^Email получателя/ });
      await expect.poll(() => recipient.isVisible(), { timeout: 10_000 }).toBe(true);
      await fillShipment(page, 'ООО «Получатель»', org.inn);
      // Prefilled from the organization's contact.
      await expect.poll(() => recipient.inputValue()).toBe('contact@poluchatel.example');
      await screenshot(page, 'shipment-recipient-1280');

      // Empty and malformed addresses are stopped in the browser, with Russian messages.
      await recipient.fill('');
      await page.getByRole('button', { name: 'Выпустить лицензии' }).click();
      await expect.poll(() => page.getByText('Укажите email получателя').isVisible()).toBe(true);
      await recipient.fill('it.head@');
      await page.getByRole('button', { name: 'Выпустить лицензии' }).click();
      await expect.poll(() => page.getByText('Неверный адрес электронной почты').isVisible()).toBe(true);
      expect(sent).toEqual([]);

      await recipient.fill('  IT.Head@Poluchatel.Example ');
      await page.getByRole('button', { name: 'Выпустить лицензии' }).click();
      await expect
        .poll(() => page.getByRole('table', { name: 'Серийные номера' }).isVisible(), { timeout: 15_000 })
        .toBe(true);
      expect(sent.map((body) => body.recipientEmail)).toEqual(['it.head@poluchatel.example']);
      await expect
        .poll(() =>
          page
            .getByText('владельцу отправлено приглашение в кабинет на it.head@poluchatel.example')
            .isVisible(),
        )
        .toBe(true);
    });
    // The login went to the form's address, not to the contact's.
    const mail = await t.mailbox.waitForMail((m) => m.to.includes('it.head@poluchatel.example'));
    expect(mail.subject).toBe('Доступ к личному кабинету и ваши лицензии');
    expect(mail.text).toContain('Логин: it.head@poluchatel.example');
    const outbox = await t.db.select().from(emailOutbox);
    expect(outbox.filter((m) => m.to.includes('contact@poluchatel.example'))).toEqual([]);

    // A later shipment to another address: it joins the same cabinet, the result says so.
    await withPage('shipment-recipient-later', async (page) => {
      const sent = issueRequests(page);
      await logIn(page, admin.email, PASSWORD);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin');
      await page.goto(`${t.url}/admin/licenses/issue`);
      await fillShipment(page, 'ООО «Получатель»', org.inn);
      const recipient = page.getByRole('textbox', { name: /^Email получателя/ });
      await expect.poll(() => recipient.inputValue()).toBe('contact@poluchatel.example');
      await recipient.fill('buh@poluchatel.example');
      await page.getByRole('button', { name: 'Выпустить лицензии' }).click();
      await expect
        .poll(
          () =>
            page
              .getByText('buh@poluchatel.example добавлен в кабинет организации и получил приглашение')
              .isVisible(),
          { timeout: 15_000 },
        )
        .toBe(true);
      expect(sent.map((body) => body.recipientEmail)).toEqual(['buh@poluchatel.example']);
      await screenshot(page, 'shipment-recipient-later-1280');
    });
    await t.mailbox.waitForMail(
      (m) =>
        m.to.includes('buh@poluchatel.example') && m.subject === 'Доступ к личному кабинету и ваши лицензии',
    );
    await t.mailbox.waitForMail(
      (m) => m.to.includes('it.head@poluchatel.example') && m.subject === 'Новые лицензии в личном кабинете',
    );
  });

  it('on a phone the form keeps the field in reach', async () => {
    const admin = await createUser(t.db, { staffRole: 'admin' });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    try {
      await logIn(page, admin.email, PASSWORD);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin');
      await page.goto(`${t.url}/admin/licenses/issue`);
      const recipient = page.getByRole('textbox', { name: /^Email получателя/ });
      await expect.poll(() => recipient.isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(page, 'shipment-recipient-390');
    } finally {
      await page.close();
    }
  });
});
