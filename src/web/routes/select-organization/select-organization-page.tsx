import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuilding, IconChevronRight } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MembershipSummary } from '../../../shared/api/auth';
import { useLogout, useMe, useSwitchOrganization } from '../../api/queries/auth';
import { ButtonLink } from '../../components/links';
import { useNotifyError } from '../../lib/notify';
import { AuthLayout } from '../auth/auth-layout';

/** «Выберите организацию» (seed 002): a card per organization with a building icon, name and INN. */
export function SelectOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const switchOrganization = useSwitchOrganization();
  const logout = useLogout();
  const notifyError = useNotifyError();
  if (!me) return null;

  const choose = (organization: MembershipSummary) =>
    switchOrganization.mutate(organization.organizationId, {
      onSuccess: () => void navigate({ to: '/' }),
      onError: notifyError,
    });

  return (
    <AuthLayout
      title={t('selectOrganization.title')}
      description={t('selectOrganization.description')}
      width={720}
    >
      <Stack gap="lg">
        {me.organizations.length === 0 && <Text c="dimmed">{t('selectOrganization.none')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {me.organizations.map((organization) => {
            const blocked = organization.status === 'blocked';
            const pending =
              switchOrganization.isPending && switchOrganization.variables === organization.organizationId;
            return (
              <Card
                key={organization.organizationId}
                component="button"
                type="button"
                withBorder
                padding="md"
                radius="md"
                disabled={blocked || switchOrganization.isPending}
                onClick={() => choose(organization)}
                aria-label={`${organization.shortName}, ${t('organization.innShort', { inn: organization.inn })}`}
                aria-busy={pending}
                style={{
                  opacity: blocked ? 0.6 : 1,
                  textAlign: 'left',
                  cursor: blocked ? 'not-allowed' : 'pointer',
                }}
              >
                <Group wrap="nowrap" gap="md">
                  <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                    <IconBuilding size={24} />
                  </ThemeIcon>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={600} lineClamp={2}>
                      {organization.shortName}
                    </Text>
                    <Text size="sm" c="dimmed" className="tabular">
                      {organization.inn}
                    </Text>
                    {blocked && (
                      <Badge color="red" variant="light" size="sm">
                        {t('status.organization.blocked')}
                      </Badge>
                    )}
                  </Stack>
                  <IconChevronRight size={18} color="var(--mantine-color-dimmed)" aria-hidden />
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
        <Group justify="space-between">
          {me.user.staffRole ? (
            <ButtonLink to="/admin" variant="subtle">
              {t('nav.backOffice')}
            </ButtonLink>
          ) : (
            <span />
          )}
          <Button
            variant="subtle"
            color="gray"
            onClick={() =>
              logout.mutate({ everywhere: false }, { onSettled: () => void navigate({ to: '/login' }) })
            }
          >
            {t('auth.logout')}
          </Button>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
