import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed-demo';
import { activations } from '../../src/server/modules/activations/schema';
import { organizations } from '../../src/server/modules/organizations/schema';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
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

const LONG_NAME = 'ООО "ЗОЛОТОЙ КЛЮЧИК СЕРВИС"';
const LONG_COMMENT = 'клиент ООО Ромашка по заявке от 13.04.26, кассы для второго магазина на Садовой';

type CellLayout = { text: string; clipped: string[]; lines: number };

/**
 * How the cells of one column of «Список активаций» are laid out: which elements inside a cell clip their
 * content (scroll size beyond the box, or an ellipsis) and on how many lines the text runs.
 */
async function columnLayout(page: Page, title: string): Promise<CellLayout[]> {
  return page.evaluate((header) => {
    const table = document.querySelector('.partner-table table');
    if (!table) return [];
    const headers = [...table.querySelectorAll('thead th')];
    const index = headers.findIndex((th) => th.textContent?.trim() === header);
    if (index < 0) return [];
    return [...table.querySelectorAll('tbody tr')].map((row) => {
      const cell = row.children[index] as HTMLElement;
      const clipped = [cell, ...cell.querySelectorAll<HTMLElement>('*')]
        .filter((element) => {
          const style = getComputedStyle(element);
          const overflows =
            element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
          const hides = style.overflow !== 'visible' || style.textOverflow === 'ellipsis';
          return overflows && hides;
        })
        .map((element) => element.className || element.tagName);
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      return { text: cell.textContent?.trim() ?? '', clipped, lines: tops.size };
    });
  }, title);
}

describe('«Список активаций» at 1280 px (issue 14.6)', () => {
  it('shows a long organization name and comment whole and a vendor name on one line', async () => {
    await seedDemo(t.db, { storage: t.deps.storage, config: t.deps.config });
    // The seed's partner organization under a longer name, its activations with a longer comment.
    await t.db.update(organizations).set({ shortName: LONG_NAME }).where(eq(organizations.inn, '6147040892'));
    await t.db.update(activations).set({ comment: LONG_COMMENT });

    await withPage('partner-activations-layout', async (page) => {
      await logIn(page, 'partner@zolotoy-standart.example', DEMO_PASSWORD);
      const pick = page.getByRole('button', { name: /ЗОЛОТОЙ КЛЮЧИК/ });
      await expect.poll(() => pick.isVisible(), { timeout: 10_000 }).toBe(true);
      await pick.click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('/select-organization');
      await page.goto(`${t.url}/activations`);
      const rows = page.locator('.partner-table tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await screenshot(page, 'partner-activations-1280');

      const organization = await columnLayout(page, 'Организация');
      const comment = await columnLayout(page, 'Комментарий');
      const vendor = await columnLayout(page, 'Вендор');
      expect(organization.length).toBeGreaterThanOrEqual(2);
      expect(organization.map((cell) => ({ text: cell.text, clipped: cell.clipped }))).toEqual(
        organization.map(() => ({ text: LONG_NAME, clipped: [] })),
      );
      expect(comment.map((cell) => ({ text: cell.text, clipped: cell.clipped }))).toEqual(
        comment.map(() => ({ text: LONG_COMMENT, clipped: [] })),
      );
      expect(vendor.map((cell) => cell.lines)).toEqual(vendor.map(() => 1));
      // The row fits the page: no horizontal scrolling to reach «Комментарий».
      const scroller = await page.evaluate(() => {
        const viewport = document.querySelector('.partner-table .mantine-ScrollArea-viewport');
        return viewport ? viewport.scrollWidth - viewport.clientWidth : 0;
      });
      expect(scroller).toBeLessThanOrEqual(1);

      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'partner-activations-390');
    });
  });
});
