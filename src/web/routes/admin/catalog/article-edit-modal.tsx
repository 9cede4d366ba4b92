import { Button, Code, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArchive, IconArrowBackUp } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../shared/api/catalog';
import { formatDate } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money';
import { useUpdateArticle } from '../../../api/queries/catalog';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { kopecksOf, PriceInput } from './price-input';
import { serverFieldErrors } from './server-field-errors';

type Props = { article: Article | null; onClose: () => void };

/** Name and price of an article, archive / restore; its codes are fixed (issued serials carry them). */
export function ArticleEditModal({ article, onClose }: Props) {
  const { t } = useTranslation();
  const update = useUpdateArticle();
  const notifyError = useNotifyError();
  const form = useForm<{ name: string; price: number | string }>({
    initialValues: { name: '', price: '' },
    validate: (values) => ({
      ...(values.name.trim() ? {} : { name: t('catalogAdmin.articles.nameRequired') }),
      ...(kopecksOf(values.price) === null ? { price: t('catalogAdmin.articles.priceRequired') } : {}),
    }),
  });
  const { reset } = form;

  useEffect(() => {
    if (article) reset({ name: article.name, price: article.priceKopecks / 100 });
  }, [article, reset]);

  if (!article) return <Modal opened={false} onClose={onClose} />;

  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        articleId: article.id,
        body: { name: values.name.trim(), priceKopecks: kopecksOf(values.price) ?? 0 },
      },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
        onError: (error) => {
          const fields = serverFieldErrors(error, ['name', 'priceKopecks']);
          if (Object.keys(fields).length === 0) return notifyError(error);
          form.setErrors({ name: fields.name, price: fields.priceKopecks });
        },
      },
    ),
  );
  const setArchived = (archived: boolean) =>
    update.mutate(
      { articleId: article.id, body: { archived } },
      {
        onSuccess: () => {
          notifySuccess(
            t(archived ? 'catalogAdmin.articles.archivedDone' : 'catalogAdmin.articles.restoredDone', {
              code: article.code,
            }),
          );
          onClose();
        },
        onError: notifyError,
      },
    );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('catalogAdmin.articles.editTitle', { code: article.code })}
      size="lg"
      centered
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <TextInput label={t('catalogAdmin.articles.name')} required {...form.getInputProps('name')} />
          <PriceInput
            label={t('catalogAdmin.articles.price')}
            required
            description={t('catalogAdmin.articles.priceWas', { price: formatMoney(article.priceKopecks) })}
            {...form.getInputProps('price')}
          />
          <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={t('catalogAdmin.articles.meaning')}>
            <Table.Tbody>
              {article.parts.map((part) => (
                <Table.Tr key={part.part}>
                  <Table.Td w={200} c="dimmed">
                    {part.label}
                  </Table.Td>
                  <Table.Td w={60}>
                    <Code>{part.code}</Code>
                  </Table.Td>
                  <Table.Td>{part.meaning}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('catalogAdmin.articles.createdOn', { date: formatDate(article.createdAt) })}
          </Text>
          <Group justify="space-between">
            <Button
              variant="subtle"
              color={article.archived ? 'teal' : 'red'}
              leftSection={article.archived ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
              onClick={() => setArchived(!article.archived)}
              loading={update.isPending && update.variables?.body.archived !== undefined}
            >
              {article.archived ? t('catalogAdmin.articles.restore') : t('catalogAdmin.articles.archive')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                disabled={!form.isDirty}
                loading={update.isPending && update.variables?.body.archived === undefined}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
