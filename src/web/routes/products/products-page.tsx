import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  EmptyState,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconBook, IconExternalLink, IconPackageOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../../api/queries/licenses';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../lib/errors';

/** «Продукты» (seed 000, рис. 2): a card per product; «Подробнее» opens the product's site. */
export function ProductsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const products = useProducts();

  return (
    <>
      <PageHeader
        title={t('nav.products')}
        crumbs={[{ label: t('nav.home'), to: '/' }, { label: t('nav.products') }]}
      />
      {products.isError ? (
        <Alert color="red">{describe(products.error)}</Alert>
      ) : products.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {[1, 2, 3].map((key) => (
            <Skeleton key={key} h={180} radius="md" />
          ))}
        </SimpleGrid>
      ) : products.data.items.length === 0 ? (
        <Center mih={280}>
          <EmptyState
            icon={<IconPackageOff size={32} />}
            withIndicatorBackground
            title={t('products.emptyTitle')}
            description={t('products.emptyText')}
          />
        </Center>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {products.data.items.map((product) => (
            <Card key={product.code} withBorder radius="md" padding="lg" component="article">
              <Stack gap="sm" h="100%">
                <Title order={2} fz="lg">
                  {product.name}
                </Title>
                <Text
                  size="sm"
                  c={product.description ? undefined : 'dimmed'}
                  style={{ flex: 1, whiteSpace: 'pre-line' }}
                >
                  {product.description || t('products.noDescription')}
                </Text>
                {product.wikiUrl && (
                  <Anchor href={product.wikiUrl} target="_blank" rel="noopener noreferrer" size="sm">
                    <IconBook size={14} style={{ verticalAlign: -2, marginRight: 4 }} />
                    {t('products.docs')}
                  </Anchor>
                )}
                {product.websiteUrl && (
                  <Button
                    component="a"
                    href={product.websiteUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    variant="light"
                    rightSection={<IconExternalLink size={16} />}
                    aria-label={t('products.moreAbout', { name: product.name })}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('products.more')}
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
