import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../shared/api/auth';
import type {
  Device,
  DeviceImport,
  DeviceImportList,
  DeviceList,
  DeviceListQuery,
  DeviceModel,
  DeviceModelSaveBody,
  DeviceUpdateBody,
  LicensePriceCreateBody,
  LicenseType,
  LicenseTypeList,
  LicenseTypeListQuery,
  LicenseTypeSaveBody,
  Vendor,
  VendorList,
  VendorSaveBody,
} from '../../../shared/api/devices';
import type {
  OfferAcceptanceList,
  OfferPublishBody,
  OfferSaveBody,
  OfferVersion,
  OfferVersionList,
  PartnerAccount,
  PartnerAccountList,
  PartnerTerms,
  PartnerTermsSaveBody,
} from '../../../shared/api/offers';
import { API_PREFIX, ApiError, api, withQuery } from '../client';
import { ME_KEY, meQueryOptions } from './auth';

// Seed 002 reference data in the back office: vendors and models, the device registry and its import,
// license types and prices, offer versions, partner terms.

const id = (value: string) => encodeURIComponent(value);
const VENDORS = ['admin', 'vendors'] as const;
const DEVICES = ['admin', 'devices'] as const;
const IMPORTS = ['admin', 'device-imports'] as const;
const TYPES = ['admin', 'license-types'] as const;
const OFFERS = ['admin', 'offers'] as const;
const ACCOUNTS = ['admin', 'partner-accounts'] as const;

// ---- Vendors -------------------------------------------------------------------------------------------

export function useVendors() {
  return useQuery({
    queryKey: VENDORS,
    queryFn: ({ signal }) => api.get<VendorList>('/admin/vendors', { signal }),
  });
}

export function useVendor(vendorId: string) {
  return useQuery({
    queryKey: [...VENDORS, vendorId],
    queryFn: ({ signal }) => api.get<Vendor>(`/admin/vendors/${id(vendorId)}`, { signal }),
  });
}

/** Create (no id) or update a vendor; the list and the card are refreshed. */
export function useSaveVendor(vendorId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VendorSaveBody) =>
      vendorId
        ? api.put<Vendor>(`/admin/vendors/${id(vendorId)}`, body)
        : api.post<Vendor>('/admin/vendors', body),
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
        ? api.put<DeviceModel>(`/admin/device-models/${id(modelId)}`, body)
        : api.post<DeviceModel>(`/admin/vendors/${id(vendorId)}/models`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VENDORS }),
  });
}

// ---- Device registry -----------------------------------------------------------------------------------

export function useDevices(query: DeviceListQuery) {
  return useQuery({
    queryKey: [...DEVICES, query],
    queryFn: ({ signal }) => api.get<DeviceList>(withQuery('/admin/devices', query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateDevice(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeviceUpdateBody) => api.patch<Device>(`/admin/devices/${id(deviceId)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEVICES }),
  });
}

export function useDeviceImports() {
  return useQuery({
    queryKey: IMPORTS,
    queryFn: ({ signal }) => api.get<DeviceImportList>('/admin/devices/imports', { signal }),
  });
}

const RUNNING = new Set(['queued', 'reading', 'applying']);

/** One import, polled every second while it runs (the job writes its progress to the database). */
export function useDeviceImport(importId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...IMPORTS, importId],
    queryFn: async ({ signal }) => {
      const progress = await api.get<DeviceImport>(`/admin/devices/imports/${id(importId ?? '')}`, {
        signal,
      });
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

// ---- License types and prices --------------------------------------------------------------------------

export function useLicenseTypes(query: LicenseTypeListQuery) {
  return useQuery({
    queryKey: [...TYPES, 'list', query],
    queryFn: ({ signal }) => api.get<LicenseTypeList>(withQuery('/admin/license-types', query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLicenseType(typeId: string) {
  return useQuery({
    queryKey: [...TYPES, typeId],
    queryFn: ({ signal }) => api.get<LicenseType>(`/admin/license-types/${id(typeId)}`, { signal }),
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
      ? api.put<LicenseType>(`/admin/license-types/${id(typeId)}`, body)
      : api.post<LicenseType>('/admin/license-types', body),
  );
}

export function useAddLicensePrice(typeId: string) {
  return useLicenseTypeMutation((body: LicensePriceCreateBody) =>
    api.post<LicenseType>(`/admin/license-types/${id(typeId)}/prices`, body),
  );
}

export function useDeleteLicensePrice(typeId: string) {
  return useLicenseTypeMutation((priceId: string) =>
    api.delete<LicenseType>(`/admin/license-types/${id(typeId)}/prices/${id(priceId)}`),
  );
}

// ---- Offer ---------------------------------------------------------------------------------------------

export function useOffers() {
  return useQuery({
    queryKey: OFFERS,
    queryFn: ({ signal }) => api.get<OfferVersionList>('/admin/offers', { signal }),
  });
}

export function useOfferAcceptances(offerId: string | null) {
  return useQuery({
    queryKey: [...OFFERS, offerId, 'acceptances'],
    queryFn: ({ signal }) =>
      api.get<OfferAcceptanceList>(`/admin/offers/${id(offerId ?? '')}/acceptances`, { signal }),
    enabled: offerId !== null,
  });
}

/** Create a draft, edit a draft (`edit`) or publish one (`publish`); the versions list is refreshed. */
export function useOfferMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'create'; body: OfferSaveBody }
        | { kind: 'edit'; offerId: string; body: OfferSaveBody }
        | { kind: 'publish'; offerId: string; body: OfferPublishBody },
    ) => {
      if (change.kind === 'create') return api.post<OfferVersion>('/admin/offers', change.body);
      if (change.kind === 'edit')
        return api.put<OfferVersion>(`/admin/offers/${id(change.offerId)}`, change.body);
      return api.post<OfferVersion>(`/admin/offers/${id(change.offerId)}/publish`, change.body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OFFERS }),
  });
}

// ---- Partner terms -------------------------------------------------------------------------------------

export function usePartnerTerms(organizationId: string) {
  return useQuery({
    queryKey: ['admin', 'organizations', organizationId, 'partner-terms'],
    queryFn: ({ signal }) =>
      api.get<PartnerTerms>(`/admin/organizations/${id(organizationId)}/partner-terms`, { signal }),
  });
}

export function useSavePartnerTerms(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerTermsSaveBody) =>
      api.put<PartnerTerms>(`/admin/organizations/${id(organizationId)}/partner-terms`, body),
    onSuccess: (terms) => {
      queryClient.setQueryData(['admin', 'organizations', organizationId, 'partner-terms'], terms);
      // Other organizations of the account list this one now.
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS });
    },
  });
}

export function usePartnerAccounts() {
  return useQuery({
    queryKey: ACCOUNTS,
    queryFn: ({ signal }) => api.get<PartnerAccountList>('/admin/partner-accounts', { signal }),
  });
}

export function useCreatePartnerAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<PartnerAccount>('/admin/partner-accounts', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNTS }),
  });
}
