import type { ProductInformation } from '../../../shared/api/files';
import { externalUrl } from '../../lib/format';

/** The `#…` of a product's part of the «Информация» page: `/information#product-AO` shows AlterOffice only. */
export function productAnchor(code: string): string {
  return `product-${code}`;
}

/** The product a `#product-…` hash names, if the organization has it. */
export function productOfAnchor(
  items: readonly ProductInformation[],
  hash: string,
): ProductInformation | undefined {
  const anchor = hash.replace(/^#/, '');
  return items.find((product) => productAnchor(product.code) === anchor);
}

export type InformationTarget = { kind: 'wiki'; href: string } | { kind: 'page'; hash: string };

/**
 * Where «Информация по …» leads (seed 000, рис. 3): «Информация по AlterOS» «переводит пользователя на сайт
 * wiki», «Информация по AlterOffice» — «на страницу с возможностью скачать документацию к продукту». So a product
 * whose documentation is only on its wiki opens the wiki; one with files here (or nothing at all, to say so)
 * opens its part of the «Информация» page, where its wiki and site are linked too.
 */
export function informationTarget(product: ProductInformation): InformationTarget {
  const wiki = product.wikiUrl ? externalUrl(product.wikiUrl) : null;
  if (wiki && product.documents.length === 0) return { kind: 'wiki', href: wiki };
  return { kind: 'page', hash: productAnchor(product.code) };
}
