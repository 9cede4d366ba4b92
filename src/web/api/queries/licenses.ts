import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProductList } from '../../../shared/api/catalog';
import type {
  LicenseDetail,
  LicenseList,
  LicenseListQuery,
  SerialDecodeResponse,
} from '../../../shared/api/licenses';
import { api, withQuery } from '../client';

// Licenses of the active organization (seed 000); keys start with `organization` so switching
// organizations drops them with the rest of its data.

export function useLicenses(query: LicenseListQuery) {
  return useQuery({
    queryKey: ['organization', 'licenses', query],
    queryFn: ({ signal }) => api.get<LicenseList>(withQuery('/licenses', query), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One license with its serial decoded (parts in words, generation date). */
export function useLicense(id: string | null) {
  return useQuery({
    queryKey: ['organization', 'license', id],
    queryFn: ({ signal }) => api.get<LicenseDetail>(`/licenses/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** «Продукты»: cards with a description and the «Подробнее» link. */
export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: ({ signal }) => api.get<ProductList>('/products', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The public decoder; a bad serial is a 400 `SERIAL_INVALID` whose details name the wrong parts. */
export function useSerialDecode(serial: string | undefined) {
  return useQuery({
    queryKey: ['serial-number', serial],
    queryFn: ({ signal }) =>
      api.get<SerialDecodeResponse>(`/serial-numbers/${encodeURIComponent(serial ?? '')}`, {
        signal,
        quietUnauthenticated: true,
      }),
    enabled: Boolean(serial),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
