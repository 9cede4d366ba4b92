import { searchChoice, searchPage, searchText } from '../../../lib/search';

/** What «Реестр устройств» keeps in the URL: serial search, vendor and model filters, sorting, page. */
export type DevicesSearch = {
  q?: string;
  vendorId?: string;
  modelId?: string;
  sort?: 'serial' | 'subscriptionEnd' | 'updatedAt';
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateDevicesSearch(search: Record<string, unknown>): DevicesSearch {
  return {
    q: searchText(search.q),
    vendorId: searchText(search.vendorId),
    modelId: searchText(search.modelId),
    sort: searchChoice(search.sort, ['serial', 'subscriptionEnd', 'updatedAt'] as const),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}
