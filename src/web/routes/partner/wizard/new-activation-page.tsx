import { Alert, Skeleton, Stack, Text } from '@mantine/core';
import { IconList } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { PartnerOrganization } from '../../../../shared/api/activations';
import { useMe } from '../../../api/queries/auth';
import { usePartnerOrganizations } from '../../../api/queries/partner-activations';
import { ButtonLink } from '../../../components/links';
import type { Crumb } from '../../../components/page-header';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { usePartnerTranslation } from '../i18n';
import { ActivationWorkspace } from './activation-workspace';
import { OfferAcceptance } from './offer-acceptance';
import { OrganizationCards } from './organization-cards';

const route = getRouteApi('/authed/cabinet/organization/activations/new');

/**
 * «Активация лицензий»: choose the organization when several may activate (seed 2.2), accept the offer when
 * its current version is not accepted yet (2.3), then check and activate serials (2.4). An organization
 * blocked for an overdue payment sees why and cannot activate.
 */
export function NewActivationPage() {
  const { t } = usePartnerTranslation();
  const describe = useErrorMessage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const organizations = usePartnerOrganizations();
  const candidates = (organizations.data?.items ?? []).filter((organization) => organization.mayActivate);
  const [only] = candidates;
  const chosen = search.organizationId
    ? candidates.find((organization) => organization.id === search.organizationId)
    : candidates.length === 1
      ? only
      : undefined;

  const crumbs: Crumb[] = [
    { label: t('nav.home'), to: '/' },
    { label: t('nav.licenses'), to: '/activations' },
    chosen && candidates.length > 1
      ? { label: t('wizard.title'), to: '/activations/new' }
      : { label: t('wizard.title') },
    ...(chosen ? [{ label: chosen.shortName }] : []),
  ];
  const choose = (organization: PartnerOrganization) =>
    void navigate({ search: { organizationId: organization.id } });

  let body: React.ReactNode;
  if (organizations.isError) body = <Alert color="red">{describe(organizations.error)}</Alert>;
  else if (organizations.isPending || !me.data) body = <Skeleton h={160} radius="md" />;
  else if (candidates.length === 0) body = <Alert color="yellow">{t('wizard.noOrganizations')}</Alert>;
  else if (!chosen)
    body = (
      <Stack gap="md">
        {search.organizationId && <Alert color="yellow">{t('wizard.unknownOrganization')}</Alert>}
        <OrganizationCards organizations={candidates} onChoose={choose} />
      </Stack>
    );
  else
    body = (
      <Stack gap="md">
        <Text>
          {t('common.organization')}:{' '}
          <Text span fw={600}>
            {chosen.shortName}
          </Text>
        </Text>
        {chosen.blockedReason ? (
          <Alert color="red" variant="light" title={t('wizard.blockedTitle')}>
            {chosen.blockedReason}
          </Alert>
        ) : !chosen.offerAccepted ? (
          <OfferAcceptance organization={chosen} />
        ) : (
          <ActivationWorkspace key={chosen.id} organization={chosen} userId={me.data.user.id} />
        )}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('wizard.title')}
        crumbs={crumbs}
        actions={
          <ButtonLink to="/activations" variant="default" leftSection={<IconList size={16} />}>
            {t('common.activationsList')}
          </ButtonLink>
        }
      />
      {body}
    </>
  );
}
