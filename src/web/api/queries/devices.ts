import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../shared/api/auth';
import type { DeviceImport, DeviceUpdateBody } from '../../../shared/api/devices';
import { API_PREFIX, ApiError, api, data, type QueryOf } from '../client';
import { ME_KEY, meQueryOptions } from './auth';

// The device registry of the back office and its file import (seed 002), as the server's `devices` module
// serves them.

const id = (value: string) => encodeURIComponent(value);
const DEVICES = ['admin', 'devices'] as const;
const IMPORTS = ['admin', 'device-imports'] as const;

export function useDevices(query: QueryOf<'/api/v1/admin/devices'>) {
  return useQuery({
    queryKey: [...DEVICES, query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/devices', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateDevice(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeviceUpdateBody) =>
      data(api.PATCH('/api/v1/admin/devices/{id}', { params: { path: { id: deviceId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEVICES }),
  });
}

export function useDeviceImports() {
  return useQuery({
    queryKey: IMPORTS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/devices/imports', { signal })),
  });
}

const RUNNING = new Set(['queued', 'reading', 'applying']);

/** One import, polled every second while it runs (the job writes its progress to the database). */
export function useDeviceImport(importId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...IMPORTS, importId],
    queryFn: async ({ signal }) => {
      const progress = await data(
        api.GET('/api/v1/admin/devices/imports/{id}', { params: { path: { id: importId ?? '' } }, signal }),
      );
      if (progress.status === 'completed') void queryClient.invalidateQueries({ queryKey: DEVICES });
      if (!RUNNING.has(progress.status))
        void queryClient.invalidateQueries({ queryKey: IMPORTS, exact: true });
      return progress;
    },
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data && !RUNNING.has(query.state.data.status) ? false : 1000),
  });
}

async function postFile(file: File, csrfToken: string | null): Promise<DeviceImport> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}/admin/devices/imports?fileName=${id(file.name)}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'Нет связи с сервером' });
  }
  const body = (await response.json().catch(() => null)) as
    | (DeviceImport & { error?: undefined })
    | { error?: { code?: string; message?: string; details?: unknown; requestId?: string } }
    | null;
  if (response.ok && body && !body.error) return body as DeviceImport;
  const error = body?.error;
  throw new ApiError({
    code: error?.code ?? `HTTP_${response.status}`,
    status: response.status,
    message: error?.message ?? response.statusText,
    details: error?.details,
    requestId: error?.requestId,
  });
}

/**
 * Sends the file's bytes as the request body (streamed to storage on the server, never parsed in the
 * browser); a stale CSRF token (re-login in another tab) is refreshed once.
 */
export function useUploadDeviceImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const token = () => queryClient.getQueryData<MeResponse | null>(ME_KEY)?.csrfToken ?? null;
      try {
        return await postFile(file, token());
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'CSRF_FAILED') throw error;
        await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
        return postFile(file, token());
      }
    },
    onSuccess: (created) => {
      queryClient.setQueryData([...IMPORTS, created.id], created);
      void queryClient.invalidateQueries({ queryKey: IMPORTS, exact: true });
    },
  });
}
