import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed-demo';
import { activations } from '../../src/server/modules/activations/schema';
import { orders } from '../../src/server/modules/orders/schema';
import { vendors } from '../../src/server/modules/vendors/schema';
import { browserSteps, launchBrowser, screenshot } from '../helpers/browser';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
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

/**
 * Latin words a Russian page may say: product, vendor and model names of the reference and demo data, HTTP
 * and file-format terms quoted in help texts, and two values the data itself holds (the audit details name a
 * changed field by its API name, e.g. «inn»; the test factories' audit actor is «test»). Anything else in
 * Latin letters is English the dictionaries missed (issue 14.2).
 */
const ALLOWED = new Set(
  [
    'AlterOS',
    'AlterOffice',
    'Alter',
    'TeamVision',
    'Cal',
    'PayOnline',
    'NETPAY',
    'aQsi',
    'Email',
    'Authorization',
    'Bearer',
    'cookie',
    'kid',
    'slf',
    'txt',
    'https',
    'inn',
    'test',
  ].map((word) => word.toLowerCase()),
);

/**
 * Not words of a language: abbreviations and codes in capitals (RU, IP, ESD, PEM, the serial's code tables),
 * and program identifiers the audit log quotes (camelCase keys, dotted or snake_case action codes).
 */
function isCodeOrIdentifier(word: string): boolean {
  return /^[A-Z]{1,4}$/.test(word) || /[a-z][A-Z]/.test(word);
}

/** Every name and text the page exposes to assistive technology, read from Chromium's accessibility tree. */
async function accessibleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        role?: { value?: unknown };
        name?: { value?: unknown };
        value?: { value?: unknown };
      }[];
    };
    // Inline text boxes are the lines a text wraps into; their StaticText parent holds the whole text.
    return nodes
      .filter((node) => !node.ignored && node.role?.value !== 'InlineTextBox')
      .flatMap((node) => [node.name?.value, node.value?.value])
      .filter((text): text is string => typeof text === 'string' && text.trim() !== '');
  } finally {
    await cdp.detach();
  }
}

const AUDIT_DETAILS = /^[a-z][A-Za-z\d]*: /;

/** Latin-only words outside e-mails, addresses, serials and the allow-list. */
function untranslatedWords(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    // The audit log's «Подробности» quote the event's stored fields as they are (`kind: document · title: …`).
    if (AUDIT_DETAILS.test(text)) continue;
    const cleaned = text
      .replace(/\S+@\S+/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\S*\/\S*/g, ' ')
      .replace(/\S*\d\S*/g, ' ')
      .replace(/\b\w+(?:[._]\w+)+\b/g, ' ');
    for (const word of cleaned.match(/(?<![\p{L}\d_-])[A-Za-z][A-Za-z']+(?![\p{L}\d_-])/gu) ?? []) {
      if (!ALLOWED.has(word.toLowerCase()) && !isCodeOrIdentifier(word)) found.add(word);
    }
  }
  return [...found];
}

/**
 * Opens a page, waits until it and its lists have loaded and returns the English words a screen reader would
 * say. A fresh organization's page may show its own empty state instead of a table; a full one shows the table.
 */
/** Pages whose table appears only after a choice (the product whose files to list). */
const TABLE_AFTER_CHOICE = new Set(['/admin/product-files']);

async function visit(page: Page, url: string, name: string, withTable: boolean): Promise<string[]> {
  await page.goto(`${t.url}${url}`);
  const heading = page.locator('h1').first();
  await expect.poll(() => heading.isVisible(), { timeout: 15_000, message: `the page ${url}` }).toBe(true);
  if (withTable && !TABLE_AFTER_CHOICE.has(url)) {
    const table = page.locator('table').first();
    await expect.poll(() => table.isVisible(), { timeout: 15_000, message: `a table on ${url}` }).toBe(true);
  }
  await expect
    .poll(() => page.locator('.mantine-datatable-loader-fetching, .mantine-Loader-root').count(), {
      timeout: 15_000,
      message: `the lists on ${url} loaded`,
    })
    .toBe(0);
  await screenshot(page, `tables-language-${name}`);
  return untranslatedWords(await accessibleTexts(page)).map((word) => `${url}: ${word}`);
}

const CUSTOMER_PAGES = ['/', '/downloads', '/support'];
const PARTNER_PAGES = ['/activations', '/orders'];
const ADMIN_PAGES = [
  '/admin/organizations',
  '/admin/users',
  '/admin/audit',
  '/admin/mail',
  '/admin/product-files',
  '/admin/integration-tokens',
  '/admin/catalog/code-tables',
  '/admin/catalog/products',
  '/admin/catalog/articles',
  '/admin/licenses',
  '/admin/support',
  '/admin/vendors',
  '/admin/devices',
  '/admin/license-types',
  '/admin/offers',
  '/admin/activations',
  '/admin/orders',
  '/admin/license-keys',
];

async function walk(
  label: string,
  login: { email: string; password: string; organization?: RegExp },
  pages: string[],
  withTable: boolean,
): Promise<string[]> {
  const found: string[] = [];
  await withPage(`tables-language-${label}`, async (page) => {
    await logIn(page, login.email, login.password);
    if (login.organization) {
      const pick = page.getByRole('button', { name: login.organization });
      await expect.poll(() => pick.isVisible(), { timeout: 10_000 }).toBe(true);
      await pick.click();
    }
    await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('/login');
    await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('/select-organization');
    for (const [index, url] of pages.entries())
      found.push(...(await visit(page, url, `${label}-${index}`, withTable)));
  });
  return found;
}

const LONG = 240_000;

describe('tables speak Russian to screen readers (issue 14.2)', () => {
  describe('empty tables of a fresh organization', () => {
    it('customer pages', { timeout: LONG }, async () => {
      const org = await createOrg(t.db, { shortName: 'ООО «Пустая»' });
      const customer = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
      expect(
        await walk('empty-customer', { email: customer.email, password: PASSWORD }, CUSTOMER_PAGES, false),
      ).toEqual([]);
    });
    it('partner pages', { timeout: LONG }, async () => {
      const org = await createOrg(t.db, { shortName: 'ООО «Пустой партнёр»', programs: ['partner'] });
      const partner = await createUser(t.db, { memberOf: [[org.id, 'owner']] });
      expect(
        await walk('empty-partner', { email: partner.email, password: PASSWORD }, PARTNER_PAGES, false),
      ).toEqual([]);
    });
    it('back-office pages', { timeout: LONG }, async () => {
      const staff = await createUser(t.db, { staffRole: 'admin' });
      expect(
        await walk('empty-admin', { email: staff.email, password: PASSWORD }, ADMIN_PAGES, false),
      ).toEqual([]);
    });
  });

  describe('full tables after the demo seed', () => {
    const ids = { order: '', activation: '', vendor: '' };
    beforeAll(async () => {
      // The demo data: licenses, files, tickets, activations, orders and their payments.
      await seedDemo(t.db, { storage: t.deps.storage, config: t.deps.config });
      const [order] = await t.db.select({ id: orders.id }).from(orders).limit(1);
      const [activation] = await t.db.select({ id: activations.id }).from(activations).limit(1);
      const [vendor] = await t.db.select({ id: vendors.id }).from(vendors).limit(1);
      ids.order = order?.id ?? '';
      ids.activation = activation?.id ?? '';
      ids.vendor = vendor?.id ?? '';
    }, LONG);
    it('customer pages', { timeout: LONG }, async () => {
      const login = { email: 'it@romashka.example', password: DEMO_PASSWORD };
      expect(await walk('full-customer', login, CUSTOMER_PAGES, true)).toEqual([]);
    });
    it('partner pages', { timeout: LONG }, async () => {
      expect(ids.order && ids.activation).toBeTruthy();
      const login = {
        email: 'partner@zolotoy-standart.example',
        password: DEMO_PASSWORD,
        organization: /ЗОЛОТОЙ/,
      };
      const pages = [...PARTNER_PAGES, `/activations/${ids.activation}`, `/orders/${ids.order}`];
      expect(await walk('full-partner', login, pages, true)).toEqual([]);
    });
    it('back-office pages', { timeout: LONG }, async () => {
      const login = { email: 'admin@kabinet.example', password: DEMO_PASSWORD };
      const pages = [
        ...ADMIN_PAGES,
        `/admin/orders/${ids.order}`,
        `/admin/activations/${ids.activation}`,
        `/admin/vendors/${ids.vendor}`,
      ];
      expect(await walk('full-admin', login, pages, true)).toEqual([]);
    });
  });
});
