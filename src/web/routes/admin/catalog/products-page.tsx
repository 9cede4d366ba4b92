import { Alert, Anchor, Badge, Code, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/api/catalog';
import { useAdminProducts } from '../../../api/queries/catalog';
import { DataTable } from '../../../components/data-table';
import { AnchorLink } from '../../../components/links';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';

/** «Продукты»: every code of table 1 with the card customers see (name, description, links). */
export function ProductsAdminPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const products = useAdminProducts();
  const link = (url: string | null) =>
    url ? (
      <Anchor
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        size="sm"
        onClick={(e) => e.stopPropagation()}
      >
        {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
      </Anchor>
    ) : (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );

  return (
    <>
      <PageHeader
        title={t('catalogAdmin.nav.products')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('catalogAdmin.nav.products') }]}
        description={t('catalogAdmin.products.description')}
      />
      {products.isError ? (
        <Alert color="red">{describe(products.error)}</Alert>
      ) : (
        <DataTable<Product>
          aria-label={t('catalogAdmin.nav.products')}
          withTableBorder
          borderRadius="md"
          highlightOnHover
          verticalSpacing="sm"
          idAccessor="code"
          fetching={products.isPending}
          loaderType="dots"
          minHeight={products.data?.items.length ? undefined : 220}
          records={products.data?.items ?? []}
          noRecordsText={t('catalogAdmin.products.empty')}
          onRowClick={({ record }) =>
            void navigate({
              to: '/admin/catalog/products/$productCode',
              params: { productCode: record.code },
            })
          }
          columns={[
            {
              accessor: 'code',
              title: t('catalogAdmin.codeTables.code'),
              width: 80,
              render: (product) => <Code fz="sm">{product.code}</Code>,
            },
            {
              accessor: 'name',
              title: t('catalogAdmin.products.name'),
              render: (product) => (
                <AnchorLink
                  to="/admin/catalog/products/$productCode"
                  params={{ productCode: product.code }}
                  fw={500}
                  size="sm"
                  onClick={(event) => event.stopPropagation()}
                >
                  {product.name}
                </AnchorLink>
              ),
            },
            {
              accessor: 'codeName',
              title: t('catalogAdmin.products.codeName'),
              render: (product) => (
                <Text size="sm" c="dimmed">
                  {product.codeName}
                </Text>
              ),
            },
            {
              accessor: 'websiteUrl',
              title: t('catalogAdmin.products.websiteUrl'),
              render: (product) => link(product.websiteUrl),
            },
            {
              accessor: 'wikiUrl',
              title: t('catalogAdmin.products.wikiUrl'),
              render: (product) => link(product.wikiUrl),
            },
            {
              accessor: 'retired',
              title: t('common.status'),
              width: 120,
              render: (product) => (
                <Badge color={product.retired ? 'gray' : 'teal'} variant="light">
                  {product.retired
                    ? t('catalogAdmin.codeTables.retired')
                    : t('catalogAdmin.codeTables.active')}
                </Badge>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
