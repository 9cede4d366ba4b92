import 'mantine-datatable/styles.css';
import '../partner.css';
import './activations.css';
import { Alert, Anchor, Box, Group, Text } from '@mantine/core';
import { IconBook, IconCurrencyRuble, IconLicense } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { usePartnerActivations, usePartnerInfo } from '../../../api/queries/partner-activations';
import { ColumnsMenu, useHiddenColumns } from '../../../components/columns-menu';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useErrorMessage } from '../../../lib/errors';
import { useListSearch } from '../../../lib/use-list-search';
import { OrganizationFilter } from '../components/organization-filter';
import { usePartnerTranslation } from '../i18n';
import type { ActivationsSearch } from '../partner-search';
import { useActivationColumns } from './activation-columns';
import { InstallMethods } from './install-methods';
import { PricesModal } from './prices-modal';

const route = getRouteApi('/authed/cabinet/organization/activations');

/** Table accessors of the sortable columns ↔ the API's `sort` (seed 2.1: № активации, Стоимость, Дата заказа). */
const SORT_BY_ACCESSOR = { number: 'number', totalKopecks: 'total', createdAt: 'createdAt' } as const;
const ACCESSOR_BY_SORT = { number: 'number', total: 'totalKopecks', createdAt: 'createdAt' } as const;
const TOGGLEABLE = [
  'orderNumber',
  'organizationName',
  'status',
  'vendorName',
  'licenseCount',
  'totalKopecks',
  'paymentStatus',
  'createdAt',
  'comment',
];

/** «Список активаций» (seed 2.1): the info block, then the activations of every partner organization. */
export function ActivationsPage() {
  const { t } = usePartnerTranslation();
  const describe = useErrorMessage();
  const listing = useListSearch<ActivationsSearch>(route, { sort: 'createdAt', order: 'desc' });
  const { search, setFilter } = listing;
  const goTo = useNavigate();
  const [hidden, setHidden] = useHiddenColumns('partner-activations');
  const [pricesOpen, setPricesOpen] = useState(false);
  const info = usePartnerInfo();
  const list = usePartnerActivations({
    serial: search.serial,
    organizationId: search.organizationId,
    ...listing.query,
  });

  const columns = useActivationColumns();
  const titles = Object.fromEntries(columns.map((column) => [String(column.accessor), String(column.title)]));
  const filtered = Boolean(search.serial || search.organizationId);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        crumbs={[{ label: t('nav.home'), to: '/' }, { label: t('nav.licenses') }]}
        actions={
          <Group gap="md" wrap="wrap">
            <AnchorLink to="/activations/help" size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconBook size={16} />
                {t('list.help')}
              </Group>
            </AnchorLink>
            <Text c="dimmed" aria-hidden>
              |
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={() => setPricesOpen(true)}>
              <Group gap={4} component="span" wrap="nowrap">
                <IconCurrencyRuble size={16} />
                {t('list.prices')}
              </Group>
            </Anchor>
            <ButtonLink to="/activations/new" leftSection={<IconLicense size={16} />}>
              {t('list.activate')}
            </ButtonLink>
          </Group>
        }
      />
      {info.isError ? (
        <Alert color="red" mb="lg">
          {describe(info.error)}
        </Alert>
      ) : (
        <InstallMethods vendors={info.data?.vendors} />
      )}
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput
          label={t('list.searchSerial')}
          value={search.serial}
          onChange={(serial) => setFilter({ serial })}
        />
        <OrganizationFilter
          value={search.organizationId}
          onChange={(organizationId) => setFilter({ organizationId })}
        />
        <ColumnsMenu
          columns={TOGGLEABLE.map((accessor) => ({ accessor, title: titles[accessor] ?? accessor }))}
          hidden={hidden}
          onChange={setHidden}
          label={t('common.columnsMenu')}
        />
      </Group>
      {list.isError ? (
        <Alert color="red">{describe(list.error)}</Alert>
      ) : (
        <Box className="partner-table partner-activations-table">
          <ListTable
            aria-label={t('list.title')}
            list={list}
            columns={columns}
            hiddenColumns={hidden}
            {...listing.paging}
            sortStatus={{ columnAccessor: ACCESSOR_BY_SORT[listing.sort], direction: listing.order }}
            onSortStatusChange={(status) =>
              listing.setSort(
                SORT_BY_ACCESSOR[status.columnAccessor as keyof typeof SORT_BY_ACCESSOR],
                status.direction,
              )
            }
            onRowClick={({ record }) =>
              void goTo({ to: '/activations/$activationId', params: { activationId: record.id } })
            }
            emptyText={filtered ? t('table.nothingFound') : t('list.empty')}
          />
        </Box>
      )}
      <PricesModal opened={pricesOpen} onClose={() => setPricesOpen(false)} />
    </>
  );
}
