import { z } from 'zod';
import { SERIAL_TABLE_KEYS, type SerialTableKey } from '../serial-number';
import { HttpUrl, Instant, PageQuery, paginated } from './common';

/**
 * The catalog (seed 000): the 8 code tables of the serial number («Приложение 1»), products with their
 * «Подробнее» and wiki links, and articles (SKUs `AA-BCDEFFGHHZZ`) with prices in kopecks.
 * Response schemas are plain shapes (no transforms): the serializer encodes through them.
 */

export const SerialTableKeySchema = z.enum(SERIAL_TABLE_KEYS as [SerialTableKey, ...SerialTableKey[]]);

export const CodeEntry = z.object({
  code: z.string(),
  name: z.string(),
  /** Retired codes still decode (issued serials stay valid) but new articles and serials refuse them. */
  retired: z.boolean(),
  /** The code comes from the seed's «Приложение 1» (not added by the operator). */
  isSeed: z.boolean(),
});
export type CodeEntry = z.infer<typeof CodeEntry>;

export const CodeTable = z
  .object({
    key: SerialTableKeySchema,
    /** Number of the table in «Приложение 1». */
    number: z.number().int(),
    title: z.string(),
    /** Characters a code takes in the serial (fixed by the format). */
    width: z.number().int(),
    entries: z.array(CodeEntry),
  })
  .meta({ id: 'CodeTable' });
export type CodeTable = z.infer<typeof CodeTable>;
export const CodeTableList = z.object({ items: z.array(CodeTable) });
export type CodeTableList = z.infer<typeof CodeTableList>;

const CodeName = z.string().trim().min(1, 'Введите расшифровку кода').max(200);

/** A new code: its width and characters are checked by the codec's `validateTableCode`. */
export const CodeCreateBody = z.object({
  code: z.string().trim().toUpperCase().max(10).meta({ example: 'AX' }),
  name: CodeName.meta({ example: 'AlterOS Workstation' }),
});
export type CodeCreateBody = z.infer<typeof CodeCreateBody>;

export const CodeRenameBody = z.object({ name: CodeName });
export type CodeRenameBody = z.infer<typeof CodeRenameBody>;

export const CodeTableParams = z.object({ table: SerialTableKeySchema });
export const CodeParams = z.object({
  table: SerialTableKeySchema,
  code: z.string().trim().toUpperCase().min(1).max(10),
});

const OptionalUrl = HttpUrl.nullable().optional();

/** A product as customers see it on «Продукты» (seed 000, рис. 2) and «Информация» (рис. 3). */
export const Product = z
  .object({
    /** Product code `AA` of table 1. */
    code: z.string(),
    name: z.string(),
    /** The code's name in table 1 (e.g. «ОС» for AlterOS), used when decoding serials. */
    codeName: z.string(),
    description: z.string(),
    /** «Подробнее»: the product's site. */
    websiteUrl: z.string().nullable(),
    /** «Информация по …»: documentation / wiki. */
    wikiUrl: z.string().nullable(),
    /** «Техподдержка» (seed 000): shown to organizations licensed for the product; new requests go there. */
    supportEmail: z.string().nullable(),
    supportPhone: z.string().nullable(),
    retired: z.boolean(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;
export const ProductList = z.object({ items: z.array(Product) });
export type ProductList = z.infer<typeof ProductList>;

/** `+7 495 123-45-67`, `8 800 000-00-00 доб. 12`: digits with the usual separators. */
const PHONE = /^\+?[\d\s()-]+((доб\.?|ext\.?)\s*\d{1,6})?$/i;

/** An optional email: an empty field means «not set» ('' and null store null). */
const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .pipe(z.union([z.literal(''), z.email('Введите email вида support@example.ru')]))
  .nullish()
  .transform((value) => value || null);

/** An optional phone, 5–15 digits with spaces, dashes, brackets, «доб.»; '' and null store null. */
const OptionalPhone = z
  .string()
  .trim()
  .max(50, 'Телефон — не длиннее 50 символов')
  .refine(
    (value) => {
      if (value === '') return true;
      const digits = value.replace(/(доб|ext).*$/i, '').replace(/\D/g, '').length;
      return PHONE.test(value) && digits >= 5 && digits <= 15;
    },
    { error: 'Введите телефон вида +7 495 123-45-67' },
  )
  .nullish()
  .transform((value) => value || null);

export const ProductSaveBody = z.object({
  name: z.string().trim().min(1, 'Введите название продукта').max(200),
  description: z.string().trim().max(5000).default(''),
  websiteUrl: OptionalUrl,
  wikiUrl: OptionalUrl,
  /** «Техподдержка» contacts of the product (seed 000); optional. */
  supportEmail: OptionalEmail,
  supportPhone: OptionalPhone,
});
export type ProductSaveBody = z.input<typeof ProductSaveBody>;
export const ProductParams = z.object({ code: z.string().trim().toUpperCase().length(2) });

/** The codes of an article `AA-BCDEFFGHHZZ`, named as the codec names the parts. */
const ArticleCodes = z.object({
  product: z.string().trim().toUpperCase().max(2),
  version: z.string().trim().toUpperCase().max(1),
  subscriptionType: z.string().trim().toUpperCase().max(1),
  agreement: z.string().trim().toUpperCase().max(1),
  licenseType: z.string().trim().toUpperCase().max(1),
  period: z.string().trim().toUpperCase().max(2),
  deliveryForm: z.string().trim().toUpperCase().max(1),
  support: z.string().trim().toUpperCase().max(2),
});

const Kopecks = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ArticleName = z.string().trim().min(1, 'Введите наименование').max(300);

export const ArticleCreateBody = ArticleCodes.extend({
  /** ZZ: the year the position was added; the current Moscow year when omitted. */
  articleYear: z.number().int().min(2000).max(2099).optional(),
  name: ArticleName,
  priceKopecks: Kopecks.meta({ description: 'Цена в копейках', example: 850000 }),
});
export type ArticleCreateBody = z.input<typeof ArticleCreateBody>;

/** Codes are fixed once created (issued serials carry them); a different SKU is a new article. */
export const ArticleUpdateBody = z.object({
  name: ArticleName.optional(),
  priceKopecks: Kopecks.optional(),
  archived: z.boolean().optional(),
});
export type ArticleUpdateBody = z.infer<typeof ArticleUpdateBody>;

export const ArticlePartMeaning = z.object({
  part: z.string(),
  label: z.string(),
  code: z.string(),
  meaning: z.string(),
});

export const Article = z
  .object({
    id: z.uuid(),
    /** `AA-BCDEFFGHHZZ`. */
    code: z.string(),
    name: z.string(),
    productCode: z.string(),
    productName: z.string(),
    version: z.string(),
    subscriptionType: z.string(),
    agreement: z.string(),
    licenseType: z.string(),
    period: z.string(),
    deliveryForm: z.string(),
    support: z.string(),
    articleYear: z.number().int(),
    priceKopecks: z.number().int(),
    archived: z.boolean(),
    /** The article's codes in words (codec `describeArticle`). */
    parts: z.array(ArticlePartMeaning),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Article' });
export type Article = z.infer<typeof Article>;
export const ArticleList = paginated(Article);
export type ArticleList = z.infer<typeof ArticleList>;

export const ArticleListQuery = PageQuery.extend({
  productCode: z.string().trim().toUpperCase().max(2).optional(),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z.enum(['code', 'name', 'price', 'createdAt']).default('code'),
});
export type ArticleListQuery = z.input<typeof ArticleListQuery>;

/** A token the product's activation server uses for `POST /api/v1/activation-reports`. */
export const ProductApiToken = z
  .object({
    id: z.uuid(),
    productCode: z.string(),
    name: z.string(),
    /** The first characters, to tell tokens apart; the token itself is shown once. */
    prefix: z.string(),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ProductApiToken' });
export type ProductApiToken = z.infer<typeof ProductApiToken>;
export const ProductApiTokenList = z.object({ items: z.array(ProductApiToken) });
export type ProductApiTokenList = z.infer<typeof ProductApiTokenList>;
export const ProductApiTokenCreated = ProductApiToken.extend({
  /** Shown only in this response; only its SHA-256 is stored. */
  token: z.string(),
});
export type ProductApiTokenCreated = z.infer<typeof ProductApiTokenCreated>;
export const ProductApiTokenCreateBody = z.object({
  name: z.string().trim().min(1, 'Введите название токена').max(200),
});
export type ProductApiTokenCreateBody = z.infer<typeof ProductApiTokenCreateBody>;
