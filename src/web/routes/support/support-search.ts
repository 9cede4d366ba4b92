import type { SupportStatus } from '../../../shared/api/support';
import { searchChoice, searchPage, searchText } from '../../lib/search';

// What «Техподдержка» and «Обращения» keep in the URL. Eager (the router imports it), so no zod here and only
// type imports from the shared contract.

const STATUSES = ['open', 'answered', 'closed'] as const satisfies readonly SupportStatus[];

export type SupportSearch = {
  status?: SupportStatus;
  page?: number;
  /** Opens «Новое обращение» with this serial chosen (a link from a license). */
  serial?: string;
};

export function validateSupportSearch(search: Record<string, unknown>): SupportSearch {
  return {
    status: searchChoice(search.status, STATUSES),
    page: searchPage(search.page),
    serial: searchText(search.serial),
  };
}

export type AdminSupportSearch = {
  q?: string;
  status?: SupportStatus;
  organizationId?: string;
  productCode?: string;
  assignee?: 'me' | 'none';
  page?: number;
};

export function validateAdminSupportSearch(search: Record<string, unknown>): AdminSupportSearch {
  return {
    q: searchText(search.q),
    status: searchChoice(search.status, STATUSES),
    organizationId: searchText(search.organizationId),
    productCode: searchText(search.productCode),
    assignee: searchChoice(search.assignee, ['me', 'none'] as const),
    page: searchPage(search.page),
  };
}
