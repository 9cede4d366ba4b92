import { ActionIcon, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailMessage } from '../../../../shared/api/admin';
import { formatDateTime } from '../../../../shared/dates';
import { useMailMessages, useRetryMail } from '../../../api/queries/admin';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { MAIL_STATUS_VALUES } from '../../../lib/mail-statuses';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useListSearch } from '../../../lib/use-list-search';
import { MailMessageModal } from './mail-message-modal';
import { canRetry, MailStatusBadge } from './mail-status-badge';

const route = getRouteApi('/authed/admin/mail');

/** «Почта»: the outbox — what the portal sent, to whom, and what failed. */
export function MailPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route);
  const { search, setFilter } = listing;
  const [openedId, setOpenedId] = useState<string | null>(null);
  const list = useMailMessages({
    q: search.q,
    status: search.status,
    page: listing.page,
    pageSize: listing.pageSize,
  });
  const retry = useRetryMail();
  const notifyError = useNotifyError();

  const resend = (message: MailMessage) =>
    retry.mutate(message.id, {
      onSuccess: () => notifySuccess(t('admin.mail.retried')),
      onError: notifyError,
    });

  const columns: DataTableColumn<MailMessage>[] = [
    {
      accessor: 'createdAt',
      title: t('admin.mail.createdAt'),
      width: 160,
      render: (message) => <span className="tabular">{formatDateTime(message.createdAt)}</span>,
    },
    { accessor: 'to', title: t('admin.mail.to'), render: (message) => message.to.join(', ') },
    { accessor: 'subject', title: t('admin.mail.subject') },
    {
      accessor: 'status',
      title: t('common.status'),
      noWrap: true,
      render: (message) => <MailStatusBadge status={message.status} />,
    },
    { accessor: 'attempts', title: t('admin.mail.attempts'), textAlign: 'right' },
    {
      accessor: 'lastError',
      title: t('admin.mail.error'),
      render: (message) =>
        message.lastError ? (
          <Text size="xs" c="red" lineClamp={2} maw={280} title={message.lastError}>
            {message.lastError}
          </Text>
        ) : (
          '—'
        ),
    },
    {
      accessor: 'actions',
      title: '',
      width: 56,
      render: (message) =>
        canRetry(message.status) && (
          <Tooltip label={t('admin.mail.retry')}>
            <ActionIcon
              variant="subtle"
              aria-label={`${t('admin.mail.retry')}: ${message.subject}`}
              loading={retry.isPending && retry.variables === message.id}
              onClick={(event) => {
                event.stopPropagation();
                resend(message);
              }}
            >
              <IconSend size={16} />
            </ActionIcon>
          </Tooltip>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.nav.mail')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('admin.nav.mail') }]}
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput label={t('admin.mail.search')} value={search.q} onChange={(q) => setFilter({ q })} />
        <Select
          aria-label={t('common.status')}
          placeholder={t('filters.allStatuses')}
          data={MAIL_STATUS_VALUES.map((value) => ({ value, label: t(`admin.mail.status.${value}`) }))}
          value={search.status ?? null}
          onChange={(value) => setFilter({ status: MAIL_STATUS_VALUES.find((s) => s === value) })}
          clearable
          w={220}
        />
      </Group>
      <ListTable
        aria-label={t('admin.nav.mail')}
        list={list}
        columns={columns}
        {...listing.paging}
        onRowClick={({ record }) => setOpenedId(record.id)}
        emptyText={search.q || search.status ? t('table.nothingFound') : t('admin.mail.empty')}
      />
      <MailMessageModal messageId={openedId} onClose={() => setOpenedId(null)} onRetry={resend} />
    </>
  );
}
