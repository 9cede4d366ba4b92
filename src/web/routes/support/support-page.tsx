import 'mantine-datatable/styles.css';
import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_STATUSES, type SupportTicketItem } from '../../../shared/api/support';
import { formatDate } from '../../../shared/dates';
import { useSupportTickets } from '../../api/queries/support';
import { ListTable } from '../../components/list-table';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { useListSearch } from '../../lib/use-list-search';
import { NewTicketModal } from './new-ticket-modal';
import { SupportContactsSection } from './support-contacts';
import { TicketStatusBadge } from './ticket-status-badge';
import { useCanWriteSupport } from './use-can-write';

const route = getRouteApi('/authed/cabinet/organization/support');

/**
 * «Техподдержка» (seed 000): whom to contact for each licensed product, «Новое обращение» citing a serial
 * number, and the organization's requests.
 */
export function SupportPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const listing = useListSearch(route);
  const { search, setFilter } = listing;
  const navigate = route.useNavigate();
  const goTo = useNavigate();
  const canWrite = useCanWriteSupport();
  const list = useSupportTickets({ status: search.status, page: listing.page, pageSize: listing.pageSize });
  // A link with `?serial=…` (from a license) opens the form with that serial chosen.
  const [formOpen, setFormOpen] = useState(search.serial !== undefined);

  const columns: DataTableColumn<SupportTicketItem>[] = [
    {
      accessor: 'number',
      title: t('support.number'),
      width: 80,
      textAlign: 'right',
      cellsClassName: 'tabular',
    },
    {
      accessor: 'createdAt',
      title: t('support.date'),
      width: 110,
      render: (ticket) => <span className="tabular">{formatDate(ticket.createdAt)}</span>,
    },
    {
      accessor: 'subject',
      title: t('support.subject'),
      render: (ticket) => (
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {ticket.subject}
        </Text>
      ),
    },
    {
      accessor: 'serial',
      title: t('support.serial'),
      noWrap: true,
      render: (ticket) => (
        <Text size="sm" ff="monospace">
          {ticket.serial}
        </Text>
      ),
    },
    { accessor: 'productName', title: t('support.product') },
    {
      accessor: 'status',
      title: t('common.status'),
      noWrap: true,
      render: (ticket) => <TicketStatusBadge status={ticket.status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.support')}
        crumbs={[{ label: t('nav.home'), to: '/' }, { label: t('nav.support') }]}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
              {t('support.newTicket')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <SupportContactsSection />
        <Section
          title={t('support.ticketsTitle')}
          actions={
            <Select
              aria-label={t('common.status')}
              placeholder={t('filters.allStatuses')}
              data={SUPPORT_STATUSES.map((value) => ({ value, label: t(`support.status.${value}`) }))}
              value={search.status ?? null}
              onChange={(value) => setFilter({ status: SUPPORT_STATUSES.find((s) => s === value) })}
              clearable
              w={200}
            />
          }
        >
          {!canWrite && (
            <Alert color="gray" mb="md">
              {t('support.readOnlyNotice')}
            </Alert>
          )}
          {list.isError ? (
            <Alert color="red">{describe(list.error)}</Alert>
          ) : (
            <ListTable
              aria-label={t('support.ticketsTitle')}
              list={list}
              columns={columns}
              {...listing.paging}
              onRowClick={({ record }) =>
                void goTo({ to: '/support/$ticketId', params: { ticketId: record.id } })
              }
              emptyText={search.status ? t('table.nothingFound') : t('support.empty')}
            />
          )}
        </Section>
      </Stack>
      <NewTicketModal
        opened={canWrite && formOpen}
        initialSerial={search.serial}
        onClose={() => {
          setFormOpen(false);
          if (search.serial !== undefined)
            void navigate({ search: (previous) => ({ ...previous, serial: undefined }), replace: true });
        }}
        // The new request heads the list: no filter, first page.
        onCreated={() => setFilter({ status: undefined, serial: undefined })}
      />
    </>
  );
}
