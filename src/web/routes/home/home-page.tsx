import { Alert, Center, EmptyState, Grid, Skeleton, Stack } from '@mantine/core';
import { IconBuildingOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ORG_MANAGER_ROLES } from '../../../shared/api/roles';
import { useMe } from '../../api/queries/auth';
import { useOrganization } from '../../api/queries/organization';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../lib/errors';
import { ContactsCard } from './contacts-card';
import { LicensesCard } from './licenses-card';
import { MembersCard } from './members-card';
import { OrganizationCard } from './organization-card';
import { TechLeadCard } from './tech-lead-card';

/** «Главная»: the licenses and whom to call (seed 000, главная), then the organization, its contacts, its users. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // Right after logout the cache is empty for a moment before /login opens.
  if (!me) return null;
  const membership = me.organizations.find((org) => org.organizationId === me.activeOrganizationId);

  if (!membership) {
    return (
      <>
        <PageHeader title={t('nav.home')} crumbs={[]} />
        <Center mih={320}>
          <EmptyState
            icon={<IconBuildingOff size={32} />}
            withIndicatorBackground
            title={t('home.noOrganizationTitle')}
            description={t('home.noOrganizationText')}
          />
        </Center>
      </>
    );
  }

  const canManage = ORG_MANAGER_ROLES.includes(membership.role);
  return (
    <>
      <PageHeader title={t('nav.home')} crumbs={[]} />
      <HomeContent canManage={canManage} withLicenses={membership.programs.includes('licenses')} />
    </>
  );
}

function HomeContent({ canManage, withLicenses }: { canManage: boolean; withLicenses: boolean }) {
  const organization = useOrganization();
  const describe = useErrorMessage();

  if (organization.isError) return <Alert color="red">{describe(organization.error)}</Alert>;
  const card = organization.data ? (
    <OrganizationCard organization={organization.data} />
  ) : (
    <Skeleton h={260} />
  );
  // Seed 000 names what «Главная» is for: the tech lead's contact and the licenses table. So those open the
  // page (issue 14.5), the organization's requisites, contacts and users follow. The table keeps the full
  // width: its six columns with the serial numbers need it at 1280 px, so the contact sits on top of it.
  if (withLicenses)
    return (
      <Stack gap="lg">
        <TechLeadCard />
        <LicensesCard />
        {card}
        <ContactsAndMembers canManage={canManage} />
      </Stack>
    );
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>{card}</Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TechLeadCard />
        </Grid.Col>
      </Grid>
      <ContactsAndMembers canManage={canManage} />
    </Stack>
  );
}

function ContactsAndMembers({ canManage }: { canManage: boolean }) {
  const organization = useOrganization();
  return (
    <>
      {organization.data ? (
        <ContactsCard organization={organization.data} canEdit={canManage} />
      ) : (
        <Skeleton h={200} />
      )}
      {canManage && <MembersCard />}
    </>
  );
}
