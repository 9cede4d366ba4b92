import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCircleCheck, IconCopy, IconMail, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LicenseIssueResponse } from '../../../../shared/api/licenses';
import { ButtonLink } from '../../../components/links';

type Props = {
  result: LicenseIssueResponse;
  /** As the form picked it: `membersCount` 0 means this was the organization's first shipment. */
  organization: { shortName: string; inn: string; membersCount: number };
  onAgain: () => void;
};

/** The issued serials, to copy into the shipment documents, and whether the owner was invited. */
export function IssueResult({ result, organization, onAgain }: Props) {
  const { t } = useTranslation();
  const serials = result.licenses.map((license) => license.serial);

  return (
    <Stack gap="lg" maw={880}>
      <Alert
        color="teal"
        icon={<IconCircleCheck size={20} />}
        title={t('licensesAdmin.issue.doneTitle', { count: serials.length })}
      >
        <Text size="sm">
          {t('licensesAdmin.issue.doneText', {
            organization: organization.shortName,
            article: `${result.article.code} — ${result.article.name}`,
            quantity: result.quantity,
          })}
        </Text>
        {result.reference && (
          <Text size="sm">{t('licensesAdmin.issue.doneReference', { reference: result.reference })}</Text>
        )}
      </Alert>
      <Alert color={result.invitedEmail ? 'blue' : 'gray'} icon={<IconMail size={20} />} variant="light">
        {!result.invitedEmail
          ? t('licensesAdmin.issue.notInvited')
          : organization.membersCount === 0
            ? t('licensesAdmin.issue.invited', { email: result.invitedEmail })
            : t('licensesAdmin.issue.invitedMember', { email: result.invitedEmail })}
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="lg">
            {t('licensesAdmin.issue.serialsTitle')}
          </Title>
          <CopyButton value={serials.join('\n')}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('licensesAdmin.issue.copyAll')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Table
          withTableBorder
          striped
          verticalSpacing="xs"
          aria-label={t('licensesAdmin.issue.serialsTitle')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90} ta="right">
                {t('licenses.number')}
              </Table.Th>
              <Table.Th>{t('licenses.serial')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.licenses.map((license) => (
              <Table.Tr key={license.id}>
                <Table.Td ta="right" className="tabular">
                  {license.number}
                </Table.Td>
                <Table.Td ff="monospace">{license.serial}</Table.Td>
                <Table.Td>
                  <CopyButton value={license.serial} timeout={1500}>
                    {({ copied, copy }) => (
                      <Tooltip label={copied ? t('common.copied') : t('licenses.copySerial')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color={copied ? 'teal' : 'gray'}
                          size="sm"
                          onClick={copy}
                          aria-label={`${t('licenses.copySerial')}: ${license.serial}`}
                        >
                          {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </CopyButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={onAgain}>
          {t('licensesAdmin.issue.again')}
        </Button>
        <ButtonLink variant="default" to="/admin/licenses" search={{ q: organization.inn }}>
          {t('licensesAdmin.issue.toRegistry')}
        </ButtonLink>
      </Group>
    </Stack>
  );
}
