import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (see README)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SCREENSHOT_DIR = path.resolve('node_modules/.cache/kabinet-tests/screenshots');

/** Screenshots land in node_modules/.cache so a run leaves them to look at without touching git. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Page helpers bound to one browser and one running app, shared by every browser test. */
export function browserSteps(getBrowser: () => Browser, getBaseUrl: () => string) {
  /** Opens a page; on failure leaves a screenshot named after the step, so a red run shows what the user saw. */
  async function withPage(name: string, work: (page: Page) => Promise<void>): Promise<void> {
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    try {
      await work(page);
    } catch (error) {
      await screenshot(page, `failure-${name}`).catch(() => {});
      throw error;
    } finally {
      await page.close();
    }
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${getBaseUrl()}/login`);
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Пароль/).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
  }

  return { withPage, logIn };
}
