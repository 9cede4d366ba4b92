import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPartner } from '../../src/server/db/seed-demo-partner';
import { PublishedLicenseKeys } from '../../src/shared/api/activations';
import { verifyLicenseBundle } from '../../src/shared/license-file';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

const run = promisify(execFile);

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

/** Saves what a click downloads and returns its path. */
async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(tmpdir(), `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return target;
}

describe('a partner activates licenses by device serial (seed 002)', () => {
  it('organization → offer → .txt import → errors removed → activate → file verifies → order → invoice PDF', async () => {
    // The seed's two partner organizations (their INNs are the ones seed-demo-partner looks for).
    const ooo = await createOrg(t.db, {
      shortName: 'ООО "ЗОЛОТОЙ СТАНДАРТ"',
      inn: '6147040892',
      kpp: '614701001',
      ogrn: '1146183000127',
      programs: ['partner'],
    });
    const ip = await createOrg(t.db, {
      kind: 'individual',
      shortName: 'Золотухин Юрий Николаевич ИП',
      fullName: 'Индивидуальный предприниматель Золотухин Юрий Николаевич',
      inn: '222600401077',
      kpp: null,
      ogrn: '314222500000013',
      programs: ['partner'],
    });
    const partner = await createUser(t.db, {
      email: 'partner@zolotoy.test',
      name: 'Приветов Привет Приветович',
      memberOf: [
        [ooo.id, 'owner'],
        [ip.id, 'admin'],
      ],
    });
    expect(partner.id).toBeTruthy();
    await seedDemoPartner(t.db, { userId: null, email: 'test', ip: null });

    await withPage('partner-activation', async (page) => {
      await logIn(page, 'partner@zolotoy.test', PASSWORD);
      // Two organizations: the session starts with the choice of one.
      const pick = page.getByRole('button', { name: /ЗОЛОТОЙ СТАНДАРТ/ });
      await expect.poll(() => pick.isVisible(), { timeout: 10_000 }).toBe(true);
      await pick.click();
      // The partner menu of seed 002: «Лицензии» → «Список активаций» → «Активация лицензий».
      const licenses = page.getByRole('link', { name: 'Лицензии' });
      await expect.poll(() => licenses.isVisible(), { timeout: 10_000 }).toBe(true);
      await licenses.click();
      await expect.poll(() => page.getByRole('heading', { name: 'Список активаций' }).count()).toBe(1);
      await page.getByRole('link', { name: 'Активация лицензий' }).click();

      // 2.2 «Выберите организацию»: both organizations may activate, so both are offered as cards.
      await expect.poll(() => page.getByText('Выберите организацию').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('222600401077').count()).toBeGreaterThan(0);
      await screenshot(page, 'partner-choose-organization');
      await page.getByRole('button', { name: /ЗОЛОТОЙ СТАНДАРТ", ИНН/ }).click();

      // 2.3 «Акцепт договора».
      await page.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Продолжить' }).click();

      // 2.4: a .txt with two good serials (two vendors), an unknown one and a duplicate.
      await expect.poll(() => page.getByRole('button', { name: 'Проверить серийный номер' }).count()).toBe(1);
      await page.locator('input[type=file]').setInputFiles({
        name: 'serials.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          '0239110138900130\r\n0124230115000230\n\n0100000000023757\n0239 1101 3890 0130\n',
        ),
      });
      await expect.poll(() => page.getByText('Серийный номер не найден').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('NETPAY-ФС').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('РР-04Ф').count()).toBeGreaterThan(0);
      await screenshot(page, 'partner-precheck');
      await page.getByRole('button', { name: 'Удалить СН с ошибками' }).click();
      await expect.poll(() => page.getByText('Серийный номер не найден').count()).toBe(0);

      // «Активировать всё»: 0239110138900130 runs to 08.12.2030, more than 180 days ahead → the warning first.
      await page.getByRole('button', { name: 'Активировать всё' }).click();
      const warning = page.getByRole('dialog', { name: /Текущая подписка действует более 180 дней/ });
      await expect.poll(() => warning.getByText('0239110138900130').count()).toBeGreaterThan(0);
      await warning.getByRole('button', { name: 'ОК' }).click();
      const confirm = page.getByRole('dialog', { name: 'Активация лицензий' });
      await confirm.getByLabel('Комментарий').fill('клиент ООО Ромашка по заявке от 13.04.26');
      await confirm.getByRole('button', { name: 'ОК' }).click();

      // Two vendors → two activations; the list shows them and they become «Выполнена».
      await page.waitForURL(/\/activations(\?|$)/);
      await expect.poll(() => page.getByText('клиент ООО Ромашка по заявке от 13.04.26').count()).toBe(2);
      // The list follows rows «В работе» by itself.
      await expect
        .poll(() => page.getByRole('row').filter({ hasText: 'Выполнена' }).count(), { timeout: 60_000 })
        .toBe(2);
      await screenshot(page, 'partner-activations');

      // «Поиск по СН» finds the activation of one device; «Дополнительное меню» hides a column.
      await page.getByPlaceholder('Поиск по СН').fill('0100000000023757');
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'Выполнена' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'РР-Электро' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Дополнительное меню' }).click();
      await page.getByRole('checkbox', { name: 'Комментарий' }).uncheck();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('columnheader', { name: 'Комментарий' }).count()).toBe(0);
      await page.getByPlaceholder('Поиск по СН').fill('');
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'Выполнена' }).count()).toBe(2);

      // The Пэй Киоск activation's page: its license file verifies against the published keys.
      await page.getByRole('row').filter({ hasText: 'Пэй Киоск' }).first().click();
      await expect.poll(() => page.getByText(/Активация № \d+ \(Выполнена\)/).count()).toBe(1);
      const licensePath = await download(page, () =>
        page
          .getByRole('link', { name: /Скачать файл лицензии/ })
          .first()
          .click(),
      );
      const keys = PublishedLicenseKeys.parse(await (await fetch(`${t.url}/api/v1/license-keys`)).json());
      const verified = verifyLicenseBundle({
        text: await readFile(licensePath, 'utf8'),
        keys: Object.fromEntries(keys.keys.map((k) => [k.kid, k.publicKeyPem])),
      });
      expect(verified.ok, JSON.stringify(verified)).toBe(true);
      expect(verified.results.map((r) => (r.ok ? r.payload.deviceSerial : r.code))).toEqual([
        '0239110138900130',
      ]);
      const payload = verified.results[0]?.ok ? verified.results[0].payload : null;
      // A renewal of a device licensed until 08.12.2030: the new file is valid from today to 08.12.2031.
      expect(payload?.validUntil).toBe('2031-12-08');
      expect(payload?.licenseeInn).toBe('6147040892');

      // «Перейти в заказ» → the order page; its invoice PDF reads right.
      await page.getByRole('link', { name: 'Перейти в заказ' }).click();
      await expect.poll(() => page.getByText(/Заказ №\d+/).count()).toBeGreaterThan(0);
      await expect
        .poll(() => page.getByRole('link', { name: /Счет на оплату/ }).count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
      await screenshot(page, 'partner-order');
      const invoicePath = await download(page, () =>
        page
          .getByRole('link', { name: /Счет на оплату/ })
          .first()
          .click(),
      );
      const { stdout } = await run('pdftotext', ['-layout', invoicePath, '-']);
      expect(stdout).toContain('Счет на оплату');
      expect(stdout).toContain('6147040892');
      expect(stdout).toContain('Без налога (НДС)');
      expect(stdout).toContain('2 000,00');
    });
  });
});
