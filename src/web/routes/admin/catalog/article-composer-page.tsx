import {
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeTable } from '../../../../shared/api/catalog';
import { moscowDateParts } from '../../../../shared/dates';
import { SERIAL_PART_PLACEHOLDERS, type SerialTableKey } from '../../../../shared/serial-number';
import { isApiError } from '../../../api/client';
import { useCodeTables, useCreateArticle } from '../../../api/queries/catalog';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { type FormErrors, useForm } from '../../../lib/use-form';
import { ArticleCodePreview, type ComposerParts } from './article-code-preview';
import { ARTICLE_TABLE_PARTS, toSerialTables } from './code-tables';
import { kopecksOf, PriceInput } from './price-input';
import { serverFieldErrors } from './server-field-errors';

type Values = ComposerParts & { name: string; price: number | string };

const FIELDS = [...ARTICLE_TABLE_PARTS, 'articleYear', 'name', 'priceKopecks'];

/** A new article: the operator picks each part from the code tables and sees the code being composed. */
export function ArticleComposerPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const tables = useCodeTables();
  return (
    <>
      <PageHeader
        title={t('catalogAdmin.composer.title')}
        crumbs={[
          { label: t('nav.backOffice'), to: '/admin' },
          { label: t('catalogAdmin.nav.articles'), to: '/admin/catalog/articles' },
          { label: t('catalogAdmin.composer.title') },
        ]}
        description={t('catalogAdmin.composer.description')}
      />
      {tables.isError ? (
        <Alert color="red">{describe(tables.error)}</Alert>
      ) : tables.data ? (
        <ArticleComposer tables={tables.data.items} />
      ) : (
        <Skeleton h={480} />
      )}
    </>
  );
}

function ArticleComposer({ tables }: { tables: CodeTable[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const notifyError = useNotifyError();
  const [conflict, setConflict] = useState<string | null>(null);
  const codecTables = useMemo(() => toSerialTables(tables), [tables]);
  const byKey = useMemo(() => new Map(tables.map((table) => [table.key, table])), [tables]);

  const form = useForm<Values>({
    initialValues: {
      ...(Object.fromEntries(ARTICLE_TABLE_PARTS.map((key) => [key, ''])) as Record<SerialTableKey, string>),
      articleYear: moscowDateParts(new Date()).year,
      name: '',
      price: '',
    },
    validate: (values) => {
      const errors: FormErrors = {};
      for (const key of ARTICLE_TABLE_PARTS) if (!values[key]) errors[key] = t('catalogAdmin.composer.pick');
      const year = values.articleYear;
      if (year === null || year < 2000 || year > 2099)
        errors.articleYear = t('catalogAdmin.composer.yearRange');
      if (!values.name.trim()) errors.name = t('catalogAdmin.articles.nameRequired');
      if (kopecksOf(values.price) === null) errors.price = t('catalogAdmin.articles.priceRequired');
      return errors;
    },
  });
  const { values } = form;

  const submit = form.onSubmit((input) => {
    setConflict(null);
    const parts = Object.fromEntries(ARTICLE_TABLE_PARTS.map((key) => [key, input[key]])) as Record<
      SerialTableKey,
      string
    >;
    create.mutate(
      {
        ...parts,
        articleYear: input.articleYear ?? undefined,
        name: input.name.trim(),
        priceKopecks: kopecksOf(input.price) ?? 0,
      },
      {
        onSuccess: (article) => {
          notifySuccess(t('catalogAdmin.composer.created', { code: article.code }));
          void navigate({ to: '/admin/catalog/articles', search: { q: article.code } });
        },
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) return setConflict(error.message);
          const fields = serverFieldErrors(error, FIELDS);
          if (Object.keys(fields).length === 0) return notifyError(error);
          const { priceKopecks, ...rest } = fields;
          form.setErrors({ ...rest, ...(priceKopecks ? { price: priceKopecks } : {}) });
        },
      },
    );
  });

  const partSelect = (key: SerialTableKey) => {
    const table = byKey.get(key);
    return (
      <Select
        key={key}
        label={`${t(`catalogAdmin.composer.parts.${key}`)} · ${SERIAL_PART_PLACEHOLDERS[key]}`}
        description={table ? t('catalogAdmin.composer.fromTable', { number: table.number }) : undefined}
        placeholder={t('catalogAdmin.composer.pickPlaceholder')}
        data={(table?.entries ?? []).map((entry) => ({
          value: entry.code,
          label: `${entry.code} — ${entry.name}`,
          // Retired codes still decode old serials but new articles refuse them (seed 000, «Приложение 1»).
          disabled: entry.retired,
        }))}
        searchable
        required
        nothingFoundMessage={t('table.nothingFound')}
        value={values[key] || null}
        onChange={(value) => {
          setConflict(null);
          form.setFieldValue(key, value ?? '');
        }}
        error={form.errors[key]}
        comboboxProps={{ withinPortal: true }}
      />
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('catalogAdmin.composer.title')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
              <Title order={2} fz="md" mb="md">
                {t('catalogAdmin.composer.codesTitle')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {ARTICLE_TABLE_PARTS.map(partSelect)}
                <NumberInput
                  label={`${t('catalogAdmin.composer.parts.articleYear')} · ZZ`}
                  description={t('catalogAdmin.composer.yearHint')}
                  min={2000}
                  max={2099}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  required
                  value={values.articleYear ?? ''}
                  onChange={(value) =>
                    form.setFieldValue('articleYear', typeof value === 'number' ? value : null)
                  }
                  error={form.errors.articleYear}
                />
              </SimpleGrid>
            </Paper>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
              <Title order={2} fz="md" mb="md">
                {t('catalogAdmin.composer.salesTitle')}
              </Title>
              <Stack gap="md">
                <TextInput label={t('catalogAdmin.articles.name')} required {...form.getInputProps('name')} />
                <PriceInput
                  label={t('catalogAdmin.articles.price')}
                  required
                  maw={260}
                  description={t('catalogAdmin.articles.priceHint')}
                  {...form.getInputProps('price')}
                />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md" pos="sticky" top={76}>
            <ArticleCodePreview parts={values} tables={codecTables} />
            {conflict && (
              <Alert color="red" title={t('catalogAdmin.composer.conflictTitle')}>
                {conflict}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate({ to: '/admin/catalog/articles' })}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('catalogAdmin.composer.save')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('catalogAdmin.composer.fixedHint')}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
