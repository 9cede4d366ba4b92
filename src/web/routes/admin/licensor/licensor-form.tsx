import { Button, Code, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LicensorSettings } from '../../../../shared/api/orders';
import { useSaveLicensorSettings } from '../../../api/queries/admin-partner-orders';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

const EMPTY: LicensorSettings = {
  shortName: '',
  fullName: '',
  inn: '',
  kpp: '',
  ogrn: '',
  address: '',
  phone: '',
  bankName: '',
  bik: '',
  correspondentAccount: '',
  settlementAccount: '',
  director: '',
  accountant: '',
  invoicePrefix: '',
};

/** The invoice number people see for the 118th invoice with this prefix: `ПГ-` → `ПГ-118`. */
export function invoiceExample(prefix: string): string {
  return `${prefix.trim()}118`;
}

type Props = { settings: LicensorSettings | null; readOnly: boolean };

/** The supplier on every invoice and УПД: requisites, bank, signatures, the invoice number prefix. */
export function LicensorForm({ settings, readOnly }: Props) {
  const { t } = useTranslation();
  const save = useSaveLicensorSettings();
  const notifyError = useNotifyError();
  const form = useForm({ initialValues: settings ?? EMPTY, schema: LicensorSettings });
  const field = (key: keyof LicensorSettings, required = true) => ({
    label: t(`partnerOps.licensor.fields.${key}`),
    required,
    ...form.getInputProps(key),
  });
  const submit = form.onSubmit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => {
        form.reset(saved);
        notifySuccess(t('common.saved'));
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit} aria-label={t('partnerOps.nav.licensor')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="xl">
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('partnerOps.licensor.organization')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...field('shortName')} placeholder="АО «Пи Джи Групп»" />
              <TextInput {...field('fullName')} placeholder="Акционерное общество «Пи Джи Групп»" />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput {...field('inn')} inputMode="numeric" />
              <TextInput {...field('kpp', false)} inputMode="numeric" />
              <TextInput {...field('ogrn')} inputMode="numeric" />
            </SimpleGrid>
            <Textarea {...field('address')} autosize minRows={2} />
            <TextInput {...field('phone', false)} w={{ base: '100%', sm: 320 }} />
          </Stack>
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('partnerOps.licensor.bank')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...field('bankName')} />
              <TextInput {...field('bik')} inputMode="numeric" />
              <TextInput {...field('correspondentAccount')} inputMode="numeric" />
              <TextInput {...field('settlementAccount')} inputMode="numeric" />
            </SimpleGrid>
          </Stack>
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('partnerOps.licensor.signatures')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...field('director')} />
              <TextInput {...field('accountant')} />
            </SimpleGrid>
          </Stack>
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('partnerOps.licensor.invoices')}
            </Title>
            <Group align="flex-start" gap="lg">
              <TextInput
                {...field('invoicePrefix', false)}
                description={t('partnerOps.licensor.prefixHint')}
                w={260}
              />
              <Stack gap={4} pt={26}>
                <Text size="sm" c="dimmed">
                  {t('partnerOps.licensor.example')}
                </Text>
                <Code fz="md" data-testid="invoice-example">
                  {invoiceExample(form.values.invoicePrefix)}
                </Code>
              </Stack>
            </Group>
          </Stack>
          {!readOnly && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty}>
                {t('common.reset')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
