import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding, IconChevronRight } from '@tabler/icons-react';
import type { PartnerOrganization } from '../../../../shared/api/activations';
import { usePartnerTranslation } from '../i18n';

type Props = { organizations: PartnerOrganization[]; onChoose: (organization: PartnerOrganization) => void };

/** Seed 2.2 «Выберите организацию»: a card per organization open for activation — building icon, name, INN. */
export function OrganizationCards({ organizations, onChoose }: Props) {
  const { t } = usePartnerTranslation();
  return (
    <Stack gap="md">
      <Title order={2} fz="lg">
        {t('wizard.chooseOrganization')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {organizations.map((organization) => (
          <Card
            key={organization.id}
            component="button"
            type="button"
            withBorder
            padding="md"
            radius="md"
            onClick={() => onChoose(organization)}
            aria-label={`${organization.shortName}, ${t('common.innShort', { inn: organization.inn })}`}
            style={{ textAlign: 'left', cursor: 'pointer' }}
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
              </Stack>
              <IconChevronRight size={18} color="var(--mantine-color-dimmed)" aria-hidden />
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('wizard.noOrganizationHint')}
      </Text>
    </Stack>
  );
}
