import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Article,
  ArticleCreateBody,
  ArticleList,
  ArticleListQuery,
  ArticleUpdateBody,
  CodeEntry,
  CodeTableList,
  Product,
  ProductApiToken,
  ProductApiTokenCreated,
  ProductApiTokenList,
  ProductList,
  ProductSaveBody,
} from '../../../shared/api/catalog';
import type { SerialTableKey } from '../../../shared/serial-number';
import { api, withQuery } from '../client';

// The back office's catalog (seed 000): the 8 code tables of «Приложение 1», product cards with their
// activation-server tokens, and articles. Every change refreshes what shows the changed data.

const id = (value: string) => encodeURIComponent(value);
const CATALOG = ['admin', 'catalog'] as const;
const TABLES = [...CATALOG, 'code-tables'] as const;
const PRODUCTS = [...CATALOG, 'products'] as const;
const ARTICLES = [...CATALOG, 'articles'] as const;

// ---- Code tables ---------------------------------------------------------------------------------

export function useCodeTables() {
  return useQuery({
    queryKey: TABLES,
    queryFn: ({ signal }) => api.get<CodeTableList>('/admin/catalog/code-tables', { signal }),
  });
}

export type CodeChange =
  | { kind: 'add'; table: SerialTableKey; code: string; name: string }
  | { kind: 'rename'; table: SerialTableKey; code: string; name: string }
  | { kind: 'retire' | 'unretire'; table: SerialTableKey; code: string };

/** Add, rename, retire or return a code; products and articles show code names, so they refresh too. */
export function useCodeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: CodeChange) => {
      const base = `/admin/catalog/code-tables/${id(change.table)}/codes`;
      if (change.kind === 'add') return api.post<CodeEntry>(base, { code: change.code, name: change.name });
      if (change.kind === 'rename')
        return api.patch<CodeEntry>(`${base}/${id(change.code)}`, { name: change.name });
      return api.post<CodeEntry>(`${base}/${id(change.code)}/${change.kind}`);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CATALOG }),
  });
}

// ---- Products and their API tokens ---------------------------------------------------------------

export function useAdminProducts() {
  return useQuery({
    queryKey: PRODUCTS,
    queryFn: ({ signal }) => api.get<ProductList>('/admin/catalog/products', { signal }),
  });
}

export function useAdminProduct(code: string) {
  return useQuery({
    queryKey: [...PRODUCTS, code],
    queryFn: ({ signal }) => api.get<Product>(`/admin/catalog/products/${id(code)}`, { signal }),
  });
}

export function useSaveProduct(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductSaveBody) => api.put<Product>(`/admin/catalog/products/${id(code)}`, body),
    onSuccess: (product) => {
      queryClient.setQueryData([...PRODUCTS, code], product);
      void queryClient.invalidateQueries({ queryKey: PRODUCTS, exact: true });
      // The customers' «Продукты» page reads the same cards.
      void queryClient.invalidateQueries({ queryKey: ['products'] });
    },
  });
}

export function useProductTokens(code: string) {
  return useQuery({
    queryKey: [...PRODUCTS, code, 'tokens'],
    queryFn: ({ signal }) =>
      api.get<ProductApiTokenList>(`/admin/catalog/products/${id(code)}/api-tokens`, { signal }),
  });
}

/** A new token of one product; the answer carries the secret, shown once. */
export function useCreateProductToken(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.post<ProductApiTokenCreated>(`/admin/catalog/products/${id(code)}/api-tokens`, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...PRODUCTS, code, 'tokens'] }),
  });
}

export function useRevokeProductToken(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.post<ProductApiToken>(`/admin/catalog/api-tokens/${id(tokenId)}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...PRODUCTS, code, 'tokens'] }),
  });
}

// ---- Articles ------------------------------------------------------------------------------------

export function useArticles(query: ArticleListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...ARTICLES, 'list', query],
    queryFn: ({ signal }) => api.get<ArticleList>(withQuery('/admin/catalog/articles', query), { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleCreateBody) => api.post<Article>('/admin/catalog/articles', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ARTICLES }),
  });
}

/** Name, price, archive / restore; the codes of an article never change. */
export function useUpdateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ articleId, body }: { articleId: string; body: ArticleUpdateBody }) =>
      api.patch<Article>(`/admin/catalog/articles/${id(articleId)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ARTICLES }),
  });
}
