import { ActionIcon, Badge, Code, Group, SegmentedControl, Select, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../shared/api/catalog';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useAdminProducts, useArticles, useUpdateArticle } from '../../../api/queries/catalog';
import { ButtonLink } from '../../../components/links';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useListSearch } from '../../../lib/use-list-search';
import { ArticleEditModal } from './article-edit-modal';
import { ARTICLE_ARCHIVED } from './articles-search';

const route = getRouteApi('/authed/admin/catalog/articles');

/** «Артикулы»: the SKUs `AA-BCDEFFGHHZZ` with prices; search, filters, sorting, paging; edit and archive. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const listing = useListSearch(route, { sort: 'code' });
  const { search, setFilter } = listing;
  const [editing, setEditing] = useState<Article | null>(null);
  const products = useAdminProducts();
  const update = useUpdateArticle();
  const notifyError = useNotifyError();
  const archived = search.archived ?? 'active';
  const list = useArticles({
    q: search.q,
    productCode: search.productCode,
    archived,
    ...listing.query,
  });

  const setArchived = (article: Article, value: boolean) =>
    update.mutate(
      { articleId: article.id, body: { archived: value } },
      {
        onSuccess: () =>
          notifySuccess(
            t(value ? 'catalogAdmin.articles.archivedDone' : 'catalogAdmin.articles.restoredDone', {
              code: article.code,
            }),
          ),
        onError: notifyError,
      },
    );

  const columns: DataTableColumn<Article>[] = [
    {
      accessor: 'code',
      title: t('catalogAdmin.articles.code'),
      sortable: true,
      noWrap: true,
      render: (article) => <Code fz="sm">{article.code}</Code>,
    },
    {
      accessor: 'name',
      title: t('catalogAdmin.articles.name'),
      sortable: true,
      render: (article) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {article.name}
          </Text>
          {article.archived && (
            <Badge size="xs" color="gray" variant="light">
              {t('catalogAdmin.articles.archived')}
            </Badge>
          )}
        </Group>
      ),
    },
    { accessor: 'productName', title: t('catalogAdmin.articles.product') },
    {
      accessor: 'price',
      title: t('catalogAdmin.articles.price'),
      sortable: true,
      textAlign: 'right',
      noWrap: true,
      render: (article) => <span className="tabular">{formatMoney(article.priceKopecks)}</span>,
    },
    {
      accessor: 'createdAt',
      title: t('common.createdAt'),
      sortable: true,
      width: 120,
      render: (article) => <span className="tabular">{formatDate(article.createdAt)}</span>,
    },
    {
      accessor: 'actions',
      title: '',
      width: 96,
      textAlign: 'right',
      render: (article) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={t('common.edit')}>
            <ActionIcon
              variant="subtle"
              aria-label={`${t('common.edit')}: ${article.code}`}
              onClick={(event) => {
                event.stopPropagation();
                setEditing(article);
              }}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip
            label={article.archived ? t('catalogAdmin.articles.restore') : t('catalogAdmin.articles.archive')}
          >
            <ActionIcon
              variant="subtle"
              color={article.archived ? 'teal' : 'red'}
              aria-label={`${article.archived ? t('catalogAdmin.articles.restore') : t('catalogAdmin.articles.archive')}: ${article.code}`}
              loading={update.isPending && update.variables?.articleId === article.id}
              onClick={(event) => {
                event.stopPropagation();
                setArchived(article, !article.archived);
              }}
            >
              {article.archived ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalogAdmin.nav.articles')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('catalogAdmin.nav.articles') }]}
        actions={
          <ButtonLink to="/admin/catalog/articles/new" leftSection={<IconPlus size={16} />}>
            {t('catalogAdmin.articles.create')}
          </ButtonLink>
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput
          label={t('catalogAdmin.articles.search')}
          value={search.q}
          onChange={(q) => setFilter({ q })}
        />
        <Select
          aria-label={t('catalogAdmin.articles.product')}
          placeholder={t('catalogAdmin.articles.allProducts')}
          data={(products.data?.items ?? []).map((product) => ({
            value: product.code,
            label: `${product.code} — ${product.name}`,
          }))}
          value={search.productCode ?? null}
          onChange={(value) => setFilter({ productCode: value ?? undefined })}
          searchable
          clearable
          w={260}
        />
        <SegmentedControl
          aria-label={t('catalogAdmin.articles.archiveFilter')}
          value={archived}
          onChange={(value) =>
            setFilter({ archived: ARTICLE_ARCHIVED.find((v) => v === value && v !== 'active') })
          }
          data={ARTICLE_ARCHIVED.map((value) => ({ value, label: t(`catalogAdmin.articles.show.${value}`) }))}
        />
      </Group>
      <ListTable
        aria-label={t('catalogAdmin.nav.articles')}
        list={list}
        columns={columns}
        idAccessor={(article) => article.id}
        {...listing.paging}
        {...listing.sorting}
        onRowClick={({ record }) => setEditing(record)}
        emptyText={
          search.q || search.productCode || archived !== 'active'
            ? t('table.nothingFound')
            : t('catalogAdmin.articles.empty')
        }
      />
      <ArticleEditModal article={editing} onClose={() => setEditing(null)} />
    </>
  );
}
