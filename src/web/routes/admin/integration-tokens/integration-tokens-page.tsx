import { Alert, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationToken } from '../../../../shared/api/integration-tokens';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { useIntegrationTokens, useRevokeIntegrationToken } from '../../../api/queries/integration-tokens';
import { confirmAction } from '../../../components/confirm';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { CreateIntegrationTokenModal } from './create-integration-token-modal';
import { usePermissionLabel } from './permission-label';

/**
 * «API-токены»: tokens of the operator's integrations (an ERP or a shop issuing licenses through
 * `Authorization: Bearer kbt_…`) — list, create (shown once), revoke. Administrators only.
 */
export function IntegrationTokensPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const permissionLabel = usePermissionLabel();
  const tokens = useIntegrationTokens();
  const revokeToken = useRevokeIntegrationToken();
  const notifyError = useNotifyError();
  const [creating, setCreating] = useState(false);

  const revoke = (token: IntegrationToken) =>
    confirmAction({
      title: t('integrationTokens.revokeTitle', { name: token.name }),
      text: t('integrationTokens.revokeText'),
      confirm: t('integrationTokens.revoke'),
      onConfirm: () =>
        revokeToken.mutate(token.id, {
          onSuccess: () => notifySuccess(t('integrationTokens.revoked')),
          onError: notifyError,
        }),
    });

  return (
    <>
      <PageHeader
        title={t('admin.nav.integrationTokens')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('admin.nav.integrationTokens') }]}
        description={t('integrationTokens.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('integrationTokens.create')}
          </Button>
        }
      />
      {tokens.isError ? (
        <Alert color="red">{describe(tokens.error)}</Alert>
      ) : (
        <DataTable<IntegrationToken>
          aria-label={t('admin.nav.integrationTokens')}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          fetching={tokens.isPending}
          loaderType="dots"
          minHeight={tokens.data?.items.length ? undefined : 200}
          records={tokens.data?.items ?? []}
          noRecordsText={t('integrationTokens.empty')}
          noRecordsIcon={<IconKey size={28} stroke={1.4} />}
          columns={[
            { accessor: 'name', title: t('integrationTokens.name') },
            {
              accessor: 'prefix',
              title: t('integrationTokens.prefix'),
              render: (token) => <Code>{token.prefix}…</Code>,
            },
            {
              accessor: 'permissions',
              title: t('integrationTokens.permissions'),
              render: (token) => (
                <Stack gap={2}>
                  {token.permissions.map((permission) => (
                    <Text key={permission} size="sm">
                      {permissionLabel(permission)}
                    </Text>
                  ))}
                </Stack>
              ),
            },
            {
              accessor: 'createdBy',
              title: t('integrationTokens.createdBy'),
              render: (token) => (
                <Text size="sm" title={token.createdBy.email}>
                  {token.createdBy.name}
                </Text>
              ),
            },
            {
              accessor: 'createdAt',
              title: t('common.createdAt'),
              render: (token) => <span className="tabular">{formatDate(token.createdAt)}</span>,
            },
            {
              accessor: 'lastUsedAt',
              title: t('integrationTokens.lastUsed'),
              render: (token) =>
                token.lastUsedAt ? (
                  <span className="tabular">{formatDateTime(token.lastUsedAt)}</span>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('integrationTokens.neverUsed')}
                  </Text>
                ),
            },
            {
              accessor: 'revokedAt',
              title: t('common.status'),
              noWrap: true,
              render: (token) =>
                token.revokedAt ? (
                  <Text size="sm" c="dimmed">
                    {t('integrationTokens.revokedOn', { date: formatDate(token.revokedAt) })}
                  </Text>
                ) : (
                  <Badge color="teal" variant="light" tt="none">
                    {t('integrationTokens.active')}
                  </Badge>
                ),
            },
            {
              accessor: 'actions',
              title: '',
              textAlign: 'right',
              render: (token) =>
                !token.revokedAt && (
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revokeToken.isPending && revokeToken.variables === token.id}
                      aria-label={`${t('integrationTokens.revoke')}: ${token.name}`}
                      onClick={() => revoke(token)}
                    >
                      {t('integrationTokens.revoke')}
                    </Button>
                  </Group>
                ),
            },
          ]}
        />
      )}
      <CreateIntegrationTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
