import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProduct } from '../../src/server/modules/catalog/products';
import type { LicenseIssueResponse } from '../../src/shared/api/licenses';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import type { TestClient } from '../helpers/client';
import { createArticle, createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

// Issue 14, items 1, 4, 5: «Информация» opens a list in the menu (seed 000, рис. 3), the menu's background
// reaches the bottom of the window on long pages, the licenses table opens «Главная».

let t: TestApp;
let browser: Browser;
let owner: { email: string };

const WIKI = 'https://wiki.alter-os.example/';
const ACTOR = { userId: null, email: 'test', ip: null };

beforeAll(async () => {
  t = await startTestApp({ webDir: path.resolve('dist/web') });
  browser = await launchBrowser();
  const admin = await createUser(t.db, { staffRole: 'admin' });
  const staff = await t.loginAs(admin.email, PASSWORD);
  // AlterOS keeps its documentation on its wiki; AlterOffice has a documentation file here (seed 000, рис. 3).
  await saveProduct(t.db, 'AD', { name: 'AlterOS', wikiUrl: WIKI }, ACTOR);
  await saveProduct(t.db, 'AO', { name: 'AlterOffice', wikiUrl: 'https://alteroffice.example/doc/' }, ACTOR);
  const org = await createOrg(t.db, { shortName: 'ООО «Длинная страница»', programs: ['licenses'] });
  owner = await createUser(t.db, { email: 'layout-owner@example.test', memberOf: [[org.id, 'owner']] });
  for (const [code, serialsCount] of [
    ['AO-19619913021', 12],
    ['AD-19629913021', 8],
  ] as const) {
    const article = await createArticle(t.db, code);
    const res = await staff.post<LicenseIssueResponse>('/api/v1/admin/licenses/issue', {
      organizationId: org.id,
      articleId: article.id,
      quantity: 2,
      serialsCount,
    });
    expect(res.status).toBe(201);
  }
  await uploadFile(staff, 'AO', 'document', 'Руководство пользователя AlterOffice', 'alteroffice-guide.pdf');
  for (const version of ['3.0.0', '3.0.1', '3.0.2', '3.1.0', '3.1.1', '3.2.0']) {
    await uploadFile(staff, 'AO', 'distribution', 'AlterOffice', `alteroffice-${version}.tar.gz`, version);
    await uploadFile(staff, 'AD', 'distribution', 'AlterOS', `alteros-${version}.iso`, version);
  }
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const { withPage, logIn } = browserSteps(
  () => browser,
  () => t.url,
);

async function uploadFile(
  staff: TestClient,
  productCode: string,
  kind: 'document' | 'distribution',
  title: string,
  fileName: string,
  version?: string,
): Promise<void> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('title', title);
  if (version) form.append('version', version);
  form.append('releasedOn', '2026-11-02');
  form.append('file', new Blob([new Uint8Array(2048)]), fileName);
  const res = await fetch(`${t.url}/api/v1/admin/catalog/products/${productCode}/files`, {
    method: 'POST',
    headers: { cookie: staff.cookieHeader, 'x-csrf-token': staff.csrfToken ?? '' },
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function logInAsOwner(page: Page): Promise<void> {
  await logIn(page, owner.email, PASSWORD);
  await expect
    .poll(() => page.getByRole('table', { name: 'Лицензии' }).isVisible(), { timeout: 15_000 })
    .toBe(true);
}

/** The menu's box and the window's height, after scrolling the page to its very end. */
async function navbarAtPageEnd(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label="Главное меню"]');
    if (!nav) throw new Error('no main menu');
    const box = nav.getBoundingClientRect();
    return {
      bottom: box.bottom,
      viewport: window.innerHeight,
      pageHeight: document.documentElement.scrollHeight,
      scrollY: window.scrollY,
      background: getComputedStyle(nav).backgroundColor,
    };
  });
}

/**
 * Colours of points of a full-page capture of `page` (the way the screenshots of the README and of failing
 * tests are taken): Chromium draws fixed elements once, where the window is, so a menu painted only by the
 * fixed navbar stops there. Decoded by the browser itself (canvas), no image library needed.
 */
async function fullPageColours(page: Page, points: Array<[number, number]>): Promise<string[]> {
  const png = await page.screenshot({ fullPage: true });
  const probe = await browser.newPage();
  try {
    return await probe.evaluate(
      async ({ data, points }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no canvas');
        context.drawImage(image, 0, 0);
        return points.map(([x, y]) => {
          const [r, g, b] = context.getImageData(x, y, 1, 1).data;
          return `rgb(${r}, ${g}, ${b})`;
        });
      },
      { data: png.toString('base64'), points },
    );
  } finally {
    await probe.close();
  }
}

describe('the cabinet menu and «Главная» (issue 14)', () => {
  it('«Информация» opens the list of the products’ entries, by mouse and by keyboard, and they lead on', async () => {
    await withPage('information-menu', async (page) => {
      await logInAsOwner(page);
      const menu = page.getByRole('navigation', { name: 'Главное меню' });
      const info = menu.getByRole('button', { name: 'Информация' });
      await expect.poll(() => info.getAttribute('aria-expanded')).toBe('false');
      await info.click();
      await expect.poll(() => info.getAttribute('aria-expanded')).toBe('true');
      const entries = menu.getByRole('list', { name: 'Информация' }).getByRole('link');
      await expect
        .poll(() => entries.allTextContents(), { timeout: 10_000 })
        .toEqual(['Информация по AlterOS (откроется в новой вкладке)', 'Информация по AlterOffice']);
      // The menu item stays where it was: opening the list is not a navigation.
      expect(new URL(page.url()).pathname).toBe('/');
      await screenshot(page, 'information-menu-1280');

      // «Информация по AlterOS» «переводит пользователя на сайт wiki».
      const wiki = menu.getByRole('link', { name: /^Информация по AlterOS/ });
      expect(await wiki.getAttribute('href')).toBe(WIKI);
      expect(await wiki.getAttribute('target')).toBe('_blank');

      // «Информация по AlterOffice» — the page with its documentation to download.
      await menu.getByRole('link', { name: 'Информация по AlterOffice' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: 'Информация по AlterOffice' }).isVisible())
        .toBe(true);
      expect(new URL(page.url()).hash).toBe('#product-AO');
      await expect
        .poll(() => page.getByRole('table', { name: 'Документация AlterOffice' }).isVisible())
        .toBe(true);
      expect(await page.getByRole('heading', { level: 2, name: 'AlterOS' }).count()).toBe(0);
      await screenshot(page, 'information-alteroffice-1280');

      // Keyboard: the list closes and opens with Enter/Space on the focused button, Tab walks into it.
      await info.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => info.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Space');
      await expect.poll(() => info.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toBe('Информация по AlterOS (откроется в новой вкладке)');
    });
  });

  it('on a phone the list opens in the drawer and an entry closes the drawer', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    try {
      await logInAsOwner(page);
      await page.getByRole('button', { name: 'Открыть меню' }).click();
      const menu = page.getByRole('navigation', { name: 'Главное меню' });
      await menu.getByRole('button', { name: 'Информация' }).click();
      const entry = menu.getByRole('link', { name: 'Информация по AlterOffice' });
      await expect.poll(() => entry.isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(page, 'information-menu-390');
      await entry.click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: 'Информация по AlterOffice' }).isVisible())
        .toBe(true);
      await expect.poll(() => page.getByRole('button', { name: 'Открыть меню' }).isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('the menu’s background reaches the bottom of the window on long pages at 1280 px', async () => {
    await withPage('sidebar-long-pages', async (page) => {
      await logInAsOwner(page);
      for (const [pathname, ready] of [
        ['/', page.getByRole('table', { name: 'Лицензии' })],
        ['/downloads', page.getByRole('link', { name: 'Скачать AlterOffice 3.2.0' })],
      ] as const) {
        await page.goto(`${t.url}${pathname}`);
        await expect.poll(() => ready.isVisible(), { timeout: 15_000 }).toBe(true);
        const nav = await navbarAtPageEnd(page);
        // A long page, scrolled to its end…
        expect(nav.pageHeight, pathname).toBeGreaterThan(nav.viewport + 200);
        expect(nav.scrollY, pathname).toBeGreaterThan(0);
        // …and the menu's painted box ends where the window does.
        expect(nav.bottom, pathname).toBe(nav.viewport);
        expect(nav.background, pathname).not.toBe('rgba(0, 0, 0, 0)');
        // The whole page, top to bottom: the menu's column is the navbar's colour all the way down (x = 241 is
        // inside the 248 px column, in its padding right of the items).
        await page.evaluate(() => window.scrollTo(0, 0));
        const ys = [100, Math.round(nav.pageHeight / 2), nav.pageHeight - 5];
        const column = await fullPageColours(
          page,
          ys.map((y) => [241, y]),
        );
        expect(column, pathname).toEqual(ys.map(() => nav.background));
        await screenshot(page, `sidebar-${pathname === '/' ? 'home' : 'downloads'}-1280`);
      }
    });
  });

  it('«Главная» starts with the licenses table (above the fold at 1280×800), the organization card below', async () => {
    await withPage('home-licenses-first', async (page) => {
      await logInAsOwner(page);
      const table = page.getByRole('table', { name: 'Лицензии' });
      const box = await table.boundingBox();
      expect(box).not.toBeNull();
      expect(box?.y ?? 800).toBeLessThan(800);
      // DOM order: the licenses section, then the organization's card.
      const order = await page.evaluate(() => {
        const headings = [...document.querySelectorAll('main h2')].map((h) => h.textContent ?? '');
        return headings;
      });
      const licenses = order.indexOf('Лицензии');
      const organization = order.findIndex((text) => text.includes('Длинная страница'));
      expect(licenses, order.join(' | ')).toBeGreaterThanOrEqual(0);
      expect(organization, order.join(' | ')).toBeGreaterThan(licenses);
      // The tech lead's contact sits beside the licenses.
      expect(order.indexOf('Руководитель технического отдела'), order.join(' | ')).toBeLessThan(organization);
      await screenshot(page, 'home-1280');
    });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    try {
      await logInAsOwner(phone);
      await screenshot(phone, 'home-390');
    } finally {
      await phone.close();
    }
  });
});
