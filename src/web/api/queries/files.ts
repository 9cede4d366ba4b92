import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../shared/api/auth';
import type { AdminProductFile, ProductFileUpdateBody } from '../../../shared/api/files';
import { API_PREFIX, ApiError, api, data } from '../client';
import { ME_KEY, meQueryOptions } from './auth';

// Product files (seed 000): «Скачать» and «Информация» of the active organization (keys start with
// `organization`, so switching organizations drops them), and the back office's «Файлы продуктов».

const FILES = ['admin', 'product-files'] as const;
const id = (value: string) => encodeURIComponent(value);

export function useDownloads() {
  return useQuery({
    queryKey: ['organization', 'downloads'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/downloads', { signal })),
  });
}

export function useInformation() {
  return useQuery({
    queryKey: ['organization', 'information'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/information', { signal })),
  });
}

/** Every product code of table 1, for the back office's product picker. */
export function useFileProducts() {
  return useQuery({
    queryKey: [...FILES, 'products'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/catalog/products', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useProductFiles(productCode: string | undefined) {
  return useQuery({
    queryKey: [...FILES, 'list', productCode],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/admin/catalog/products/{code}/files', {
          params: { path: { code: productCode ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(productCode),
  });
}

export type FileChange =
  | { id: string; body: ProductFileUpdateBody }
  | { id: string; action: 'withdraw' | 'restore' };

/** Edit the metadata, withdraw or restore; every change refreshes the list. */
export function useProductFileChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: FileChange) =>
      'action' in change
        ? data(
            api.POST(
              change.action === 'withdraw'
                ? '/api/v1/admin/catalog/files/{id}/withdraw'
                : '/api/v1/admin/catalog/files/{id}/restore',
              { params: { path: { id: change.id } } },
            ),
          )
        : data(
            api.PATCH('/api/v1/admin/catalog/files/{id}', {
              params: { path: { id: change.id } },
              body: change.body,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...FILES, 'list'] }),
  });
}

export type UploadProgress = { loaded: number; total: number };

export type UploadRequest = {
  productCode: string;
  /** Metadata fields; sent before the file, as the server reads them first. */
  fields: Record<string, string | undefined>;
  file: File;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

function toError(xhr: XMLHttpRequest): ApiError {
  const body = xhr.response as {
    error?: { code?: string; message?: string; details?: unknown; requestId?: string };
  } | null;
  return new ApiError({
    code: body?.error?.code ?? `HTTP_${xhr.status}`,
    status: xhr.status,
    message: body?.error?.message ?? xhr.statusText,
    details: body?.error?.details,
    requestId: body?.error?.requestId,
  });
}

/**
 * fetch() reports no upload progress, so multi-gigabyte distributions go through XMLHttpRequest, with the
 * session cookie and the same `X-CSRF-Token` header the api client sends.
 */
function postMultipart(request: UploadRequest, csrfToken: string | null): Promise<AdminProductFile> {
  const form = new FormData();
  for (const [name, value] of Object.entries(request.fields))
    if (value !== undefined && value !== '') form.append(name, value);
  form.append('file', request.file, request.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_PREFIX}/admin/catalog/products/${id(request.productCode)}/files`);
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.response as AdminProductFile)
        : reject(toError(xhr));
    xhr.onerror = () =>
      reject(new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'Нет связи с сервером' }));
    xhr.onabort = () => reject(new DOMException('Загрузка отменена', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Uploads a file with progress; a stale CSRF token (re-login in another tab) is refreshed once. */
export function useUploadProductFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: UploadRequest) => {
      const token = () => queryClient.getQueryData<MeResponse | null>(ME_KEY)?.csrfToken ?? null;
      try {
        return await postMultipart(request, token());
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'CSRF_FAILED') throw error;
        await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
        return postMultipart(request, token());
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...FILES, 'list'] }),
  });
}
