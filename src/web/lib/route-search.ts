import { ORGANIZATION_PROGRAMS, ORGANIZATION_STATUSES, USER_STATUSES } from '../../shared/api/roles';
import { MAIL_STATUS_VALUES } from './mail-statuses';
import { searchChoice, searchPage, searchText } from './search';

// What the back-office lists keep in the URL (filters, sorting, page), so a link or the back button
// restores the same view. Validators are hand-written on purpose: zod stays out of the eager bundle.

export type OrganizationsSearch = {
  q?: string;
  status?: (typeof ORGANIZATION_STATUSES)[number];
  program?: (typeof ORGANIZATION_PROGRAMS)[number];
  sort?: 'shortName' | 'inn' | 'createdAt';
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateOrganizationsSearch(search: Record<string, unknown>): OrganizationsSearch {
  return {
    q: searchText(search.q),
    status: searchChoice(search.status, ORGANIZATION_STATUSES),
    program: searchChoice(search.program, ORGANIZATION_PROGRAMS),
    sort: searchChoice(search.sort, ['shortName', 'inn', 'createdAt'] as const),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}

export type UsersSearch = {
  q?: string;
  status?: (typeof USER_STATUSES)[number];
  staff?: 'staff' | 'customers';
  sort?: 'email' | 'name' | 'createdAt' | 'lastLoginAt';
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateUsersSearch(search: Record<string, unknown>): UsersSearch {
  return {
    q: searchText(search.q),
    status: searchChoice(search.status, USER_STATUSES),
    staff: searchChoice(search.staff, ['staff', 'customers'] as const),
    sort: searchChoice(search.sort, ['email', 'name', 'createdAt', 'lastLoginAt'] as const),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}

export type AuditSearch = {
  q?: string;
  action?: string;
  organizationId?: string;
  userId?: string;
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  page?: number;
};

export function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  return {
    q: searchText(search.q),
    action: searchText(search.action),
    organizationId: searchText(search.organizationId),
    userId: searchText(search.userId),
    from: searchText(search.from),
    to: searchText(search.to),
    order: searchChoice(search.order, ['asc', 'desc'] as const),
    page: searchPage(search.page),
  };
}

export type MailSearch = { q?: string; status?: (typeof MAIL_STATUS_VALUES)[number]; page?: number };

export function validateMailSearch(search: Record<string, unknown>): MailSearch {
  return {
    q: searchText(search.q),
    status: searchChoice(search.status, MAIL_STATUS_VALUES),
    page: searchPage(search.page),
  };
}
