import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Product, ProductSaveBody } from '../../../../shared/api/catalog';
import { useSaveProduct } from '../../../api/queries/catalog';
import { nullIfEmpty } from '../../../lib/format';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

function valuesOf(product: Product) {
  return {
    name: product.name,
    description: product.description,
    websiteUrl: product.websiteUrl ?? '',
    wikiUrl: product.wikiUrl ?? '',
    supportEmail: product.supportEmail ?? '',
    supportPhone: product.supportPhone ?? '',
  };
}

/** The product card: what «Продукты», «Подробнее» and «Техподдержка» show customers (seed 000). */
export function ProductForm({ product }: { product: Product }) {
  const { t } = useTranslation();
  const save = useSaveProduct(product.code);
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: valuesOf(product),
    schema: ProductSaveBody,
    transform: (values) => ({
      ...values,
      websiteUrl: nullIfEmpty(values.websiteUrl),
      wikiUrl: nullIfEmpty(values.wikiUrl),
      supportEmail: nullIfEmpty(values.supportEmail),
      supportPhone: nullIfEmpty(values.supportPhone),
    }),
  });

  const submit = form.onSubmit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        notifySuccess(t('common.saved'));
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit} aria-label={t('catalogAdmin.products.cardTitle')}>
      <Stack gap="md">
        <TextInput label={t('catalogAdmin.products.name')} required {...form.getInputProps('name')} />
        <Textarea
          label={t('catalogAdmin.products.descriptionLabel')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('catalogAdmin.products.websiteUrl')}
            description={t('catalogAdmin.products.websiteUrlHint')}
            type="url"
            placeholder="https://"
            {...form.getInputProps('websiteUrl')}
          />
          <TextInput
            label={t('catalogAdmin.products.wikiUrl')}
            description={t('catalogAdmin.products.wikiUrlHint')}
            type="url"
            placeholder="https://"
            {...form.getInputProps('wikiUrl')}
          />
          <TextInput
            label={t('catalogAdmin.products.supportEmail')}
            type="email"
            placeholder="support@example.ru"
            {...form.getInputProps('supportEmail')}
          />
          <TextInput
            label={t('catalogAdmin.products.supportPhone')}
            type="tel"
            placeholder="+7 495 123-45-67"
            {...form.getInputProps('supportPhone')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty}>
            {t('common.reset')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
