import { Alert, Badge, Button, Code, Group, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorApiToken } from '../../../../shared/api/activations';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { useRevokeVendorToken, useVendorTokens } from '../../../api/queries/admin-partner-keys';
import { confirmAction } from '../../../components/confirm';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { VendorTokenModal } from './vendor-token-modal';

/** «Токены API устройств»: the vendor's devices fetch their signed licenses with these (`kbv_…`). */
export function VendorTokensSection({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const tokens = useVendorTokens(vendorId);
  const mutation = useRevokeVendorToken(vendorId);
  const notifyError = useNotifyError();
  const [creating, setCreating] = useState(false);

  const revoke = (token: VendorApiToken) =>
    confirmAction({
      title: t('partnerOps.vendorTokens.revokeTitle', { name: token.name }),
      text: t('partnerOps.vendorTokens.revokeText'),
      confirm: t('partnerOps.vendorTokens.revoke'),
      onConfirm: () =>
        mutation.mutate(token.id, {
          onSuccess: () => notifySuccess(t('partnerOps.vendorTokens.revoked')),
          onError: notifyError,
        }),
    });

  return (
    <Section
      title={t('partnerOps.vendorTokens.title')}
      description={t('partnerOps.vendorTokens.description')}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('partnerOps.vendorTokens.create')}
        </Button>
      }
    >
      {tokens.isError ? (
        <Alert color="red">{describe(tokens.error)}</Alert>
      ) : (
        <DataTable<VendorApiToken>
          aria-label={t('partnerOps.vendorTokens.title')}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          fetching={tokens.isPending}
          loaderType="dots"
          minHeight={tokens.data?.items.length ? undefined : 160}
          records={tokens.data?.items ?? []}
          noRecordsText={t('partnerOps.vendorTokens.empty')}
          noRecordsIcon={<IconKey size={28} stroke={1.4} />}
          columns={[
            { accessor: 'name', title: t('partnerOps.vendorTokens.name') },
            {
              accessor: 'prefix',
              title: t('partnerOps.vendorTokens.prefix'),
              render: (token) => <Code>{token.prefix}…</Code>,
            },
            {
              accessor: 'createdAt',
              title: t('common.createdAt'),
              render: (token) => <span className="tabular">{formatDate(token.createdAt)}</span>,
            },
            {
              accessor: 'lastUsedAt',
              title: t('partnerOps.vendorTokens.lastUsed'),
              render: (token) =>
                token.lastUsedAt ? (
                  <span className="tabular">{formatDateTime(token.lastUsedAt)}</span>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('partnerOps.vendorTokens.neverUsed')}
                  </Text>
                ),
            },
            {
              accessor: 'revokedAt',
              title: t('common.status'),
              render: (token) =>
                token.revokedAt ? (
                  <Badge color="gray" variant="light">
                    {t('partnerOps.vendorTokens.revokedOn', { date: formatDate(token.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('partnerOps.vendorTokens.active')}
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
                      aria-label={`${t('partnerOps.vendorTokens.revoke')}: ${token.name}`}
                      onClick={() => revoke(token)}
                    >
                      {t('partnerOps.vendorTokens.revoke')}
                    </Button>
                  </Group>
                ),
            },
          ]}
        />
      )}
      <VendorTokenModal vendorId={vendorId} opened={creating} onClose={() => setCreating(false)} />
    </Section>
  );
}
