import { Alert, Badge, Code, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAdminProduct } from '../../../api/queries/catalog';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { ProductForm } from './product-form';
import { ProductTokens } from './product-tokens';

const route = getRouteApi('/authed/admin/catalog/products/$productCode');

/** One product: the card customers see and the tokens of its activation server. */
export function ProductAdminPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { productCode } = route.useParams();
  const product = useAdminProduct(productCode);
  const data = product.data;

  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <Code fz="xl">{productCode}</Code>
            {data ? data.name : <Skeleton h={28} w={220} component="span" />}
            {data?.retired && (
              <Badge color="gray" variant="light">
                {t('catalogAdmin.codeTables.retired')}
              </Badge>
            )}
          </Group>
        }
        documentTitle={data?.name}
        description={data && t('catalogAdmin.products.codeNameIs', { name: data.codeName })}
        crumbs={[
          { label: t('nav.backOffice'), to: '/admin' },
          { label: t('catalogAdmin.nav.products'), to: '/admin/catalog/products' },
          { label: data?.name ?? productCode },
        ]}
      />
      {product.isError ? (
        <Alert color="red">{describe(product.error)}</Alert>
      ) : (
        <Stack gap="lg" maw={980}>
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
            <Title order={2} fz="lg" mb="md">
              {t('catalogAdmin.products.cardTitle')}
            </Title>
            {data ? <ProductForm product={data} /> : <Skeleton h={420} />}
          </Paper>
          <ProductTokens productCode={productCode} />
        </Stack>
      )}
    </>
  );
}
