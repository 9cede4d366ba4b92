import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/api/organizations';
import { MEMBERSHIP_ROLES } from '../../../../shared/api/roles';
import { formatDateTime } from '../../../../shared/dates';
import { useAdminOrganizationMembers, useMemberMutation } from '../../../api/queries/admin';
import { confirmAction } from '../../../components/confirm';
import { AnchorLink } from '../../../components/links';
import { StatusBadge } from '../../../components/status-badge';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { AddMemberForm } from './add-member-form';

type Props = { organizationId: string; canEdit: boolean };

/** Members of the organization with their roles; staff add people by email, change roles, remove. */
export function MembersSection({ organizationId, canEdit }: Props) {
  const { t } = useTranslation();
  const members = useAdminOrganizationMembers(organizationId);
  const mutation = useMemberMutation(organizationId);
  const notifyError = useNotifyError();
  const [adding, { open, close }] = useDisclosure(false);
  const roles = MEMBERSHIP_ROLES.map((role) => ({ value: role, label: t(`roles.membership.${role}`) }));
  const items = members.data?.items ?? [];

  const changeRole = (member: Member, value: string | null) => {
    const role = MEMBERSHIP_ROLES.find((candidate) => candidate === value);
    if (!role || role === member.role) return;
    mutation.mutate(
      { kind: 'role', userId: member.userId, role },
      { onSuccess: () => notifySuccess(t('admin.members.roleChanged')), onError: notifyError },
    );
  };
  const remove = (member: Member) =>
    confirmAction({
      title: t('admin.members.removeTitle'),
      text: t('admin.members.removeText', { name: member.name || member.email }),
      confirm: t('admin.members.remove'),
      onConfirm: () =>
        mutation.mutate(
          { kind: 'remove', userId: member.userId },
          { onSuccess: () => notifySuccess(t('admin.members.removed')), onError: notifyError },
        ),
    });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section">
      <Group justify="space-between" mb="md" gap="xs">
        <Group gap="xs" align="baseline">
          <Title order={2} fz="lg">
            {t('admin.members.title')}
          </Title>
          {members.data && (
            <Text c="dimmed" fz="sm">
              {t('home.membersCount', { count: items.length })}
            </Text>
          )}
        </Group>
        {canEdit && (
          <Button size="xs" leftSection={<IconUserPlus size={14} />} onClick={open}>
            {t('admin.members.add')}
          </Button>
        )}
      </Group>
      {members.isPending ? (
        <Skeleton h={140} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('admin.members.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.name')}</Table.Th>
                <Table.Th>{t('members.email')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th w={200}>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.lastLogin')}</Table.Th>
                {canEdit && <Table.Th w={48} aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>
                    <AnchorLink to="/admin/users/$userId" params={{ userId: member.userId }}>
                      {member.name || member.email}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={member.userStatus} kind="user" />
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <Select
                        size="xs"
                        aria-label={`${t('members.role')}: ${member.name || member.email}`}
                        data={roles}
                        value={member.role}
                        allowDeselect={false}
                        onChange={(value) => changeRole(member, value)}
                      />
                    ) : (
                      t(`roles.membership.${member.role}`)
                    )}
                  </Table.Td>
                  <Table.Td className="tabular">{formatDateTime(member.lastLoginAt)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Tooltip label={t('admin.members.remove')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('admin.members.remove')}: ${member.name || member.email}`}
                          onClick={() => remove(member)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={close} title={t('admin.members.addTitle')}>
        <AddMemberForm organizationId={organizationId} onDone={close} />
      </Modal>
    </Paper>
  );
}
