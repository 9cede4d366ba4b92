import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProfileUpdateBody } from '../../../shared/api/auth';
import { useMe, useUpdateProfile } from '../../api/queries/auth';
import { Section } from '../../components/section';
import { applyLocale, type Locale } from '../../i18n';
import { nullIfEmpty } from '../../lib/format';
import { notifySuccess, useNotifyError } from '../../lib/notify';
import { useForm } from '../../lib/use-form';

/** Name, phone and interface language of the person logged in. */
export function ProfileSection() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <Section title={t('settings.profileTitle')} description={me.user.email}>
      {/* Remounts when the profile changes elsewhere (the language switch in the header). */}
      <ProfileForm
        key={`${me.user.name}|${me.user.phone}|${me.user.locale}`}
        name={me.user.name}
        phone={me.user.phone ?? ''}
        locale={me.user.locale}
      />
    </Section>
  );
}

function ProfileForm(initial: { name: string; phone: string; locale: Locale }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: initial,
    schema: ProfileUpdateBody,
    transform: (values) => ({ ...values, phone: nullIfEmpty(values.phone) }),
  });

  const submit = form.onSubmit((body) =>
    update.mutate(body, {
      onSuccess: (me) => {
        form.reset({ name: me.user.name, phone: me.user.phone ?? '', locale: me.user.locale });
        void applyLocale(me.user.locale, { remember: true });
        notifySuccess(t('common.saved'));
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('settings.name')}
            autoComplete="name"
            required
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('settings.phone')}
            type="tel"
            autoComplete="tel"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <Select
          label={t('language.label')}
          data={[
            { value: 'ru', label: 'Русский' },
            { value: 'en', label: 'English' },
          ]}
          allowDeselect={false}
          maw={280}
          {...form.getInputProps('locale')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
