import { Alert, Badge, Button, Code, Group, Text } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDate, formatDateTime } from '../../../../shared/dates';
import { confirmAction } from '../../../components/confirm';
import { DataTable } from '../../../components/data-table';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { CreateApiTokenModal } from './create-api-token-modal';

/** What a token list shows of a token; the secret itself is shown once, when it is created. */
export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type Props = {
  /**
   * The i18n block: `title`, `description`, `create`, `empty`, `name`, `prefix`, `lastUsed`, `neverUsed`,
   * `revokedOn`, `active`, `revoke`, `revokeTitle`, `revokeText`, `revoked`, plus the create window's keys.
   */
  keys: string;
  tokens: UseQueryResult<{ items: ApiTokenRow[] }>;
  /** Creates a token by its name; the answer carries the secret. */
  create: UseMutationResult<{ token: string }, Error, string>;
  /** Revokes a token by its id. */
  revoke: UseMutationResult<unknown, Error, string>;
  /** The shared request schema of a new token's name. */
  createSchema: z.ZodType<{ name: string }>;
};

/** A section of API tokens: the list by prefix with the last use and the status, create and revoke. */
export function ApiTokensSection({ keys, tokens, create, revoke, createSchema }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const [creating, setCreating] = useState(false);

  const confirmRevoke = (token: ApiTokenRow) =>
    confirmAction({
      title: t(`${keys}.revokeTitle`, { name: token.name }),
      text: t(`${keys}.revokeText`),
      confirm: t(`${keys}.revoke`),
      onConfirm: () =>
        revoke.mutate(token.id, {
          onSuccess: () => notifySuccess(t(`${keys}.revoked`)),
          onError: notifyError,
        }),
    });

  return (
    <Section
      title={t(`${keys}.title`)}
      description={t(`${keys}.description`)}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t(`${keys}.create`)}
        </Button>
      }
    >
      {tokens.isError ? (
        <Alert color="red">{describe(tokens.error)}</Alert>
      ) : (
        <DataTable<ApiTokenRow>
          aria-label={t(`${keys}.title`)}
          withTableBorder
          borderRadius="md"
          verticalSpacing="sm"
          fetching={tokens.isPending}
          loaderType="dots"
          minHeight={tokens.data?.items.length ? undefined : 160}
          records={tokens.data?.items ?? []}
          noRecordsText={t(`${keys}.empty`)}
          noRecordsIcon={<IconKey size={28} stroke={1.4} />}
          columns={[
            { accessor: 'name', title: t(`${keys}.name`) },
            {
              accessor: 'prefix',
              title: t(`${keys}.prefix`),
              render: (token) => <Code>{token.prefix}…</Code>,
            },
            {
              accessor: 'createdAt',
              title: t('common.createdAt'),
              render: (token) => <span className="tabular">{formatDate(token.createdAt)}</span>,
            },
            {
              accessor: 'lastUsedAt',
              title: t(`${keys}.lastUsed`),
              render: (token) =>
                token.lastUsedAt ? (
                  <span className="tabular">{formatDateTime(token.lastUsedAt)}</span>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t(`${keys}.neverUsed`)}
                  </Text>
                ),
            },
            {
              accessor: 'revokedAt',
              title: t('common.status'),
              render: (token) =>
                token.revokedAt ? (
                  <Badge color="gray" variant="light">
                    {t(`${keys}.revokedOn`, { date: formatDate(token.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t(`${keys}.active`)}
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
                      loading={revoke.isPending && revoke.variables === token.id}
                      aria-label={`${t(`${keys}.revoke`)}: ${token.name}`}
                      onClick={() => confirmRevoke(token)}
                    >
                      {t(`${keys}.revoke`)}
                    </Button>
                  </Group>
                ),
            },
          ]}
        />
      )}
      <CreateApiTokenModal
        keys={keys}
        create={create}
        schema={createSchema}
        opened={creating}
        onClose={() => setCreating(false)}
      />
    </Section>
  );
}
