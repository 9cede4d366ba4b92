import 'mantine-datatable/styles.css';
import { Alert, Group, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import type { ActivationItem, ActivationSummary } from '../../../../shared/api/activations';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { usePartnerActivationItems } from '../../../api/queries/partner-activations';
import { ListTable } from '../../../components/list-table';
import { SearchInput } from '../../../components/search-input';
import { useErrorMessage } from '../../../lib/errors';
import { useListSearch } from '../../../lib/use-list-search';
import { usePartnerTranslation } from '../i18n';

const route = getRouteApi('/authed/cabinet/organization/activations/$activationId');

type Props = { activation: Pick<ActivationSummary, 'id' | 'status'> };

/**
 * The activation's serials (seed 2.5). «Выполнена»: Серийный номер устройства, Модель устройства, Подписка,
 * Цена. «В работе» and «Ошибка»: Текущая подписка («-» when none) and Новая подписка instead of Подписка.
 */
export function ActivationItemsTable({ activation }: Props) {
  const { t } = usePartnerTranslation();
  const describe = useErrorMessage();
  const listing = useListSearch(route);
  const { search, setFilter } = listing;
  const items = usePartnerActivationItems(
    activation.id,
    { q: search.q, page: listing.page, pageSize: listing.pageSize },
    activation.status,
  );
  const until = (date: string | null) =>
    date ? t('common.until', { date: formatDate(date) }) : t('common.none');

  const done = activation.status === 'done';
  const columns: DataTableColumn<ActivationItem>[] = [
    {
      accessor: 'serial',
      title: t('activation.serial'),
      render: (item) => (
        <Text size="sm" ff="monospace" title={item.licenseTypeName}>
          {item.serial}
        </Text>
      ),
    },
    { accessor: 'model', title: t('precheck.model') },
    ...(done
      ? [
          {
            accessor: 'validUntil',
            title: t('activation.subscription'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (item: ActivationItem) => until(item.validUntil ?? item.newEnd),
          },
        ]
      : [
          {
            accessor: 'previousEnd',
            title: t('precheck.currentEnd'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (item: ActivationItem) => until(item.previousEnd),
          },
          {
            accessor: 'newEnd',
            title: t('precheck.newEnd'),
            noWrap: true,
            cellsClassName: 'tabular',
            render: (item: ActivationItem) => until(item.newEnd),
          },
        ]),
    {
      accessor: 'priceKopecks',
      title: t('activation.price'),
      textAlign: 'right',
      noWrap: true,
      cellsClassName: 'tabular',
      render: (item) => formatMoney(item.priceKopecks),
    },
  ];

  return (
    <section aria-label={t('activation.serial')}>
      <Group mb="md" maw={480}>
        <SearchInput label={t('activation.search')} value={search.q} onChange={(q) => setFilter({ q })} />
      </Group>
      {items.isError ? (
        <Alert color="red">{describe(items.error)}</Alert>
      ) : (
        <ListTable
          aria-label={t('activation.serial')}
          list={items}
          columns={columns}
          idAccessor={(item) => item.serial}
          {...listing.paging}
          emptyText={search.q ? t('table.nothingFound') : t('activation.empty')}
        />
      )}
    </section>
  );
}
