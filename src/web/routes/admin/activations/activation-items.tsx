import { Group, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { ActivationItem, ActivationStatus } from '../../../../shared/api/activations';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useAdminActivationItems } from '../../../api/queries/admin-partner-activations';
import { ListTable } from '../../../components/list-table';
import { SearchInput } from '../../../components/search-input';
import { Section } from '../../../components/section';
import { useListSearch } from '../../../lib/use-list-search';

const route = getRouteApi('/authed/admin/activations/$activationId');

type Props = { activationId: string; status: ActivationStatus };

/**
 * The activation's devices (seed 002, 2.5). Done: «Подписка» is the end signed into the license; in progress or
 * failed: «Текущая подписка» at the time of the request and the estimated «Новая подписка».
 */
export function ActivationItems({ activationId, status }: Props) {
  const { t } = useTranslation();
  const listing = useListSearch(route);
  const { search, setFilter } = listing;
  const list = useAdminActivationItems(activationId, {
    q: search.q,
    page: listing.page,
    pageSize: listing.pageSize,
  });
  const until = (date: string | null) => (date ? t('partnerOps.until', { date: formatDate(date) }) : '—');

  const dates: DataTableColumn<ActivationItem>[] =
    status === 'done'
      ? [
          {
            accessor: 'validUntil',
            title: t('partnerOps.items.subscription'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (item) => until(item.validUntil ?? item.newEnd),
          },
        ]
      : [
          {
            accessor: 'previousEnd',
            title: t('partnerOps.items.currentEnd'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (item) => until(item.previousEnd),
          },
          {
            accessor: 'newEnd',
            title: t('partnerOps.items.newEnd'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (item) => until(item.newEnd),
          },
        ];
  const columns: DataTableColumn<ActivationItem>[] = [
    {
      accessor: 'serial',
      title: t('partnerOps.items.serial'),
      render: (item) => (
        <Text ff="monospace" fz={13}>
          {item.serial}
        </Text>
      ),
    },
    {
      accessor: 'model',
      title: t('partnerOps.items.model'),
      render: (item) => (
        <>
          <Text size="sm">{item.model}</Text>
          <Text size="xs" c="dimmed" lineClamp={1} title={item.licenseTypeName}>
            {item.licenseTypeName}
          </Text>
        </>
      ),
    },
    ...dates,
    {
      accessor: 'priceKopecks',
      title: t('partnerOps.items.price'),
      textAlign: 'right',
      noWrap: true,
      cellsClassName: 'tabular',
      render: (item) => formatMoney(item.priceKopecks),
    },
  ];

  return (
    <Section title={t('partnerOps.items.title')}>
      <Stack gap="md">
        <Group>
          <SearchInput
            label={t('partnerOps.items.search')}
            value={search.q}
            onChange={(q) => setFilter({ q })}
          />
        </Group>
        <ListTable
          aria-label={t('partnerOps.items.title')}
          list={list}
          columns={columns}
          idAccessor={(item) => item.serial}
          {...listing.paging}
          emptyText={search.q ? t('table.nothingFound') : t('partnerOps.items.empty')}
        />
      </Stack>
    </Section>
  );
}
