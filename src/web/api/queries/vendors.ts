import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeviceModelSaveBody,
  LicensePriceCreateBody,
  LicenseType,
  LicenseTypeListQuery,
  LicenseTypeSaveBody,
  VendorSaveBody,
} from '../../../shared/api/devices';
import { api, data } from '../client';

// Seed 002 reference data in the back office, as the server's `vendors` module serves it: vendors and their
// device models, license types and their dated prices.

const VENDORS = ['admin', 'vendors'] as const;
const TYPES = ['admin', 'license-types'] as const;

export function useVendors() {
  return useQuery({
    queryKey: VENDORS,
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/vendors', { signal })),
  });
}

export function useVendor(vendorId: string) {
  return useQuery({
    queryKey: [...VENDORS, vendorId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/vendors/{id}', { params: { path: { id: vendorId } }, signal })),
  });
}

/** Create (no id) or update a vendor; the list and the card are refreshed. */
export function useSaveVendor(vendorId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorSaveBody) =>
      vendorId
        ? data(api.PUT('/api/v1/admin/vendors/{id}', { params: { path: { id: vendorId } }, body }))
        : data(api.POST('/api/v1/admin/vendors', { body })),
    onSuccess: (vendor) => {
      queryClient.setQueryData([...VENDORS, vendor.id], vendor);
      void queryClient.invalidateQueries({ queryKey: VENDORS, exact: true });
    },
  });
}

/** Add a model to a vendor, or rename / re-method one (`modelId`). */
export function useSaveModel(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ modelId, body }: { modelId?: string; body: DeviceModelSaveBody }) =>
      modelId
        ? data(api.PUT('/api/v1/admin/device-models/{id}', { params: { path: { id: modelId } }, body }))
        : data(api.POST('/api/v1/admin/vendors/{id}/models', { params: { path: { id: vendorId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VENDORS }),
  });
}

// ---- License types and prices --------------------------------------------------------------------------

export function useLicenseTypes(query: LicenseTypeListQuery) {
  return useQuery({
    queryKey: [...TYPES, 'list', query],
    queryFn: ({ signal }) => data(api.GET('/api/v1/admin/license-types', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useLicenseType(typeId: string) {
  return useQuery({
    queryKey: [...TYPES, typeId],
    queryFn: ({ signal }) =>
      data(api.GET('/api/v1/admin/license-types/{id}', { params: { path: { id: typeId } }, signal })),
  });
}

/** Every change of a license type answers the whole type (with its prices): the card takes it as is. */
function useLicenseTypeMutation<B>(request: (body: B) => Promise<LicenseType>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (type) => {
      queryClient.setQueryData([...TYPES, type.id], type);
      void queryClient.invalidateQueries({ queryKey: [...TYPES, 'list'] });
    },
  });
}

export function useSaveLicenseType(typeId?: string) {
  return useLicenseTypeMutation((body: LicenseTypeSaveBody) =>
    typeId
      ? data(api.PUT('/api/v1/admin/license-types/{id}', { params: { path: { id: typeId } }, body }))
      : data(api.POST('/api/v1/admin/license-types', { body })),
  );
}

export function useAddLicensePrice(typeId: string) {
  return useLicenseTypeMutation((body: LicensePriceCreateBody) =>
    data(api.POST('/api/v1/admin/license-types/{id}/prices', { params: { path: { id: typeId } }, body })),
  );
}

export function useDeleteLicensePrice(typeId: string) {
  return useLicenseTypeMutation((priceId: string) =>
    data(
      api.DELETE('/api/v1/admin/license-types/{id}/prices/{priceId}', {
        params: { path: { id: typeId, priceId } },
      }),
    ),
  );
}
