import type { ProductSaveBody } from '../../shared/api/catalog';
import { parseArticle } from '../../shared/serial-number';
import type { AuditActor } from '../modules/audit/record-audit';
import { findArticle } from '../modules/catalog/article-view';
import { findProductCard, saveProduct } from '../modules/catalog/products';
import { createArticle } from '../modules/catalog/save-article';
import { findLicenseBySerial } from '../modules/licenses/get-license';
import { importLicenses } from '../modules/licenses/import-licenses';
import type { Db } from './client';

/** Product cards for «Продукты» and «Информация» (seed 000, рис. 2–3). */
const DEMO_PRODUCTS: Array<ProductSaveBody & { code: string }> = [
  {
    code: 'AD',
    name: 'AlterOS',
    description:
      'Операционная система AlterOS для рабочих станций: рабочий стол, офисные и сетевые приложения.',
    websiteUrl: 'https://alter-os.example/',
    wikiUrl: 'https://wiki.alter-os.example/',
    supportEmail: 'support@alter-os.example',
    supportPhone: '8 800 000-00-01',
  },
  {
    code: 'AO',
    name: 'AlterOffice',
    description: 'Офисный пакет AlterOffice: текстовый редактор, таблицы, презентации.',
    websiteUrl: 'https://alteroffice.example/',
    wikiUrl: 'https://alteroffice.example/documentation/',
    supportEmail: 'support@alteroffice.example',
    supportPhone: '8 800 000-00-02',
  },
  {
    code: 'AS',
    name: 'AlterOS Сервер',
    description: 'Серверная редакция AlterOS: службы каталога, файлов и печати.',
    websiteUrl: 'https://alter-os.example/server/',
    wikiUrl: 'https://wiki.alter-os.example/server/',
    supportEmail: 'server-support@alter-os.example',
    supportPhone: '8 800 000-00-01 доб. 2',
  },
];

/** Articles with prices in kopecks, by code; the first is the seed's example `AO-19619913021`. */
const DEMO_ARTICLES: Array<{ code: string; name: string; priceKopecks: number }> = [
  {
    code: 'AO-19619913021',
    name: 'AlterOffice Стандартная, бессрочная, для госорганов, ESD, техподдержка базовая 1 год',
    priceKopecks: 850_000,
  },
  {
    code: 'AD-19629913021',
    name: 'AlterOS Стандартная, бессрочная, коммерческая, ESD, техподдержка базовая 1 год',
    priceKopecks: 1_290_000,
  },
  {
    code: 'AD-F9619913122',
    name: 'AlterOS Сертифицированная ФСТЭК, бессрочная, для госорганов, ESD, техподдержка расширенная',
    priceKopecks: 2_490_000,
  },
  {
    code: 'AS-19629913024',
    name: 'AlterOS Сервер Стандартная, бессрочная, коммерческая, ESD, техподдержка базовая 1 год',
    priceKopecks: 4_590_000,
  },
];

/** ООО «Ромашка»'s licenses, starting with the seed's example serial; loaded through the CSV import. */
const ROMASHKA_LICENSES_CSV = `ИНН;Серийный номер;Артикул;Количество;Активировано
7701234560;21-AO-19619913021-266-3388;AO-19619913021;10;7
7701234560;22-AD-19629913021-045-0012;AD-19629913021;25;25
7701234560;23-AD-F9619913122-130-0457;AD-F9619913122;5;2
7701234560;24-AS-19629913024-301-0031;AS-19629913024;2;1
`;

/** Catalog and licenses of the demo; safe to run twice (existing cards, articles and serials are kept). */
export async function seedDemoLicenses(db: Db, actor: AuditActor): Promise<void> {
  for (const { code, ...card } of DEMO_PRODUCTS)
    if (!(await findProductCard(db, code))) await saveProduct(db, code, card, actor);
  for (const { code, ...article } of DEMO_ARTICLES) {
    const parsed = parseArticle(code);
    if (!parsed.ok) throw new Error(`demo article ${code}: ${parsed.errors[0]?.message}`);
    if (!(await findArticle(db, { code }))) await createArticle(db, { ...parsed.parts, ...article }, actor);
  }
  if (!(await findLicenseBySerial(db, '21-AO-19619913021-266-3388')))
    await importLicenses(db, ROMASHKA_LICENSES_CSV, actor);
}
