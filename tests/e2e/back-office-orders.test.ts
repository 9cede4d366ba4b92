import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderForActivation, queueOrderDocuments } from '../../src/server/modules/orders/create-order';
import type { OrderDetail } from '../../src/shared/api/orders';
import { formatMoney } from '../../src/shared/money';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';
import {
  createCatalog,
  insertDoneActivation,
  LICENSE_NAME,
  makePartner,
  publishOffer,
} from '../helpers/partner-factories';
import { pdfText } from '../helpers/pdf-text';

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

/** A completed activation of two devices and the order it made, as the activation flow leaves them. */
async function orderFixture() {
  const catalog = await createCatalog(t.db);
  const offerId = await publishOffer(t.db);
  const org = await createOrg(t.db, { shortName: 'ООО "ЗОЛОТОЙ СТАНДАРТ"', programs: ['partner'] });
  const partner = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
  await makePartner(t.db, {
    organizationId: org.id,
    offerId,
    paymentMode: 'postpayment',
    postpaymentDays: 5,
  });
  const item = {
    licenseTypeId: catalog.exemptTypeId,
    licenseTypeName: LICENSE_NAME,
    priceKopecks: 200_000,
    vat: null,
  };
  const activation = await insertDoneActivation(t.db, {
    organizationId: org.id,
    userId: partner.id,
    catalog,
    items: [item, item],
  });
  const order = await t.db.transaction((tx) => createOrderForActivation(tx, activation.id, new Date()));
  // The sweeper would find the order within a minute; the flow queues its documents at once.
  await queueOrderDocuments(t.deps, order.orderId);
  return { org, activation, ...order };
}

describe('back office: orders (seed 002, 2.6–2.7)', () => {
  it('the accountant opens an order, downloads the invoice PDF, marks it paid and sees «Оплачено»', async () => {
    const fixture = await orderFixture();
    const accountant = await createUser(t.db, { staffRole: 'accountant' });
    const staff = await t.loginAs(accountant.email, PASSWORD);
    const before = await staff.get<OrderDetail>(`/api/v1/admin/orders/${fixture.orderId}`);
    expect(before.status).toBe(200);
    const { invoiceNumber, number } = before.body;
    const total = formatMoney(400_000);

    await withPage('back-office-orders', async (page) => {
      await logIn(page, accountant.email, PASSWORD);
      const menu = page.getByRole('navigation', { name: 'Меню бэк-офиса' });
      await expect
        .poll(() => menu.getByRole('link', { name: 'Заказы' }).isVisible(), { timeout: 10_000 })
        .toBe(true);
      // An accountant keeps orders and payments but not the signing keys.
      expect(await menu.getByRole('link', { name: 'Ключи подписи лицензий' }).count()).toBe(0);

      // «Заказы»: the order with its invoice №, terms, cost and «В ожидании».
      await menu.getByRole('link', { name: 'Заказы' }).click();
      const list = page.getByRole('table', { name: 'Заказы' });
      const row = list.getByRole('row', { name: new RegExp(invoiceNumber) });
      await expect.poll(() => row.isVisible(), { timeout: 10_000 }).toBe(true);
      const rowText = await row.textContent();
      for (const text of ['ООО "ЗОЛОТОЙ СТАНДАРТ"', 'Постоплата 5 дней', total, 'В ожидании'])
        expect(rowText).toContain(text);
      await screenshot(page, 'back-office-orders-list');

      // The order: lines, the related activation, documents as soon as the job has made them.
      await row.click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
        .toContain(`Заказ № ${number}`);
      const lines = page.getByRole('table', { name: 'Содержание заказа' });
      await expect.poll(() => lines.textContent()).toContain(LICENSE_NAME);
      await expect.poll(() => page.getByText(`Итого: ${total}`).isVisible()).toBe(true);
      const invoice = page.getByRole('link', { name: /Счет на оплату, PDF$/ });
      await expect.poll(() => invoice.isVisible(), { timeout: 30_000 }).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), invoice.click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`${invoiceNumber}.*\\.pdf$`));
      const bytes = await readFile((await download.path()) ?? '');
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(bytes);
      expect(text).toContain(invoiceNumber);
      expect(text).toContain(fixture.org.inn);
      await screenshot(page, 'back-office-order');

      // «Отметить оплату»: the amount defaults to what is due; a double click sends one Idempotency-Key.
      const keys: string[] = [];
      page.on('request', (request) => {
        if (
          request.method() === 'POST' &&
          request.url().endsWith(`/admin/orders/${fixture.orderId}/payments`)
        )
          keys.push(request.headers()['idempotency-key'] ?? '');
      });
      await page.getByRole('button', { name: 'Отметить оплату' }).click();
      const dialog = page.getByRole('dialog', { name: `Оплата заказа № ${number} (счёт ${invoiceNumber})` });
      await expect.poll(() => dialog.getByLabel(/^Сумма/).inputValue()).toBe(total);
      await dialog.getByLabel(/^№ платёжного поручения/).fill('4711');
      await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      await screenshot(page, 'back-office-order-payment');
      await dialog.getByRole('button', { name: 'Отметить оплату' }).dblclick();

      const payments = page.getByRole('table', { name: 'Оплата' });
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
        .toContain('Оплачено');
      await expect.poll(() => payments.getByRole('row', { name: /4711/ }).textContent()).toContain(total);
      // The window fades out; then no button is left to pay a paid order again.
      await expect.poll(() => page.getByRole('button', { name: 'Отметить оплату' }).count()).toBe(0);
      await screenshot(page, 'back-office-order-paid');
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(1);

      // The list filtered by «Оплата: Оплачено» shows it too.
      await menu.getByRole('link', { name: 'Заказы' }).click();
      await page.getByRole('combobox', { name: 'Оплата' }).click();
      await page.getByRole('option', { name: 'Оплачено', exact: true }).click();
      await expect
        .poll(() => list.getByRole('row', { name: new RegExp(invoiceNumber) }).textContent(), {
          timeout: 10_000,
        })
        .toContain('Оплачено');
    });

    const after = await staff.get<OrderDetail>(`/api/v1/admin/orders/${fixture.orderId}`);
    expect(after.body.paymentStatus).toBe('paid');
    expect(after.body.payments.map((p) => [p.reference, p.amountKopecks])).toEqual([['4711', 400_000]]);
  });
});
