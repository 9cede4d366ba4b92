import { Alert, Badge, Button, Code, Group, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductApiToken } from '../../../../shared/api/catalog';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { useProductTokens, useRevokeProductToken } from '../../../api/queries/catalog';
import { confirmAction } from '../../../components/confirm';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { CreateTokenModal } from './create-token-modal';

/** Tokens the product's activation server reports activations with (`POST /api/v1/activation-reports`). */
export function ProductTokens({ productCode }: { productCode: string }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const tokens = useProductTokens(productCode);
  const mutation = useRevokeProductToken(productCode);
  const notifyError = useNotifyError();
  const [creating, setCreating] = useState(false);

  const revoke = (token: ProductApiToken) =>
    confirmAction({
      title: t('catalogAdmin.tokens.revokeTitle', { name: token.name }),
      text: t('catalogAdmin.tokens.revokeText'),
      confirm: t('catalogAdmin.tokens.revoke'),
      onConfirm: () =>
        mutation.mutate(token.id, {
          onSuccess: () => notifySuccess(t('catalogAdmin.tokens.revoked')),
          onError: notifyError,
        }),
    });

  return (
    <Section
      title={t('catalogAdmin.tokens.title')}
      description={t('catalogAdmin.tokens.description')}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('catalogAdmin.tokens.create')}
        </Button>
      }
    >
      {tokens.isError ? (
        <Alert color="red">{describe(tokens.error)}</Alert>
      ) : (
        <DataTable<ProductApiToken>
          aria-label={t('catalogAdmin.tokens.title')}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          fetching={tokens.isPending}
          loaderType="dots"
          minHeight={tokens.data?.items.length ? undefined : 160}
          records={tokens.data?.items ?? []}
          noRecordsText={t('catalogAdmin.tokens.empty')}
          noRecordsIcon={<IconKey size={28} stroke={1.4} />}
          columns={[
            { accessor: 'name', title: t('catalogAdmin.tokens.name') },
            {
              accessor: 'prefix',
              title: t('catalogAdmin.tokens.prefix'),
              render: (token) => <Code>{token.prefix}…</Code>,
            },
            {
              accessor: 'createdAt',
              title: t('common.createdAt'),
              render: (token) => <span className="tabular">{formatDate(token.createdAt)}</span>,
            },
            {
              accessor: 'lastUsedAt',
              title: t('catalogAdmin.tokens.lastUsed'),
              render: (token) =>
                token.lastUsedAt ? (
                  <span className="tabular">{formatDateTime(token.lastUsedAt)}</span>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('catalogAdmin.tokens.neverUsed')}
                  </Text>
                ),
            },
            {
              accessor: 'revokedAt',
              title: t('common.status'),
              render: (token) =>
                token.revokedAt ? (
                  <Badge color="gray" variant="light">
                    {t('catalogAdmin.tokens.revokedOn', { date: formatDate(token.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('catalogAdmin.tokens.active')}
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
                      loading={mutation.isPending && mutation.variables === token.id}
                      aria-label={`${t('catalogAdmin.tokens.revoke')}: ${token.name}`}
                      onClick={() => revoke(token)}
                    >
                      {t('catalogAdmin.tokens.revoke')}
                    </Button>
                  </Group>
                ),
            },
          ]}
        />
      )}
      <CreateTokenModal productCode={productCode} opened={creating} onClose={() => setCreating(false)} />
    </Section>
  );
}
