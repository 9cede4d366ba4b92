import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
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

describe('a newcomer (seed 002 partner with two organizations)', () => {
  it('logs in, picks an organization, switches, changes the password, logs out and back in', async () => {
    const gold = await createOrg(t.db, { shortName: 'ООО "ЗОЛОТОЙ СТАНДАРТ"', programs: ['partner'] });
    const ip = await createOrg(t.db, { shortName: 'Золотухин Юрий Николаевич ИП', programs: ['partner'] });
    const user = await createUser(t.db, {
      email: 'newcomer-partner@example.test',
      name: 'Приветов Привет',
      memberOf: [
        [gold.id, 'owner'],
        [ip.id, 'admin'],
      ],
    });
    await withPage('newcomer', async (page) => {
      await logIn(page, user.email, PASSWORD);
      // Seed 002: «Выберите организацию» — cards with the name and the INN.
      await expect.poll(() => page.getByText('Выберите организацию').first().isVisible()).toBe(true);
      await expect.poll(() => page.getByText(gold.inn).first().isVisible()).toBe(true);
      await screenshot(page, 'select-organization');
      await page.getByText('ООО "ЗОЛОТОЙ СТАНДАРТ"').first().click();
      await expect
        .poll(() => page.getByText(gold.fullName).first().isVisible(), { timeout: 10_000 })
        .toBe(true);
      await screenshot(page, 'home-partner');

      // The switcher moves to the other organization.
      await page
        .getByRole('button', { name: /Сменить организацию/ })
        .filter({ visible: true })
        .first()
        .click();
      await page.getByRole('menuitem', { name: /Золотухин/ }).click();
      await expect
        .poll(() => page.getByText(ip.fullName).first().isVisible(), { timeout: 10_000 })
        .toBe(true);

      // «Смена пароля» (seed 000): old + new.
      await page.goto(`${t.url}/settings`);
      await page.getByLabel(/^Старый пароль/).fill(PASSWORD);
      await page.getByLabel(/^Новый пароль/).fill('brand-new-pass-1');
      await page.getByLabel(/^Повторите новый пароль/).fill('brand-new-pass-1');
      await page.getByRole('button', { name: 'Изменить пароль' }).click();
      await expect
        .poll(() => page.getByText('Пароль изменён').first().isVisible(), { timeout: 10_000 })
        .toBe(true);
      await screenshot(page, 'settings');
      await t.mailbox.waitForMail((m) => m.to.includes(user.email) && m.subject === 'Пароль изменён');

      // Log out through the user menu, then back in with the new password.
      await page.getByRole('button', { name: 'Меню пользователя' }).click();
      await page.getByRole('menuitem', { name: 'Выйти' }).click();
      await expect.poll(() => page.url()).toContain('/login');
      await logIn(page, user.email, PASSWORD);
      await expect.poll(() => page.getByText('Неверный email или пароль').first().isVisible()).toBe(true);
      await logIn(page, user.email, 'brand-new-pass-1');
      await expect
        .poll(() => page.getByText('Выберите организацию').first().isVisible(), { timeout: 10_000 })
        .toBe(true);
    });
  });

  it('recovers a forgotten password through the emailed link', async () => {
    const org = await createOrg(t.db);
    const user = await createUser(t.db, { email: 'forgetful@example.test', memberOf: [[org.id, 'owner']] });
    await withPage('recovery', async (page) => {
      await page.goto(`${t.url}/login`);
      await page.getByRole('link', { name: 'Восстановление пароля' }).click();
      // The login page has an Email field too: wait for the recovery page before typing.
      await expect
        .poll(() => page.getByRole('heading', { name: 'Восстановление пароля' }).isVisible())
        .toBe(true);
      await page.getByLabel(/^Email/).fill(user.email);
      await page.getByRole('button', { name: 'Отправить ссылку' }).click();
      await expect
        .poll(() => page.getByText('Если такой адрес зарегистрирован').first().isVisible())
        .toBe(true);
      const mail = await t.mailbox.waitForMail((m) => m.to.includes(user.email));
      const link = /(http:\/\/\S+reset-password\?token=[\w-]+)/.exec(mail.text)?.[1];
      expect(link).toBeTruthy();
      await page.goto(link ?? '');
      await page.getByLabel(/^Новый пароль/).fill('after-reset-pass-1');
      await page.getByLabel(/^Повторите новый пароль/).fill('after-reset-pass-1');
      await page.getByRole('button', { name: 'Сохранить пароль' }).click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/login');
      await logIn(page, user.email, 'after-reset-pass-1');
      await expect
        .poll(() => page.getByText(org.fullName).first().isVisible(), { timeout: 10_000 })
        .toBe(true);
      await screenshot(page, 'home-customer');
    });
  });

  it('gives staff the back office: find an organization and open it', async () => {
    const admin = await createUser(t.db, { staffRole: 'admin', name: 'Админ' });
    const org = await createOrg(t.db, { shortName: 'ООО «Для поиска»' });
    await withPage('back-office', async (page) => {
      await logIn(page, admin.email, PASSWORD);
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin');
      await page.goto(`${t.url}/admin/organizations`);
      await page.getByPlaceholder(/Поиск/).first().fill(org.inn);
      // The search is debounced: wait until the table shows only the match.
      await expect
        .poll(() => page.getByRole('link', { name: /^ООО «/ }).count(), { timeout: 10_000 })
        .toBe(1);
      await screenshot(page, 'admin-organizations');
      await page.getByRole('link', { name: 'ООО «Для поиска»' }).click();
      await expect
        .poll(() => page.getByText(org.fullName).first().isVisible(), { timeout: 10_000 })
        .toBe(true);
      await screenshot(page, 'admin-organization');
    });
  });
});
