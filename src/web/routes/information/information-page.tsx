import {
  Alert,
  Button,
  Center,
  EmptyState,
  Group,
  Menu,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconBook,
  IconChevronDown,
  IconExternalLink,
  IconFileText,
  IconInfoCircle,
} from '@tabler/icons-react';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { customerDownloadPath, type ProductInformation } from '../../../shared/api/files';
import { formatDate } from '../../../shared/dates';
import { useInformation } from '../../api/queries/files';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { useErrorMessage } from '../../lib/errors';
import { externalUrl } from '../../lib/format';
import { DownloadButton } from '../downloads/file-cells';
import { formatFileSize } from '../downloads/file-size';
import { productOfAnchor } from './information-target';

/**
 * «Информация» (seed 000, рис. 3): per licensed product a menu «Информация по …» — the wiki with the
 * product's documentation (AlterOS), the product's site, the documentation files to download (AlterOffice) —
 * and the same files listed below it. The menu's entries open `#product-<code>`: that product alone.
 */
export function InformationPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const information = useInformation();
  const { hash } = useLocation();
  const chosen = information.data ? productOfAnchor(information.data.items, hash) : undefined;
  const products = chosen ? [chosen] : (information.data?.items ?? []);

  return (
    <>
      <PageHeader
        title={chosen ? t('files.informationAbout', { name: chosen.name }) : t('nav.info')}
        crumbs={
          chosen
            ? [
                { label: t('nav.home'), to: '/' },
                { label: t('nav.info'), to: '/information' },
                { label: chosen.name },
              ]
            : [{ label: t('nav.home'), to: '/' }, { label: t('nav.info') }]
        }
        description={t('files.informationDescription')}
      />
      {information.isError ? (
        <Alert color="red">{describe(information.error)}</Alert>
      ) : information.isPending ? (
        <Stack gap="lg">
          <Skeleton h={160} radius="md" />
          <Skeleton h={160} radius="md" />
        </Stack>
      ) : information.data.items.length === 0 ? (
        <Center mih={280}>
          <EmptyState
            icon={<IconInfoCircle size={32} />}
            withIndicatorBackground
            title={t('files.noProductsTitle')}
            description={t('files.noProductsText')}
          />
        </Center>
      ) : (
        <Stack gap="lg">
          {products.map((product) => (
            <ProductSection key={product.code} product={product} />
          ))}
        </Stack>
      )}
    </>
  );
}

function InformationMenu({ product }: { product: ProductInformation }) {
  const { t } = useTranslation();
  const wiki = product.wikiUrl ? externalUrl(product.wikiUrl) : null;
  const site = product.websiteUrl ? externalUrl(product.websiteUrl) : null;
  const empty = !wiki && !site && product.documents.length === 0;
  return (
    <Menu position="bottom-end" shadow="md" width={300}>
      <Menu.Target>
        <Button variant="light" rightSection={<IconChevronDown size={16} />}>
          {t('files.informationAbout', { name: product.name })}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {wiki && (
          <Menu.Item
            component="a"
            href={wiki}
            target="_blank"
            rel="noopener noreferrer"
            leftSection={<IconBook size={16} />}
          >
            {t('files.wiki')}
          </Menu.Item>
        )}
        {site && (
          <Menu.Item
            component="a"
            href={site}
            target="_blank"
            rel="noopener noreferrer"
            leftSection={<IconExternalLink size={16} />}
          >
            {t('files.website')}
          </Menu.Item>
        )}
        {product.documents.length > 0 && (
          <>
            {(wiki || site) && <Menu.Divider />}
            <Menu.Label>{t('files.documentation')}</Menu.Label>
            {product.documents.map((document) => (
              <Menu.Item
                key={document.id}
                component="a"
                href={customerDownloadPath(document.id)}
                download
                leftSection={<IconFileText size={16} />}
              >
                {document.title}
              </Menu.Item>
            ))}
          </>
        )}
        {empty && <Menu.Item disabled>{t('files.nothingYet')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}

function ProductSection({ product }: { product: ProductInformation }) {
  const { t, i18n } = useTranslation();
  return (
    <Section
      title={product.name}
      description={product.description || undefined}
      actions={<InformationMenu product={product} />}
    >
      {product.documents.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {product.wikiUrl ? t('files.docsOnWiki') : t('files.noDocuments')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-label={t('files.documentsOf', { name: product.name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('files.document')}</Table.Th>
                <Table.Th>{t('files.releasedOn')}</Table.Th>
                <Table.Th ta="right">{t('files.size')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.documents.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconFileText size={18} aria-hidden />
                      <div>
                        <Text fz="sm" fw={500}>
                          {document.title}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {document.fileName}
                        </Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td className="tabular">{formatDate(document.releasedOn)}</Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatFileSize(document.sizeBytes, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <DownloadButton
                      href={customerDownloadPath(document.id)}
                      label={t('files.downloadLabel', { title: document.title, version: '' }).trim()}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
