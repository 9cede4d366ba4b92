import type { OrganizationResponse } from '../../../../shared/api/organizations';
import type { OrganizationProgram } from '../../../../shared/api/roles';
import { nullIfEmpty } from '../../../lib/format';

/** What the inputs hold: strings everywhere, so nothing switches between controlled and uncontrolled. */
export type OrganizationFormValues = {
  kind: 'legal' | 'individual';
  fullName: string;
  shortName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  legalAddress: string;
  postalAddress: string;
  bankName: string;
  bik: string;
  corrAccount: string;
  settlementAccount: string;
  email: string;
  documentEmails: string[];
  accountantEmail: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  programs: OrganizationProgram[];
};

export const EMPTY_ORGANIZATION: OrganizationFormValues = {
  kind: 'legal',
  fullName: '',
  shortName: '',
  inn: '',
  kpp: '',
  ogrn: '',
  legalAddress: '',
  postalAddress: '',
  bankName: '',
  bik: '',
  corrAccount: '',
  settlementAccount: '',
  email: '',
  documentEmails: [],
  accountantEmail: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  programs: [],
};

export function toFormValues(organization: OrganizationResponse): OrganizationFormValues {
  return {
    ...organization,
    kpp: organization.kpp ?? '',
    postalAddress: organization.postalAddress ?? '',
    accountantEmail: organization.accountantEmail ?? '',
    contactPhone: organization.contactPhone ?? '',
    contactEmail: organization.contactEmail ?? '',
  };
}

/** Inputs → request body: empty optional fields become null; an individual entrepreneur has no KPP. */
export function toRequestBody(values: OrganizationFormValues) {
  return {
    ...values,
    kpp: values.kind === 'individual' ? null : nullIfEmpty(values.kpp),
    postalAddress: nullIfEmpty(values.postalAddress),
    accountantEmail: nullIfEmpty(values.accountantEmail),
    contactPhone: nullIfEmpty(values.contactPhone),
    contactEmail: nullIfEmpty(values.contactEmail),
  };
}
