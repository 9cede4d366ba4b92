import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../shared/api/catalog';
import { LicenseIssueBody, type LicenseIssueResponse } from '../../../../shared/api/licenses';
import type { OrganizationSummary } from '../../../../shared/api/organizations';
import { formatMoney } from '../../../../shared/money';
import { useIssueLicenses } from '../../../api/queries/licenses';
import { PageHeader } from '../../../components/page-header';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useNotifyError } from '../../../lib/notify';
import { type FormErrors, useForm } from '../../../lib/use-form';
import { useArticleOptions, useOrganizationOptions } from './issue-options';
import { IssueResult } from './issue-result';
import { type RemoteOption, RemoteSelect } from './remote-select';

type Values = {
  organization: RemoteOption<OrganizationSummary> | null;
  article: RemoteOption<Article> | null;
  quantity: number | string;
  serialsCount: number | string;
  reference: string;
  recipientEmail: string;
};

const INITIAL: Values = {
  organization: null,
  article: null,
  quantity: 1,
  serialsCount: 1,
  reference: '',
  recipientEmail: '',
};

/** «Выдача лицензий» (seed 000, «отгрузка лицензии»): serials of one article for one organization. */
export function IssuePage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<{
    response: LicenseIssueResponse;
    organization: OrganizationSummary;
  } | null>(null);
  return (
    <>
      <PageHeader
        title={t('licensesAdmin.nav.issue')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('licensesAdmin.nav.issue') }]}
        description={t('licensesAdmin.issue.description')}
      />
      {result ? (
        <IssueResult
          result={result.response}
          organization={result.organization}
          onAgain={() => setResult(null)}
        />
      ) : (
        <IssueForm onIssued={(response, organization) => setResult({ response, organization })} />
      )}
    </>
  );
}

type IssuedHandler = (response: LicenseIssueResponse, organization: OrganizationSummary) => void;

function IssueForm({ onIssued }: { onIssued: IssuedHandler }) {
  const { t } = useTranslation();
  const issue = useIssueLicenses();
  const notifyError = useNotifyError();
  // One key per filled form: a double click or a retry after a lost answer repeats the same request and the
  // server answers with the first result instead of issuing twice. Changed data is a new request, a new key.
  const key = useRef<{ body: string; value: string } | null>(null);
  const keyFor = (body: unknown) => {
    const text = JSON.stringify(body);
    if (key.current?.body !== text) key.current = { body: text, value: newIdempotencyKey() };
    return key.current.value;
  };

  const form = useForm({
    initialValues: INITIAL,
    schema: LicenseIssueBody,
    transform: (values) => ({
      organizationId: values.organization?.value ?? '',
      articleId: values.article?.value ?? '',
      quantity: typeof values.quantity === 'number' ? values.quantity : Number.NaN,
      serialsCount: typeof values.serialsCount === 'number' ? values.serialsCount : Number.NaN,
      reference: values.reference,
      recipientEmail: values.recipientEmail,
    }),
    validate: (values) => {
      const errors: FormErrors = {};
      if (!values.organization) errors.organizationId = t('licensesAdmin.issue.pickOrganization');
      if (!values.article) errors.articleId = t('licensesAdmin.issue.pickArticle');
      if (typeof values.quantity !== 'number') errors.quantity = t('licensesAdmin.issue.quantityRequired');
      if (typeof values.serialsCount !== 'number')
        errors.serialsCount = t('licensesAdmin.issue.serialsRequired');
      // The API may leave it out (older integrations); the form always says where the login goes (seed 000).
      if (!values.recipientEmail.trim()) errors.recipientEmail = t('licensesAdmin.issue.recipientRequired');
      return errors;
    },
  });
  const { values } = form;

  const submit = form.onSubmit((body) =>
    issue.mutate(
      { body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (response) => {
          key.current = null;
          if (values.organization) onIssued(response, values.organization.item);
        },
        onError: (error) => {
          if (!form.applyServerError(error)) notifyError(error);
        },
      },
    ),
  );
  const seats =
    typeof values.quantity === 'number' && typeof values.serialsCount === 'number'
      ? values.quantity * values.serialsCount
      : null;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={880}>
      <form noValidate onSubmit={submit} aria-label={t('licensesAdmin.nav.issue')}>
        <Stack gap="md">
          <RemoteSelect
            label={t('licensesAdmin.issue.organization')}
            placeholder={t('licensesAdmin.issue.organizationPlaceholder')}
            required
            value={values.organization}
            onChange={(option) => {
              form.setFieldValue('organization', option);
              // Seed 000: the login goes «на электронный адрес, указанный в форме на отгрузку»; the
              // organization's contact is the usual one, so the form starts from it and the operator may change it.
              if (option) form.setFieldValue('recipientEmail', option.item.contactEmail);
            }}
            useOptions={useOrganizationOptions}
            error={form.errors.organizationId}
          />
          <TextInput
            type="email"
            autoComplete="off"
            label={t('licensesAdmin.issue.recipientEmail')}
            description={t('licensesAdmin.issue.recipientEmailHint')}
            required
            {...form.getInputProps('recipientEmail')}
          />
          <RemoteSelect
            label={t('licensesAdmin.issue.article')}
            placeholder={t('licensesAdmin.issue.articlePlaceholder')}
            required
            value={values.article}
            onChange={(option) => form.setFieldValue('article', option)}
            useOptions={useArticleOptions}
            error={form.errors.articleId}
            description={
              values.article
                ? t('licensesAdmin.issue.articleFacts', {
                    product: values.article.item.productName,
                    price: formatMoney(values.article.item.priceKopecks),
                  })
                : undefined
            }
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('licensesAdmin.issue.quantity')}
              description={t('licensesAdmin.issue.quantityHint')}
              min={1}
              max={1_000_000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={'\u00a0'}
              required
              {...form.getInputProps('quantity')}
            />
            <NumberInput
              label={t('licensesAdmin.issue.serialsCount')}
              description={t('licensesAdmin.issue.serialsCountHint')}
              min={1}
              max={10_000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={'\u00a0'}
              required
              {...form.getInputProps('serialsCount')}
            />
            <TextInput
              label={t('licensesAdmin.issue.reference')}
              description={t('licensesAdmin.issue.referenceHint')}
              {...form.getInputProps('reference')}
            />
          </SimpleGrid>
          <Group justify="space-between" align="center">
            <Text size="sm" c="dimmed">
              {seats !== null
                ? t('licensesAdmin.issue.summary', { serials: values.serialsCount, total: seats })
                : ''}
            </Text>
            <Button type="submit" loading={issue.isPending} leftSection={<IconCertificate size={16} />}>
              {t('licensesAdmin.issue.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
