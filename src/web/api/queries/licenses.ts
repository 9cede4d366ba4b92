import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LicenseIssueBody } from '../../../shared/api/licenses';
import { api, data, QUIET, type QueryOf } from '../client';

// Licenses of the active organization (seed 000); keys start with `organization` so switching
// organizations drops them with the rest of its data.

export function useLicenses(query: QueryOf<'/api/v1/licenses'>) {
  return useQuery({
    queryKey: ['organization', 'licenses', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/licenses', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One license with its serial decoded (parts in words, generation date). */
export function useLicense(id: string | null) {
  return useQuery({
    queryKey: ['organization', 'license', id],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/licenses/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

/** «Продукты»: cards with a description and the «Подробнее» link. */
export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/products', { signal })),
    staleTime: 10 * 60_000,
  });
}

/** The public decoder; a bad serial is a 400 `SERIAL_INVALID` whose details name the wrong parts. */
export function useSerialDecode(serial: string | undefined) {
  return useQuery({
    queryKey: ['serial-number', serial],
    queryFn: ({ signal }) =>
      data(
        api.GET('/api/v1/serial-numbers/{serial}', {
          params: { path: { serial: serial ?? '' } },
          signal,
          ...QUIET,
        }),
      ),
    enabled: Boolean(serial),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// ---- Back office: the register, issuance, activations by hand, CSV import ----------------------------

const ADMIN_LICENSES = ['admin', 'licenses'] as const;

export function useAdminLicenses(query: QueryOf<'/api/v1/admin/licenses'>) {
  return useQuery({
    queryKey: [...ADMIN_LICENSES, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/licenses', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** «Отгрузка лицензий»: the same `Idempotency-Key` for one filled form, so a double click issues once. */
export function useIssueLicenses() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: LicenseIssueBody; idempotencyKey: string }) =>
      data(
        api.POST('/api/v1/admin/licenses/issue', { body, headers: { 'idempotency-key': idempotencyKey } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_LICENSES }),
  });
}

export function useSetActivations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ licenseId, count }: { licenseId: string; count: number }) =>
      data(
        api.POST('/api/v1/admin/licenses/{id}/activations', {
          params: { path: { id: licenseId } },
          body: {
            count,
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_LICENSES }),
  });
}

/** All or nothing: a 400 `IMPORT_INVALID` carries `{ row, column, message }` for every wrong cell. */
export function useImportLicenses() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => data(api.POST('/api/v1/admin/licenses/import', { body: { csv } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_LICENSES }),
  });
}
