import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationResponse } from '../../../shared/api/organizations';
import { InfoList, type InfoRow } from '../../components/info-list';
import { Section } from '../../components/section';
import { StatusBadge } from '../../components/status-badge';

/** The organization's requisites as the operator keeps them; people read, the operator edits. */
export function OrganizationCard({ organization }: { organization: OrganizationResponse }) {
  const { t } = useTranslation();
  const individual = organization.kind === 'individual';
  const rows: InfoRow[] = [
    { label: t('organization.fullName'), value: organization.fullName },
    {
      label: individual || !organization.kpp ? t('organization.inn') : t('organization.innKpp'),
      value: (
        <span className="tabular">
          {individual || !organization.kpp ? organization.inn : `${organization.inn} / ${organization.kpp}`}
        </span>
      ),
    },
    {
      label: individual ? t('organization.ogrnip') : t('organization.ogrn'),
      value: <span className="tabular">{organization.ogrn}</span>,
    },
    { label: t('organization.legalAddress'), value: organization.legalAddress },
  ];
  if (organization.programs.length > 0) {
    rows.push({
      label: t('organization.programs'),
      value: (
        <Group gap={6}>
          {organization.programs.map((program) => (
            <Badge key={program} variant="light" color="gray">
              {t(`programs.${program}`)}
            </Badge>
          ))}
        </Group>
      ),
    });
  }
  return (
    <Section
      title={organization.shortName}
      actions={<StatusBadge status={organization.status} kind="organization" />}
    >
      <InfoList rows={rows} labelWidth={180} />
    </Section>
  );
}
