import { Button, Group, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OrganizationContactsUpdateBody, type OrganizationResponse } from '../../../shared/api/organizations';
import { useUpdateOrganizationContacts } from '../../api/queries/organization';
import { nullIfEmpty } from '../../lib/format';
import { notifySuccess, useNotifyError } from '../../lib/notify';
import { useForm } from '../../lib/use-form';

type Props = { organization: OrganizationResponse; onDone: () => void };

export function ContactsForm({ organization, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateOrganizationContacts();
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: {
      contactName: organization.contactName,
      contactPhone: organization.contactPhone ?? '',
      contactEmail: organization.contactEmail ?? '',
      accountantEmail: organization.accountantEmail ?? '',
      documentEmails: organization.documentEmails,
      postalAddress: organization.postalAddress ?? '',
    },
    schema: OrganizationContactsUpdateBody,
    transform: (values) => ({
      ...values,
      contactPhone: nullIfEmpty(values.contactPhone),
      contactEmail: nullIfEmpty(values.contactEmail),
      accountantEmail: nullIfEmpty(values.accountantEmail),
      postalAddress: nullIfEmpty(values.postalAddress),
    }),
  });

  const submit = form.onSubmit((body) =>
    update.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        onDone();
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput label={t('organization.contactName')} required {...form.getInputProps('contactName')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('organization.contactPhone')}
            type="tel"
            {...form.getInputProps('contactPhone')}
          />
          <TextInput
            label={t('organization.contactEmail')}
            type="email"
            {...form.getInputProps('contactEmail')}
          />
        </SimpleGrid>
        <TextInput
          label={t('organization.accountantEmail')}
          type="email"
          {...form.getInputProps('accountantEmail')}
        />
        <TagsInput
          label={t('organization.documentEmails')}
          description={t('home.documentEmailsHint')}
          maxTags={10}
          splitChars={[',', ' ', ';']}
          clearable
          {...form.getInputProps('documentEmails')}
        />
        <TextInput label={t('organization.postalAddress')} {...form.getInputProps('postalAddress')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
