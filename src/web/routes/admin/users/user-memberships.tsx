import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../../shared/api/admin';
import { AnchorLink } from '../../../components/links';

/** The organizations the person belongs to; roles are changed on the organization's page. */
export function UserMemberships({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section">
      <Title order={2} fz="lg" mb="md">
        {t('admin.users.membershipsTitle')}
      </Title>
      {user.memberships.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('admin.users.membershipsEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organization.shortName')}</Table.Th>
                <Table.Th>{t('organization.inn')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.memberships.map((membership) => (
                <Table.Tr key={membership.organizationId}>
                  <Table.Td>
                    <AnchorLink
                      to="/admin/organizations/$organizationId"
                      params={{ organizationId: membership.organizationId }}
                    >
                      {membership.shortName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td className="tabular">{membership.inn}</Table.Td>
                  <Table.Td>{t(`roles.membership.${membership.role}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
