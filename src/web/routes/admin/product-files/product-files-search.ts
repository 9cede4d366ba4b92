import { searchText } from '../../../lib/search';

// What «Файлы продуктов» keeps in the URL: the chosen product, so a link opens it directly.

export type ProductFilesSearch = { product?: string };

export function validateProductFilesSearch(search: Record<string, unknown>): ProductFilesSearch {
  const product = searchText(search.product)?.toUpperCase();
  return { product: product && /^[A-Z0-9]{2}$/.test(product) ? product : undefined };
}
