import { Badge, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { isApiError } from '../../api/client';
import { useOrganizationMembers } from '../../api/queries/organization';
import { Section } from '../../components/section';

/** Who has access to the organization's cabinet; owners and admins see it. */
export function MembersCard() {
  const { t } = useTranslation();
  const members = useOrganizationMembers(true);
  // Roles can change while the page is open; a 403 then just hides the card.
  if (isApiError(members.error, 'FORBIDDEN')) return null;

  const items = members.data?.items ?? [];
  return (
    <Section
      title={t('home.membersTitle')}
      description={members.data ? t('home.membersCount', { count: items.length }) : undefined}
    >
      {members.isPending ? (
        <Skeleton h={120} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('home.membersEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.name')}</Table.Th>
                <Table.Th>{t('members.email')}</Table.Th>
                <Table.Th>{t('members.phone')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>
                    {member.name}
                    {member.userStatus === 'blocked' && (
                      <Badge ml="xs" size="xs" color="red" variant="light">
                        {t('status.user.blocked')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>{member.phone ?? '—'}</Table.Td>
                  <Table.Td>{t(`roles.membership.${member.role}`)}</Table.Td>
                  <Table.Td className="tabular">{formatDateTime(member.lastLoginAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
