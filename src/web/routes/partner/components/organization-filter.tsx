import { Select } from '@mantine/core';
import { usePartnerOrganizations } from '../../../api/queries/partner-activations';
import { usePartnerTranslation } from '../i18n';

type Props = { value: string | undefined; onChange: (organizationId: string | undefined) => void };

/** The «Организация» filter of the partner's lists: shown only with more than one organization (seed 2.1). */
export function OrganizationFilter({ value, onChange }: Props) {
  const { t } = usePartnerTranslation();
  const organizations = usePartnerOrganizations().data?.items ?? [];
  if (organizations.length <= 1) return null;
  return (
    <Select
      aria-label={t('common.organization')}
      placeholder={t('common.organization')}
      data={organizations.map((org) => ({ value: org.id, label: org.shortName }))}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      clearable
      w={270}
    />
  );
}
