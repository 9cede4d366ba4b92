import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArticleCreateBody, ArticleUpdateBody, ProductSaveBody } from '../../../shared/api/catalog';
import type { SerialTableKey } from '../../../shared/serial-number';
import { api, data, type QueryOf } from '../client';

// The back office's catalog (seed 000): the 8 code tables of «Приложение 1», product cards with their
// activation-server tokens, and articles. Every change refreshes what shows the changed data.

const CATALOG = ['admin', 'catalog'] as const;
const TABLES = [...CATALOG, 'code-tables'] as const;
const PRODUCTS = [...CATALOG, 'products'] as const;
const ARTICLES = [...CATALOG, 'articles'] as const;

// ---- Code tables ---------------------------------------------------------------------------------

export function useCodeTables() {
  return useQuery({
    queryKey: TABLES,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/catalog/code-tables', { signal })),
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
      if (change.kind === 'add')
        return data(
          api.POST('/api/v1/admin/catalog/code-tables/{table}/codes', {
            params: { path: { table: change.table } },
            body: { code: change.code, name: change.name },
          }),
        );
      if (change.kind === 'rename')
        return data(
          api.PATCH('/api/v1/admin/catalog/code-tables/{table}/codes/{code}', {
            params: { path: { table: change.table, code: change.code } },
            body: { name: change.name },
          }),
        );
      return data(
        api.POST(
          change.kind === 'retire'
            ? '/api/v1/admin/catalog/code-tables/{table}/codes/{code}/retire'
            : '/api/v1/admin/catalog/code-tables/{table}/codes/{code}/unretire',
          { params: { path: { table: change.table, code: change.code } } },
        ),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CATALOG }),
  });
}

// ---- Products and their API tokens ---------------------------------------------------------------

export function useAdminProducts() {
  return useQuery({
    queryKey: PRODUCTS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/catalog/products', { signal })),
  });
}

export function useAdminProduct(code: string) {
  return useQuery({
    queryKey: [...PRODUCTS, code],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/catalog/products/{code}', { params: { path: { code } }, signal })),
  });
}

export function useSaveProduct(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductSaveBody) =>
      data(api.PUT('/api/v1/admin/catalog/products/{code}', { params: { path: { code } }, body })),
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
      data(
        api.GET('/api/v1/admin/catalog/products/{code}/api-tokens', { params: { path: { code } }, signal }),
      ),
  });
}

/** A new token of one product; the answer carries the secret, shown once. */
export function useCreateProductToken(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      data(
        api.POST('/api/v1/admin/catalog/products/{code}/api-tokens', {
          params: { path: { code } },
          body: { name },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...PRODUCTS, code, 'tokens'] }),
  });
}

export function useRevokeProductToken(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      data(api.POST('/api/v1/admin/catalog/api-tokens/{id}/revoke', { params: { path: { id: tokenId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...PRODUCTS, code, 'tokens'] }),
  });
}

// ---- Articles ------------------------------------------------------------------------------------

export function useArticles(
  query: QueryOf<'/api/v1/admin/catalog/articles'>,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...ARTICLES, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/catalog/articles', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleCreateBody) => data(api.POST('/api/v1/admin/catalog/articles', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ARTICLES }),
  });
}

/** Name, price, archive / restore; the codes of an article never change. */
export function useUpdateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ articleId, body }: { articleId: string; body: ArticleUpdateBody }) =>
      data(api.PATCH('/api/v1/admin/catalog/articles/{id}', { params: { path: { id: articleId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ARTICLES }),
  });
}
