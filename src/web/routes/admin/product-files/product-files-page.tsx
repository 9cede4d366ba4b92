import { Alert, Paper, Select, Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFileProducts, useProductFiles } from '../../../api/queries/files';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { FilesTable } from './files-table';
import { UploadForm } from './upload-form';

const route = getRouteApi('/authed/admin/product-files');

/**
 * «Файлы продуктов»: what customers find under «Скачать» (distributions) and «Информация» (documentation).
 * Pick a product, upload with a progress bar, edit, withdraw.
 */
export function ProductFilesPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const products = useFileProducts();
  const files = useProductFiles(search.product);
  const product = products.data?.items.find((p) => p.code === search.product);

  return (
    <>
      <PageHeader
        title={t('files.admin.title')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('files.admin.title') }]}
        description={t('files.admin.description')}
      />
      <Stack gap="lg" maw={1200}>
        <Select
          label={t('files.admin.product')}
          placeholder={t('files.admin.pickProduct')}
          searchable
          maw={420}
          data={(products.data?.items ?? []).map((p) => ({
            value: p.code,
            label: `${p.code} — ${p.name}`,
          }))}
          value={search.product ?? null}
          onChange={(code) => void navigate({ search: { product: code ?? undefined } })}
          nothingFoundMessage={t('table.nothingFound')}
          error={products.isError ? describe(products.error) : undefined}
        />
        {search.product && (
          <>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
              <Title order={2} fz="lg" mb="md">
                {t('files.admin.uploadTitle', { name: product?.name ?? search.product })}
              </Title>
              <UploadForm
                key={search.product}
                productCode={search.product}
                limitBytes={files.data?.uploadLimitBytes ?? null}
              />
            </Paper>
            {files.isError ? (
              <Alert color="red">{describe(files.error)}</Alert>
            ) : (
              <FilesTable list={files} productName={product?.name ?? search.product} />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
