import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Article,
  ArticleList,
  CodeEntry,
  CodeTableList,
  Product,
  ProductApiTokenCreated,
  ProductApiTokenList,
  ProductList,
} from '../../src/shared/api/catalog';
import type { SerialDecodeResponse } from '../../src/shared/api/licenses';
import type { ErrorBody, TestClient } from '../helpers/client';
import { createOrg, createUser, PASSWORD } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
let staff: TestClient;
let support: TestClient;
let customer: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.loginAs((await createUser(t.db, { staffRole: 'manager' })).email, PASSWORD);
  support = await t.loginAs((await createUser(t.db, { staffRole: 'support' })).email, PASSWORD);
  const org = await createOrg(t.db);
  customer = await t.loginAs((await createUser(t.db, { memberOf: [[org.id, 'owner']] })).email, PASSWORD);
});
afterAll(async () => t?.close());

const codes = '/api/v1/admin/catalog/code-tables';
const decode = (serial: string) =>
  t.client().get<SerialDecodeResponse & ErrorBody>(`/api/v1/serial-numbers/${serial}`);
const articleBody = (overrides: Record<string, unknown> = {}) => ({
  product: 'AO',
  version: '1',
  subscriptionType: '9',
  agreement: '6',
  licenseType: '1',
  period: '99',
  deliveryForm: '1',
  support: '30',
  articleYear: 2021,
  name: 'AlterOffice Стандартная',
  priceKopecks: 850_000,
  ...overrides,
});

describe('code tables of «Приложение 1»', () => {
  it('holds the 8 seed tables, readable by anyone', async () => {
    const res = await t.client().get<CodeTableList>('/api/v1/catalog/code-tables');
    expect(res.body.items.map((table) => [table.number, table.key, table.width])).toEqual([
      [1, 'product', 2],
      [2, 'version', 1],
      [3, 'deliveryForm', 1],
      [4, 'support', 2],
      [5, 'licenseType', 1],
      [6, 'agreement', 1],
      [7, 'subscriptionType', 1],
      [8, 'period', 2],
    ]);
    const products = res.body.items[0]?.entries ?? [];
    expect(products).toHaveLength(12);
    expect(products[0]).toEqual({ code: 'AD', name: 'ОС', retired: false, isSeed: true });
  });

  it('adds codes checked by the codec; a new code decodes at once', async () => {
    const added = await staff.post<CodeEntry>(`${codes}/product/codes`, {
      code: 'zx',
      name: 'Тестовый продукт',
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ code: 'ZX', name: 'Тестовый продукт', retired: false, isSeed: false });
    expect(
      (await staff.post(`${codes}/version/codes`, { code: 'X', name: 'Экспериментальная' })).status,
    ).toBe(201);
    const wide = await staff.post<ErrorBody>(`${codes}/product/codes`, { code: 'ZXY', name: 'X' });
    expect(wide.status).toBe(400);
    expect(wide.body.error.message).toContain('2 символа');
    expect(
      (await staff.post<ErrorBody>(`${codes}/version/codes`, { code: 'Ж', name: 'X' })).body.error.details[0]
        ?.code,
    ).toBe('SERIAL_BAD_CHARACTERS');
    const taken = await staff.post<ErrorBody>(`${codes}/product/codes`, { code: 'AD', name: 'X' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('«ОС»');
    const res = await decode('26-ZX-X9619913026-001-0001');
    expect(res.status).toBe(200);
    expect(res.body.items.find((i) => i.part === 'product')?.meaning).toBe('Тестовый продукт');
    expect(res.body.items.find((i) => i.part === 'version')?.meaning).toBe('Экспериментальная');
  });

  it('renames and retires: retired codes still decode, new articles refuse them', async () => {
    await staff.patch(`${codes}/product/codes/ZX`, { name: 'Переименованный продукт' });
    expect((await decode('26-ZX-19619913026-001-0001')).body.items[1]?.meaning).toBe(
      'Переименованный продукт',
    );
    const retired = await staff.post<CodeEntry>(`${codes}/product/codes/zx/retire`);
    expect(retired.body.retired).toBe(true);
    const still = await decode('26-ZX-19619913026-001-0001');
    expect(still.status).toBe(200);
    expect(still.body.items[1]).toMatchObject({ part: 'product', retired: true });
    const refused = await staff.post<ErrorBody>(
      '/api/v1/admin/catalog/articles',
      articleBody({ product: 'ZX' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'product', code: 'SERIAL_RETIRED_CODE' });
    await staff.post(`${codes}/product/codes/ZX/unretire`);
    expect((await staff.post('/api/v1/admin/catalog/articles', articleBody({ product: 'ZX' }))).status).toBe(
      201,
    );
    expect((await staff.patch<ErrorBody>(`${codes}/product/codes/QQ`, { name: 'X' })).status).toBe(404);
  });

  it('staff read, managers edit; customers and anonymous callers cannot', async () => {
    expect((await support.get(codes)).status).toBe(200);
    expect((await support.post(`${codes}/product/codes`, { code: 'ZY', name: 'X' })).status).toBe(403);
    expect((await customer.get(codes)).status).toBe(403);
    expect((await t.client().post(`${codes}/product/codes`, { code: 'ZY', name: 'X' })).status).toBe(401);
  });
});

describe('products and articles', () => {
  it('product cards with «Подробнее» and wiki links reach the cabinet', async () => {
    const saved = await staff.put<Product>('/api/v1/admin/catalog/products/ad', {
      name: 'AlterOS',
      description: 'Операционная система',
      websiteUrl: 'https://alter-os.example/',
      wikiUrl: 'https://wiki.alter-os.example/',
    });
    expect(saved.body).toMatchObject({ code: 'AD', name: 'AlterOS', codeName: 'ОС' });
    const bad = await staff.put<ErrorBody>('/api/v1/admin/catalog/products/AD', {
      name: 'X',
      websiteUrl: 'ftp://x',
    });
    expect(bad.status).toBe(400);
    expect((await staff.put('/api/v1/admin/catalog/products/QQ', { name: 'X' })).status).toBe(404);
    const list = await customer.get<ProductList>('/api/v1/products');
    expect(list.body.items.map((p) => [p.code, p.name, p.wikiUrl])).toEqual([
      ['AD', 'AlterOS', 'https://wiki.alter-os.example/'],
    ]);
    expect((await t.client().get('/api/v1/products')).status).toBe(401);
  });

  it('creates articles from codes with prices in kopecks; the code comes from the codec', async () => {
    const created = await staff.post<Article>('/api/v1/admin/catalog/articles', articleBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'AO-19619913021',
      productName: 'AlterOffice',
      priceKopecks: 850_000,
    });
    expect(created.body.parts.map((p) => p.meaning)).toContain('Бессрочная лицензия');
    expect((await staff.post<ErrorBody>('/api/v1/admin/catalog/articles', articleBody())).status).toBe(409);
    const unknown = await staff.post<ErrorBody>(
      '/api/v1/admin/catalog/articles',
      articleBody({ version: '0', period: '13' }),
    );
    expect(unknown.body.error.details.map((d) => d.path)).toEqual(['version', 'period']);
    const ad = await staff.post<Article>(
      '/api/v1/admin/catalog/articles',
      articleBody({ product: 'AD', licenseType: '2', name: 'AlterOS', priceKopecks: 1_290_000 }),
    );
    expect(ad.body.code).toBe('AD-19629913021');

    const byPrice = await staff.get<ArticleList>('/api/v1/admin/catalog/articles?sort=price&order=desc');
    expect(byPrice.body.items[0]?.code).toBe('AD-19629913021');
    const search = await staff.get<ArticleList>('/api/v1/admin/catalog/articles?q=alteros');
    expect(search.body.items.map((a) => a.code)).toEqual(['AD-19629913021']);
    const patched = await staff.patch<Article>(`/api/v1/admin/catalog/articles/${created.body.id}`, {
      priceKopecks: 900_000,
    });
    expect(patched.body.priceKopecks).toBe(900_000);
    await staff.patch(`/api/v1/admin/catalog/articles/${created.body.id}`, { archived: true });
    expect(
      (await staff.get<ArticleList>('/api/v1/admin/catalog/articles?archived=archived')).body.items.map(
        (a) => a.id,
      ),
    ).toEqual([created.body.id]);
    expect((await staff.delete(`/api/v1/admin/catalog/articles/${ad.body.id}`)).status).toBe(200);
    expect((await staff.get(`/api/v1/admin/catalog/articles/${ad.body.id}`)).status).toBe(404);
    expect(
      (await support.post('/api/v1/admin/catalog/articles', articleBody({ support: '31' }))).status,
    ).toBe(403);
  });

  it('an article with licenses cannot be deleted, only archived', async () => {
    const article = await staff.post<Article>(
      '/api/v1/admin/catalog/articles',
      articleBody({ support: '32' }),
    );
    const org = await createOrg(t.db);
    const body = { organizationId: org.id, articleId: article.body.id, quantity: 1, serialsCount: 1 };
    expect((await staff.post('/api/v1/admin/licenses/issue', body)).status).toBe(201);
    const res = await staff.delete<ErrorBody>(`/api/v1/admin/catalog/articles/${article.body.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('архивировать');
  });
});

describe('activation server tokens', () => {
  it('are shown once, listed without the secret and revoked once', async () => {
    const created = await staff.post<ProductApiTokenCreated>('/api/v1/admin/catalog/products/AO/api-tokens', {
      name: 'Активация AO',
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^kbp_/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
    const list = await staff.get<ProductApiTokenList>('/api/v1/admin/catalog/products/AO/api-tokens');
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await staff.post(`/api/v1/admin/catalog/api-tokens/${created.body.id}/revoke`)).status).toBe(200);
    expect(
      (await staff.post<ErrorBody>(`/api/v1/admin/catalog/api-tokens/${created.body.id}/revoke`)).status,
    ).toBe(409);
    expect((await support.get('/api/v1/admin/catalog/products/AO/api-tokens')).status).toBe(403);
  });
});
