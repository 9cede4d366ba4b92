import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { DEMO_PASSWORD } from '../src/server/db/seed-demo';
import { startServer } from '../src/server/start';
import { launchBrowser } from '../tests/helpers/browser';

/**
 * Regenerates the README screenshots from a fresh demo installation: `npm run build && tsx scripts/screenshots.ts`.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'kabinet-shots-'));
const server = await startServer(
  loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
);
const base = `http://127.0.0.1:${server.port}`;
const browser = await launchBrowser();
const out = path.resolve('docs/screenshots');

async function shoot(email: string, steps: Array<[name: string, url: string]>, width = 1280): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, locale: 'ru-RU' });
  await page.goto(`${base}/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Пароль/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForLoadState('networkidle');
  for (const [name, url] of steps) {
    if (url) await page.goto(`${base}${url}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  }
  await page.close();
}

await shoot('partner@zolotoy-standart.example', [['select-organization', '']]);
await shoot('it@romashka.example', [
  ['home', '/'],
  ['settings', '/settings'],
]);
await shoot('admin@kabinet.example', [
  ['admin-organizations', '/admin/organizations'],
  ['admin-audit', '/admin/audit'],
]);
await shoot('it@romashka.example', [['home-phone', '/']], 390);
await browser.close();
await server.close();
process.stdout.write(`screenshots in ${out}\n`);
